// The salary page: the box chart drawn from the table, and filters that reload the table in place (the URL
// follows, so the view stays shareable). Without JavaScript the form's button does the same by a page load.
import { Chart, DASHES, INKS, baseOptions, kroner, pattern } from "./charts.js";

const ROW_HEIGHT = 18;

function draw() {
  const table = document.querySelector("[data-salary-table]");
  const canvas = document.getElementById("salary-chart");
  if (!table || !canvas) return null;
  const rows = [...table.querySelectorAll("tbody tr[data-values]")];
  const groups = [...new Set(rows.map((row) => row.dataset.group))];
  const years = [...new Set(rows.map((row) => row.dataset.year))].sort();
  const datasets = years.map((year, index) => ({
    label: year,
    data: groups.map((group) => {
      const row = rows.find((r) => r.dataset.group === group && r.dataset.year === year);
      if (!row) return null;
      const [p10, p25, median, p75, p90] = row.dataset.values.split(",").map(Number);
      return { min: p10, whiskerMin: p10, q1: p25, median, q3: p75, max: p90, whiskerMax: p90, outliers: [] };
    }),
    backgroundColor: pattern(index),
    borderColor: INKS[index % INKS.length],
    medianColor: INKS[index % INKS.length],
    borderWidth: 1.5,
    borderDash: DASHES[index % DASHES.length],
    outlierRadius: 0,
    itemRadius: 0,
    meanRadius: 0,
  }));
  canvas.parentElement.style.height = `${groups.length * (years.length * ROW_HEIGHT + 12) + 90}px`;
  return new Chart(canvas, {
    type: "boxplot",
    data: { labels: groups, datasets },
    options: {
      ...baseOptions,
      indexAxis: "y",
      scales: { x: { ticks: { callback: (value) => kroner(value) } } },
      plugins: {
        legend: { display: years.length > 1 },
        tooltip: {
          callbacks: {
            label: (item) => {
              const box = item.raw;
              return box ? `${item.dataset.label}: ${kroner(box.min)} · ${kroner(box.q1)} · ${kroner(box.median)} · ${kroner(box.q3)} · ${kroner(box.max)}` : "";
            },
          },
        },
      },
    },
  });
}

let chart = draw();

async function reload(form) {
  const url = `${window.location.pathname}?${new URLSearchParams(new FormData(form))}`;
  let response;
  try {
    response = await fetch(url, { headers: { Accept: "text/html" }, credentials: "same-origin" });
  } catch {
    form.submit();
    return;
  }
  if (!response.ok) {
    // The page's own answer shows what was wrong with the filters.
    window.location.assign(url);
    return;
  }
  const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
  const incoming = fresh.querySelector("[data-salary-results]");
  const current = document.querySelector("[data-salary-results]");
  if (!incoming || !current) {
    window.location.assign(url);
    return;
  }
  chart?.destroy();
  current.replaceWith(document.adoptNode(incoming));
  window.history.pushState(null, "", url);
  chart = draw();
  const status = document.getElementById("salary-status");
  const heading = document.getElementById("salary-table-heading");
  if (status && heading) status.textContent = heading.textContent.trim();
}

const form = document.querySelector("form[data-auto-submit]");
if (form) {
  form.addEventListener("change", () => reload(form));
}
window.addEventListener("popstate", () => window.location.reload());
