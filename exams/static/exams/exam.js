// 网上考试: each answer is saved as soon as it changes (a dropped connection loses
// nothing already saved; a failed save is retried on the next change and on 交卷),
// and the clock counts down from what the server says is left. The server enforces
// the deadline; the page only shows it.
(function () {
  var form = document.querySelector(".exam-form");
  if (!form || !window.fetch) return;
  var token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var clock = document.querySelector(".exam-clock strong");
  var left = parseInt(document.querySelector(".exam-clock").dataset.remaining, 10);
  function valueOf(fieldset) {
    var inputs = fieldset.querySelectorAll("input");
    var picked = [];
    inputs.forEach(function (input) {
      if (input.type === "radio" || input.type === "checkbox") {
        if (input.checked) picked.push(input.value);
      } else {
        picked.push(input.value);
      }
    });
    return picked.join("");
  }
  function save(fieldset) {
    var status = fieldset.querySelector(".saved");
    var body = new URLSearchParams({question: fieldset.dataset.question, value: valueOf(fieldset)});
    return fetch(form.dataset.save, {
      method: "POST", credentials: "same-origin", body: body,
      headers: {"X-CSRFToken": token},
    }).then(function (response) {
      return response.json().then(function (data) {
        if (data.saved) {
          status.textContent = "已保存";
          left = data.remaining;
        } else {
          status.textContent = data.error;
        }
      });
    }).catch(function () {
      status.textContent = "未保存（网络中断），恢复后会再保存";
      fieldset.dataset.unsaved = "1";
    });
  }
  form.addEventListener("change", function (event) {
    var fieldset = event.target.closest("fieldset");
    if (fieldset) save(fieldset);
  });
  window.addEventListener("online", function () {
    form.querySelectorAll("fieldset[data-unsaved]").forEach(function (fieldset) {
      delete fieldset.dataset.unsaved;
      save(fieldset);
    });
  });
  setInterval(function () {
    left = Math.max(left - 1, 0);
    var minutes = Math.floor(left / 60), seconds = left % 60;
    clock.textContent = minutes + " 分 " + (seconds < 10 ? "0" : "") + seconds + " 秒";
    if (left === 0) form.submit();
  }, 1000);
})();
