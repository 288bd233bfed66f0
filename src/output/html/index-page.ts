/**
 * index.html for an output folder: every converted document with its rows, review status and
 * warnings, linked to its review page, and charts (Chart.js, its UMD build inlined into the page:
 * the page opens from disk with no network) — activities per topic per plan, deadlines per month,
 * the shares of dated deadlines and numeric targets, and a region's years side by side. The charts count
 * plans, not files: renditions of one plan (src/output/compare-plans.ts) are one bar or line, drawn
 * from the rendition read with the fewest warnings.
 */
import { readFileSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PlanDocument } from "../../model/schema.js";
import { writeAtomically } from "../atomic-write.js";
import { DETAIL_STYLE, reasonHtml, warningHtml } from "./message-text.js";
import { hasDatedDeadline, hasNumericTarget } from "../row-figures.js";
import { monthName, planMonths } from "../compare-months.js";
import { groupRenditions } from "../compare-plans.js";
import { classifyActivity, compileThemes, defaultThemes, NO_TOPIC, type ThemeTable } from "../themes.js";
import { esc, scriptJson } from "./escape.js";

export interface IndexEntry {
  doc: PlanDocument;
  /** Name of the document's JSON file in the folder. */
  json: string;
  /** Name of its review page, when there is one. */
  html: string | null;
}

