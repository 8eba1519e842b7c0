// Draws the requests dashboard chart from the data the page put into data- attributes; the table below shows the same figures.
(function () {
  "use strict";
  if (typeof echarts === "undefined") return;
  const el = document.getElementById("by-category");
  if (!el) return;
  const chart = echarts.init(el, null, { renderer: "svg" });
  chart.setOption({
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    legend: {},
    tooltip: { trigger: "axis" },
    xAxis: { type: "category", data: JSON.parse(el.dataset.labels), axisLabel: { rotate: 30 } },
    yAxis: [{ type: "value", minInterval: 1 }, { type: "value", max: 100, axisLabel: { formatter: "{value}%" } }],
    series: [
      { name: el.dataset.receivedName, type: "bar", data: JSON.parse(el.dataset.received), itemStyle: { color: "#b3001b" } },
      { name: el.dataset.ontimeName, type: "line", yAxisIndex: 1, data: JSON.parse(el.dataset.ontime) },
    ],
    aria: { enabled: true },
    animation: false,
  });
  window.addEventListener("resize", () => chart.resize());
})();
