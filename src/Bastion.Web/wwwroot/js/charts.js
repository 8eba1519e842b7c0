// Draws the charts whose data the page put into data- attributes. Without ECharts the tables still show the figures.
(function () {
  "use strict";
  if (typeof echarts === "undefined") return;
  const el = document.getElementById("kind-chart");
  if (!el) return;
  const chart = echarts.init(el, null, { renderer: "svg" });
  chart.setOption({
    grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: "value", minInterval: 1 },
    yAxis: { type: "category", data: JSON.parse(el.dataset.labels), inverse: true },
    series: [{ type: "bar", data: JSON.parse(el.dataset.values), itemStyle: { color: "#b3001b" }, label: { show: true, position: "right" } }],
    tooltip: { trigger: "axis" },
    aria: { enabled: true },
    animation: false,
  });
  window.addEventListener("resize", () => chart.resize());
})();
