// The community dashboard: each canvas draws the table it names (data-table); the table stays the source.
import { Chart, DASHES, INKS, POINTS, baseOptions, number, pattern, rowsOf, seriesNames } from "./charts.js";

for (const canvas of document.querySelectorAll("canvas[data-chart]")) {
  const table = document.getElementById(canvas.dataset.table);
  if (!table) continue;
  const rows = rowsOf(table);
  const names = seriesNames(table);
  const kind = canvas.dataset.chart;
  const datasets = names.map((name, index) => {
    const ink = INKS[index % INKS.length];
    const common = { label: name, data: rows.map((row) => row.values[index]), borderColor: ink };
    if (kind === "line") {
      return { ...common, borderDash: DASHES[index], pointStyle: POINTS[index], pointRadius: 2, borderWidth: 2, fill: false };
    }
    return { ...common, backgroundColor: pattern(index), borderWidth: 1.5 };
  });
  if (kind === "hbar") canvas.parentElement.style.height = `${rows.length * 28 + 80}px`;
  const valueAxis = { beginAtZero: true, ticks: { precision: 0, callback: (value) => number(value) } };
  new Chart(canvas, {
    type: kind === "line" ? "line" : "bar",
    data: { labels: rows.map((row) => row.label), datasets },
    options: {
      ...baseOptions,
      indexAxis: kind === "hbar" ? "y" : "x",
      scales: kind === "hbar" ? { x: valueAxis } : { y: valueAxis },
      plugins: { legend: { display: names.length > 1 } },
    },
  });
}
