// The editors' page: reads ticks, labels and row order from the DOM; writes text only with textContent.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("picks-config").textContent);
  function items(kind) {
    return Array.prototype.slice.call(document.querySelectorAll('tbody.item[data-kind="' + kind + '"]'));
  }
  function isPicked(item) { return item.querySelector("input.pick").checked; }
  function collect() {
    return {
      version: config.version,
      article_id: config.article_id,
      themes: items("theme").filter(isPicked).map(function (item) {
        var label = item.querySelector(".label").value.replace(/\s+/g, " ").trim();
        return {id: item.dataset.id, label: label || item.dataset.label};
      }),
      quotes: items("quote").filter(isPicked).map(function (item) { return {id: item.dataset.id}; })
    };
  }
  function refresh() {
    items("theme").concat(items("quote")).forEach(function (item) {
      item.classList.toggle("picked", isPicked(item));
    });
    var picks = collect();
    document.getElementById("status").textContent =
      "已选：主题 " + picks.themes.length + " 个，引语 " + picks.quotes.length + " 条";
    filter();
  }
  function sibling(item, step) {
    var next = step < 0 ? item.previousElementSibling : item.nextElementSibling;
    while (next && !(next.matches("tbody.item") && !next.hidden)) {
      next = step < 0 ? next.previousElementSibling : next.nextElementSibling;
    }
    return next;
  }
  function filter() {
    var type = document.getElementById("type-filter").value;
    var only = document.getElementById("only-picked").checked;
    var more = document.getElementById("show-more").checked || type !== "";
    items("theme").forEach(function (item) {
      item.hidden = (type !== "" && item.dataset.type !== type) || (only && !isPicked(item)) ||
        (!more && item.dataset.more === "1" && !isPicked(item));
    });
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-move]");
    if (!button) { return; }
    var item = button.closest("tbody.item");
    var other = sibling(item, button.dataset.move === "up" ? -1 : 1);
    if (!other) { return; }
    if (button.dataset.move === "up") { item.parentNode.insertBefore(item, other); }
    else { item.parentNode.insertBefore(other, item); }
    button.focus();
  });
  document.addEventListener("change", refresh);
  document.getElementById("save").addEventListener("click", function () {
    var picks = collect();
    var blob = new Blob([JSON.stringify(picks, null, 1) + "\n"], {type: "application/json"});
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = config.file_name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    document.getElementById("status").textContent = "已保存 " + config.file_name + "（主题 " +
      picks.themes.length + " 个，引语 " + picks.quotes.length + " 条）：请放进项目的 picks/ 文件夹，再运行 make report";
  });
  refresh();
})();
