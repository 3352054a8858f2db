// What the stats pages' charts share: Chart.js and its box plot plugin (vendored from npm, UMD builds that set
// globalThis.Chart), number formats in the page's language, and the patterns that tell series apart without colour.
// vendor/: `npm pack chart.js@4.6.1` (dist/chart.umd.min.js) and `npm pack @sgratzl/chartjs-chart-boxplot@4.4.5`
// (build/index.umd.min.js, which bundles @sgratzl/boxplots 2.0.0), licences beside them. Their source-map comments
// are removed: the maps are not shipped, and collectstatic's manifest storage refuses references to missing files.
import "./vendor/chart.umd.min.js";
import "./vendor/chartjs-chart-boxplot.umd.min.js";

export const Chart = globalThis.Chart;

const danish = (document.documentElement.lang || "da").startsWith("da");
const whole = new Intl.NumberFormat(danish ? "da-DK" : "en-GB", { maximumFractionDigits: 0 });

export const number = (value) => whole.format(value);
export const kroner = (value) => (danish ? `${whole.format(value)} kr.` : `DKK ${whole.format(value)}`);

// Dark enough for 3:1 against white; each series also gets its own fill pattern and line dash.
export const INKS = ["#1f4e79", "#8a4500", "#2e6b30", "#6a1b9a", "#444444"];
export const DASHES = [[], [8, 4], [2, 3], [12, 3, 2, 3], [4, 4]];
export const POINTS = ["circle", "rect", "triangle", "rectRot", "crossRot"];

export function pattern(index) {
  const ink = INKS[index % INKS.length];
  const tile = document.createElement("canvas");
  tile.width = tile.height = 10;
  const pen = tile.getContext("2d");
  pen.fillStyle = "#ffffff";
  pen.fillRect(0, 0, 10, 10);
  pen.strokeStyle = ink;
  pen.fillStyle = ink;
  pen.lineWidth = 1.5;
  switch (index % 4) {
    case 0: // solid, light
      pen.globalAlpha = 0.35;
      pen.fillRect(0, 0, 10, 10);
      break;
    case 1: // diagonal lines
      pen.beginPath();
      pen.moveTo(0, 10);
      pen.lineTo(10, 0);
      pen.moveTo(-5, 5);
      pen.lineTo(5, -5);
      pen.moveTo(5, 15);
      pen.lineTo(15, 5);
      pen.stroke();
      break;
    case 2: // dots
      pen.beginPath();
      pen.arc(5, 5, 1.8, 0, 2 * Math.PI);
      pen.fill();
      break;
    default: // cross-hatch
      pen.beginPath();
      pen.moveTo(0, 5);
      pen.lineTo(10, 5);
      pen.moveTo(5, 0);
      pen.lineTo(5, 10);
      pen.stroke();
  }
  return pen.createPattern(tile, "repeat");
}

// The numbers a chart draws come from the table beside it: rows carry data-label and data-values.
export function rowsOf(table) {
  return [...table.querySelectorAll("tbody tr[data-values]")].map((row) => ({
    label: row.dataset.label,
    values: row.dataset.values.split(",").map(Number),
    row,
  }));
}

export function seriesNames(table) {
  return [...table.querySelectorAll("thead th[data-series]")].map((cell) => cell.textContent.trim());
}

export const baseOptions = {
  responsive: true,
  maintainAspectRatio: false,
  animation: false,
  plugins: { legend: { labels: { usePointStyle: false } } },
};
