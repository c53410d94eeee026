// 写稿: one description field per chosen photo, with a preview; the title, text and
// column kept in this browser while typing (a dropped connection loses nothing) and
// forgotten once the article is posted.
(function () {
  "use strict";
  var done = document.querySelector("[data-quickpost-done]");
  if (done) {
    try { localStorage.removeItem(done.dataset.draftKey); } catch (e) { /* private mode */ }
    return;
  }
  var form = document.querySelector("[data-quickpost]");
  if (!form) { return; }
  var key = form.dataset.draftKey;
  var input = form.querySelector("#id_photos");
  var list = form.querySelector("[data-photo-list]");
  var fields = ["title", "text", "column"];

  function render() {
    list.textContent = "";
    Array.prototype.forEach.call(input.files, function (file, index) {
      var item = document.createElement("li");
      var preview = document.createElement("img");
      preview.alt = "";
      preview.src = URL.createObjectURL(file);
      var box = document.createElement("span");
      var label = document.createElement("label");
      label.htmlFor = "id_description_" + index;
      label.textContent = "第 " + (index + 1) + " 张照片的说明";
      var text = document.createElement("input");
      text.type = "text";
      text.id = "id_description_" + index;
      text.name = "descriptions";
      text.maxLength = 60;
      text.required = true;
      text.placeholder = "如：村党支部召开党员大会";
      box.appendChild(label);
      box.appendChild(text);
      item.appendChild(preview);
      item.appendChild(box);
      list.appendChild(item);
    });
  }
  list.textContent = "";  // the field without script is for one photo only
  input.addEventListener("change", render);

  // the button says what it will do: 发布并报送, or 发布 when 报送 is unticked
  var submitBox = form.querySelector("#id_submit_to_parent");
  var button = form.querySelector("[data-label-with-submit]");
  if (submitBox && button) {
    var sync = function () {
      button.textContent = submitBox.checked ? button.dataset.labelWithSubmit : button.dataset.labelAlone;
    };
    submitBox.addEventListener("change", sync);
    sync();
  }

  try {
    var saved = JSON.parse(localStorage.getItem(key) || "null");
    if (saved) {
      fields.forEach(function (name) {
        var field = form.elements[name];
        if (field && !field.value && saved[name]) { field.value = saved[name]; }
      });
    }
  } catch (e) { /* no storage: nothing to restore */ }
  form.addEventListener("input", function () {
    var draft = {};
    fields.forEach(function (name) { draft[name] = form.elements[name] ? form.elements[name].value : ""; });
    try { localStorage.setItem(key, JSON.stringify(draft)); } catch (e) { /* full or private */ }
  });
}());
