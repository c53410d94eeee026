// 调查投票: the results chart follows the running vote (the figures are polled every
// few seconds; without JavaScript the page shows them as they were when loaded).
(function () {
  var section = document.querySelector(".survey-results[data-live]");
  if (!section || !window.fetch) return;
  function update() {
    fetch(section.dataset.resultsUrl, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data) return;
        section.querySelector("[data-responses]").textContent = data.responses;
        data.questions.forEach(function (question) {
          var figure = section.querySelector('[data-question="' + question.id + '"]');
          if (!figure) return;
          var total = question.answered || 1;
          figure.querySelectorAll(".bar").forEach(function (bar, index) {
            var n = question.counts[index] || 0, percent = Math.round((100 * n) / total);
            bar.querySelector(".bar-fill").style.width = percent + "%";
            bar.querySelector(".bar-count").textContent = n + "（" + percent + "%）";
          });
        });
      })
      .catch(function () {});
  }
  setInterval(update, 5000);
})();
