// Each cell of a listing table gets its column's name (data-label), shown beside the
// value when the table becomes cards on a phone (screen.css).
document.querySelectorAll(".xf-screen table.listing").forEach(function (table) {
  var names = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
    return th.textContent.trim();
  });
  table.querySelectorAll("tbody tr").forEach(function (row) {
    Array.prototype.forEach.call(row.children, function (cell, index) {
      if (names[index] && !cell.hasAttribute("colspan")) cell.dataset.label = names[index];
    });
  });
});
