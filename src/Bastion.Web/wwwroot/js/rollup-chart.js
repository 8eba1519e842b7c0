// Stacked bars of a cascade's roll-up (directive or study campaign) by sub-organization (most overdue first, as the table). Without ECharts the table still shows the figures.
(function () {
  "use strict";
  if (typeof echarts === "undefined") return;
  const el = document.getElementById("rollup-chart");
  if (!el) return;
  const labels = JSON.parse(el.dataset.labels);
  const names = JSON.parse(el.dataset.series);
  const values = JSON.parse(el.dataset.values);
  const keys = JSON.parse(el.dataset.keys);
  const colors = { Overdue: "#b3001b", NotStarted: "#adb5bd", InProgress: "#f0ad4e", Submitted: "#5bc0de", Completed: "#198754" };
  el.style.height = Math.max(160, 28 * labels.length + 60) + "px";
  const chart = echarts.init(el, null, { renderer: "svg" });
  chart.setOption({
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0 },
    xAxis: { type: "value", minInterval: 1 },
    yAxis: { type: "category", data: labels, inverse: true },
    series: names.map((name, i) => ({ name: name, type: "bar", stack: "all", data: values[i], itemStyle: { color: colors[keys[i]] } })),
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    aria: { enabled: true },
    animation: false,
  });
  window.addEventListener("resize", () => chart.resize());
})();
