// Draws the strength index charts from the page's data- attributes (radar, trend, children ranking). The tables beside
// them carry the same figures, so without ECharts nothing is lost. Missing scores stay gaps ("-"), never 0.
(function () {
  "use strict";
  if (typeof echarts === "undefined") return;
  const charts = [];
  const gap = (v) => (v === null || v === undefined ? "-" : v);
  const make = (el) => {
    const chart = echarts.init(el, el.dataset.theme === "dark" ? "dark" : null, { renderer: "svg" });
    charts.push(chart);
    return chart;
  };
  const dark = (el) => el.dataset.theme === "dark";
  const big = (el) => (dark(el) ? 22 : 12);

  const radar = document.getElementById("strength-radar");
  if (radar) {
    const names = JSON.parse(radar.dataset.names);
    make(radar).setOption({
      backgroundColor: "transparent",
      radar: { indicator: names.map((n) => ({ name: n, max: 100, min: 0 })), radius: "65%", axisName: { fontSize: big(radar) } },
      series: [{ type: "radar", name: radar.dataset.series, data: [{ value: JSON.parse(radar.dataset.values).map(gap), name: radar.dataset.series }],
        areaStyle: { opacity: 0.25 }, itemStyle: { color: dark(radar) ? "#ffd24d" : "#b3001b" }, label: { show: true, fontSize: big(radar) } }],
      tooltip: {},
      aria: { enabled: true },
      animation: false,
    });
  }

  const trend = document.getElementById("strength-trend");
  if (trend) {
    const names = JSON.parse(trend.dataset.names);
    const values = JSON.parse(trend.dataset.values);
    make(trend).setOption({
      grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
      legend: { data: names, type: "scroll", top: 0 },
      xAxis: { type: "category", data: JSON.parse(trend.dataset.periods) },
      yAxis: { type: "value", min: 0, max: 100 },
      series: names.map((n, i) => ({ name: n, type: "line", data: values[i].map(gap), connectNulls: false, lineStyle: { width: i === 0 ? 3 : 1 } })),
      tooltip: { trigger: "axis" },
      aria: { enabled: true },
      animation: false,
    });
  }

  const ranking = document.getElementById("strength-ranking");
  if (ranking) {
    make(ranking).setOption({
      backgroundColor: "transparent",
      grid: { left: 8, right: 60, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: "value", min: 0, max: 100, axisLabel: { fontSize: big(ranking) } },
      yAxis: { type: "category", data: JSON.parse(ranking.dataset.labels), inverse: true, axisLabel: { fontSize: big(ranking) } },
      series: [{ type: "bar", data: JSON.parse(ranking.dataset.values).map(gap), itemStyle: { color: dark(ranking) ? "#ff5a5f" : "#b3001b" },
        label: { show: true, position: "right", fontSize: big(ranking) } }],
      aria: { enabled: true },
      animation: false,
    });
  }

  window.addEventListener("resize", () => charts.forEach((c) => c.resize()));
})();