let chartJs: string | null = null;
/** The Chart.js UMD build, read from node_modules once. */
function chartLibrary(): string {
  if (chartJs === null) {
    const require = createRequire(import.meta.url);
    const file = join(dirname(require.resolve("chart.js")), "chart.umd.min.js");
    chartJs = readFileSync(file, "utf8");
  }
  return chartJs.replace(/<\/script/gi, "<\\/script");
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:14px/1.4 system-ui,"Segoe UI",Arial,sans-serif;color:#1b1f24;background:#f3f4f6}
header{padding:12px 16px;background:#fff;border-bottom:1px solid #d0d4da}
h1{font-size:19px;margin:0}h2{font-size:16px;margin:18px 0 6px}
.wrap{padding:0 16px 24px;max-width:1400px;margin:0 auto}
table{border-collapse:collapse;background:#fff;width:100%;font-size:13px}
th,td{border:1px solid #d0d4da;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#eef1f5}
td.n{text-align:right}
.status{display:inline-block;padding:1px 8px;border-radius:10px;font-weight:600;font-size:12px}
.status.ok{background:#dcf5e3;color:#17652f}.status.check{background:#fde7c7;color:#8a4b00}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(520px,1fr));gap:14px}
.chart{background:#fff;border:1px solid #d0d4da;border-radius:6px;padding:8px;height:380px;position:relative}
.chart h3{margin:0 0 4px;font-size:14px}
.chart .c{position:relative;height:330px}
details{background:#fff;border:1px solid #d0d4da;border-radius:6px;margin:6px 0;padding:4px 8px}
summary{cursor:pointer;font-weight:600}
details ol{margin:4px 0;padding-left:22px;font-size:13px}
details .w{color:#8a4b00;font-size:13px}
${DETAIL_STYLE}
a{color:#0b57d0}
`;

/** Short label of a plan for charts: region and period, else the file name; and how many renditions. */
function label(doc: PlanDocument, renditions: number): string {
  const d = doc.document;
  const parts = [d.region, d.period?.label].filter(Boolean);
  const name = parts.length ? `${parts.join(" ")} (${doc.source.file})` : doc.source.file;
  return renditions > 1 ? `${name} + ${renditions - 1} rendition(s)` : name;
}

function share(n: number, total: number): number {
  return total ? Math.round((n / total) * 1000) / 10 : 0;
}

interface ChartData {
  topics: { labels: string[]; datasets: { label: string; data: number[] }[] };
  months: { labels: string[]; datasets: { label: string; data: (number | null)[] }[] };
  shares: { labels: string[]; dated: number[]; numeric: number[] };
  years: { labels: string[]; datasets: { label: string; data: (number | null)[] }[] };
}

export function chartData(documents: IndexEntry[], themes: ThemeTable = defaultThemes()): ChartData {
  const matcher = compileThemes(themes);
  // One entry per plan: its chosen rendition.
  const plans = groupRenditions(documents.map((e) => e.doc));
  const entries = plans.map((p) => ({ doc: p.chosen }));
  const labels = plans.map((p) => label(p.chosen, p.documents.length));
  // Activities per topic per plan: one stacked bar per plan.
  const perDoc = entries.map((e) => {
    const counts = new Map<string, number>();
    for (const row of e.doc.rows) {
      const topic = classifyActivity(row, matcher).topic ?? NO_TOPIC;
      counts.set(topic, (counts.get(topic) ?? 0) + 1);
    }
    return counts;
  });
  const topicNames = [...new Set(perDoc.flatMap((m) => [...m.keys()]))].sort((a, b) =>
    a === NO_TOPIC ? 1 : b === NO_TOPIC ? -1 : a.localeCompare(b, "bg"),
  );
  // Deadlines per month: months of every plan's period, in calendar order.
  const monthsPerDoc = entries.map((e) => planMonths(e.doc));
  const allMonths = [...new Set(monthsPerDoc.flatMap((m) => [...m.counts.keys()]))].sort((a, b) => a - b);
  // A region's years side by side: activities per period, one group per region.
  const regions = [...new Set(entries.map((e) => e.doc.document.region ?? "—"))].sort((a, b) => a.localeCompare(b, "bg"));
  const periods = [...new Set(entries.map((e) => e.doc.document.period?.label ?? "—"))].sort();
  const activitiesBy = (region: string, period: string): number | null => {
    const docs = entries.filter((e) => (e.doc.document.region ?? "—") === region && (e.doc.document.period?.label ?? "—") === period);
    // Renditions are already one plan; different plans of one region and period add up.
    return docs.length ? docs.reduce((a, e) => a + e.doc.rows.length, 0) : null;
  };
  return {
    topics: { labels, datasets: topicNames.map((t) => ({ label: t, data: perDoc.map((m) => m.get(t) ?? 0) })) },
    months: {
      labels: allMonths.map(monthName),
      datasets: entries.map((_, i) => ({ label: labels[i], data: allMonths.map((m) => monthsPerDoc[i].counts.get(m) ?? null) })),
    },
    shares: {
      labels,
      dated: entries.map((e) => share(e.doc.rows.filter(hasDatedDeadline).length, e.doc.rows.length)),
      numeric: entries.map((e) => share(e.doc.rows.filter(hasNumericTarget).length, e.doc.rows.length)),
    },
    years: { labels: regions, datasets: periods.map((p) => ({ label: p, data: regions.map((r) => activitiesBy(r, p)) })) },
  };
}

const CHART_SCRIPT = `
(function(){
  var data=JSON.parse(document.getElementById("chart-data").textContent);
  if(typeof Chart==="undefined")return;
  var palette=["#4e79a7","#f28e2b","#e15759","#76b7b2","#59a14f","#edc948","#b07aa1","#ff9da7","#9c755f","#bab0ac","#1f77b4","#2ca02c","#d62728","#9467bd","#8c564b"];
  function col(i){return palette[i%palette.length];}
  Chart.defaults.animation=false;
  Chart.defaults.font.size=11;
  var small={boxWidth:10,font:{size:10}};
  new Chart(document.getElementById("chart-topics"),{type:"bar",
    data:{labels:data.topics.labels,datasets:data.topics.datasets.map(function(d,i){return{label:d.label,data:d.data,backgroundColor:col(i)};})},
    options:{indexAxis:"y",maintainAspectRatio:false,scales:{x:{stacked:true,title:{display:true,text:"дейности"}},y:{stacked:true,ticks:{font:{size:10}}}},plugins:{legend:{position:"bottom",labels:small}}}});
  new Chart(document.getElementById("chart-months"),{type:"line",
    data:{labels:data.months.labels,datasets:data.months.datasets.map(function(d,i){return{label:d.label,data:d.data,borderColor:col(i),backgroundColor:col(i),spanGaps:false,tension:0.2};})},
    options:{maintainAspectRatio:false,scales:{y:{beginAtZero:true,title:{display:true,text:"дейности със срок в месеца"}}},plugins:{legend:{position:"bottom",labels:small}}}});
  new Chart(document.getElementById("chart-shares"),{type:"bar",
    data:{labels:data.shares.labels,datasets:[{label:"с датиран срок, %",data:data.shares.dated,backgroundColor:col(0)},{label:"с числова цел, %",data:data.shares.numeric,backgroundColor:col(1)}]},
    options:{indexAxis:"y",maintainAspectRatio:false,scales:{x:{min:0,max:100},y:{ticks:{font:{size:10}}}},plugins:{legend:{position:"bottom",labels:small}}}});
  new Chart(document.getElementById("chart-years"),{type:"bar",
    data:{labels:data.years.labels,datasets:data.years.datasets.map(function(d,i){return{label:d.label,data:d.data,backgroundColor:col(i)};})},
    options:{maintainAspectRatio:false,skipNull:true,scales:{y:{beginAtZero:true,title:{display:true,text:"дейности"}}},plugins:{legend:{position:"bottom",labels:small}}}});
})();
`;

function documentTable(entries: IndexEntry[]): string {
  const rows = entries
    .map((e) => {
      const d = e.doc;
      const name = e.html ? `<a href="${esc(encodeURI(e.html))}">${esc(d.source.file)}</a>` : esc(d.source.file);
      return (
        `<tr><td>${name}</td><td>${esc(d.document.title ?? "")}</td><td>${esc(d.document.region ?? "")}</td><td>${esc(d.document.period?.label ?? "")}</td>` +
        `<td class="n">${d.rows.length}</td><td><span class="status ${d.review.status}">${d.review.status === "ok" ? "ok" : "за проверка"}</span>` +
        `${d.review.reasons.length ? `<br>${d.review.reasons.map(reasonHtml).join("<br>")}` : ""}</td><td class="n">${d.warnings.length}</td></tr>`
      );
    })
    .join("\n");
  return `<table class="docs"><thead><tr><th>Файл</th><th>Заглавие</th><th>Регион</th><th>Период</th><th>Дейности</th><th>Преглед</th><th>Предупр.</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function documentDetails(entries: IndexEntry[]): string {
  return entries
    .map((e) => {
      const href = (i: number): string | null => (e.html ? `${encodeURI(e.html)}#row-${i}` : null);
      const rows = e.doc.rows
        .map((r, i) => {
          const text = `${r.number ? r.number + " " : ""}${r.activity.length > 160 ? r.activity.slice(0, 157) + "…" : r.activity} — ${r.deadline.text ?? "без срок"}`;
          const h = href(i);
          return `<li>${h ? `<a href="${esc(h)}">${esc(text)}</a>` : esc(text)}</li>`;
        })
        .join("");
      const warnings = e.doc.warnings
        .map((w) => {
          const h = w.row !== null && w.row !== undefined ? href(w.row) : null;
          return `<div class="w">⚠ <code>${esc(w.code)}</code> ${warningHtml(w)}${h ? ` — <a href="${esc(h)}">ред</a>` : ""}</div>`;
        })
        .join("");
      return `<details class="doc"><summary>${esc(e.doc.source.file)} — ${e.doc.rows.length} дейности, ${e.doc.warnings.length} предупреждения</summary>${warnings}<ol start="1">${rows}</ol></details>`;
    })
    .join("\n");
}

export function indexPageHtml(entries: IndexEntry[], themes?: ThemeTable): string {
  const data = chartData(entries, themes);
  const chart = (id: string, title: string, height?: number): string =>
    `<div class="chart"${height ? ` style="height:${height + 50}px"` : ""}><h3>${title}</h3><div class="c"${height ? ` style="height:${height}px"` : ""}><canvas id="${id}"></canvas></div></div>`;
  const barHeight = Math.max(330, entries.length * 28 + 80);
  return `<!DOCTYPE html>
<html lang="bg"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Планове — обзор</title><style>${STYLE}</style></head>
<body><header><h1>Планове — обзор</h1><div>${entries.length} документа, ${entries.reduce((a, e) => a + e.doc.rows.length, 0)} дейности, ${entries.filter((e) => e.doc.review.status !== "ok").length} за проверка</div></header>
<div class="wrap">
<h2>Документи</h2>
${documentTable(entries)}
<h2>Графики</h2>
<div class="charts">
${chart("chart-topics", "Дейности по теми", barHeight)}
${chart("chart-months", "Срокове по месеци")}
${chart("chart-shares", "Дял с датиран срок и с числова цел", barHeight)}
${chart("chart-years", "Регион по години (брой дейности)")}
</div>
<h2>Дейности и предупреждения по документ</h2>
${documentDetails(entries)}
</div>
<script type="application/json" id="chart-data">${scriptJson(data)}</script>
<script>${chartLibrary()}</script>
<script>${CHART_SCRIPT}</script>
</body></html>
`;
}

/** Every plan JSON directly in `dir` (errors.json and other JSON passed over), with its review page if present. */
export async function indexEntries(dir: string): Promise<IndexEntry[]> {
  const names = (await readdir(dir)).filter((n) => n.toLowerCase().endsWith(".json")).sort((a, b) => a.localeCompare(b));
  const entries: IndexEntry[] = [];
  for (const json of names) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(join(dir, json), "utf8"));
    } catch {
      // not a plan JSON of ours (errors.json is an array; a half-written file): not listed
      continue;
    }
    const result = PlanDocument.safeParse(parsed);
    if (!result.success) continue;
    const html = json.replace(/\.json$/i, ".html");
    const hasHtml = await stat(join(dir, html)).then(
      (s) => s.isFile(),
      () => false,
    );
    entries.push({ doc: result.data, json, html: hasHtml ? html : null });
  }
  return entries;
}

/** Writes `<dir>/index.html` from the plan JSON files in `dir`; returns how many documents it lists. */
export async function writeIndexPage(dir: string, themes?: ThemeTable): Promise<number> {
  const entries = await indexEntries(dir);
  await writeAtomically(join(dir, "index.html"), indexPageHtml(entries, themes));
  return entries.length;
}
