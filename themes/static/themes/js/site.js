// 长辈模式 (large text) remembered per browser, and the print button.
(function () {
  var root = document.documentElement;
  var KEY = "xf-elder";
  function sync(button) {
    var on = root.classList.contains("elder");
    button.setAttribute("aria-pressed", on ? "true" : "false");
  }
  document.querySelectorAll("[data-elder-toggle]").forEach(function (button) {
    sync(button);
    button.addEventListener("click", function () {
      var on = root.classList.toggle("elder");
      try { localStorage.setItem(KEY, on ? "1" : "0"); } catch (e) {}
      sync(button);
    });
  });
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
})();
