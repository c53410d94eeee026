// 统计分析 charts, drawn with the vendored Chart.js from the figures in the page (the
// tables above hold the same numbers for screen readers and printing).
(function () {
  var source = document.getElementById("xf-chart-data");
  if (!source || typeof Chart === "undefined") return;
  var data = JSON.parse(source.textContent);
  var months = document.getElementById("xf-chart-months");
  if (months) {
    new Chart(months, {
      type: "line",
      data: {
        labels: data.months,
        datasets: [
          { label: "发稿数", data: data.articles, borderColor: "#b0120a", yAxisID: "y" },
          { label: "阅读次数", data: data.reads, borderColor: "#595959", yAxisID: "reads" },
        ],
      },
      options: { animation: false, scales: { reads: { position: "right" } } },
    });
  }
  var branches = document.getElementById("xf-chart-branches");
  if (branches) {
    new Chart(branches, {
      type: "bar",
      data: {
        labels: data.branches,
        datasets: [{ label: "发稿数", data: data.branch_articles, backgroundColor: "#b0120a" }],
      },
      options: { animation: false, indexAxis: data.branches.length > 8 ? "y" : "x" },
    });
  }
})();
