// Buttons whose effect could surprise (publishing at a grassroots site without 报送)
// ask once. Runs in the capture phase, before Wagtail's own handlers on the button.
document.addEventListener(
  "click",
  function (event) {
    var button = event.target.closest && event.target.closest("[data-xf-confirm]");
    if (button && !window.confirm(button.dataset.xfConfirm)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  },
  true
);
