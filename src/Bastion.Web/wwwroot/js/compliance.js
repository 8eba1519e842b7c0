// Draws the compliance rate per meeting kind from the page's data- attributes; the table beside it shows the same figures.
(function () {
  "use strict";
  if (typeof echarts === "undefined") return;
  const el = document.getElementById("compliance-chart");
  if (!el) return;
  const chart = echarts.init(el, null, { renderer: "svg" });
  chart.setOption({
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
    yAxis: { type: "category", data: JSON.parse(el.dataset.labels), inverse: true },
    series: [{ type: "bar", data: JSON.parse(el.dataset.values), itemStyle: { color: "#b3001b" }, label: { show: true, position: "right", formatter: "{c}%" } }],
    tooltip: { trigger: "axis" },
    aria: { enabled: true },
    animation: false,
  });
  window.addEventListener("resize", () => chart.resize());
})();
