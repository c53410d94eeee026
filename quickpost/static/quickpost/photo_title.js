// Wagtail titles an uploaded image with its file name. A camera's file name
// (IMG_20261123_093012) would become what a screen reader says, so on the single-image
// forms it is cleared and the required title asks for a short description instead.
// The pattern is sites.photo_titles.CAMERA_FILE_NAME, passed in by the script tag.
(function () {
  var pattern = new RegExp(document.currentScript.dataset.cameraPattern, "i");
  document.addEventListener("wagtail:images-upload", function (event) {
    var title = (event.detail.data.title || "").trim();
    // several at once: the uploader needs a title per file; they are edited afterwards
    if (window.location.pathname.indexOf("/images/multiple/") !== -1) return;
    if (pattern.test(title) || /^[\d_\-.\s]+$/.test(title)) {
      event.detail.data.title = "";
      var field = event.target.querySelector && event.target.querySelector("input[name$='title']");
      if (field) field.placeholder = "一句话说明照片内容，如：村党支部召开党员大会";
    }
  });
})();
