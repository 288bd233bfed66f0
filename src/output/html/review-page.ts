/**
 * The review page of one document: a self-contained HTML file (no network, no external script)
 * that sets the extracted rows beside the pages they came from.
 *
 * PDF: every page as an image with every row's box drawn over it; clicking a row scrolls its page
 * into view and highlights its box, clicking a box selects its row. DOCX: the rows under their
 * headings, with the table and row they were read from. Warnings and review reasons at the top,
 * each linking to its row. Every row element carries data-row="<index>", every box data-box="<row index>".
 */
import type { PlanDocument, Row, Warning } from "../../model/schema.js";
import { esc } from "./escape.js";
import { writeAtomically } from "../atomic-write.js";
import { deadlineKindBg } from "../messages-bg.js";
import { DETAIL_STYLE, reasonHtml, warningHtml } from "./message-text.js";
import { renderPageImages, type PageImage } from "./page-images.js";

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:14px/1.4 system-ui,"Segoe UI",Arial,sans-serif;color:#1b1f24;background:#f3f4f6}
header{padding:12px 16px;background:#fff;border-bottom:1px solid #d0d4da}
header h1{font-size:18px;margin:0 0 4px}
.meta{color:#555;font-size:13px}
.status{display:inline-block;padding:1px 8px;border-radius:10px;font-weight:600;font-size:12px}
.status.ok{background:#dcf5e3;color:#17652f}.status.check{background:#fde7c7;color:#8a4b00}
.issues{margin:8px 0 0;max-height:22vh;overflow:auto;font-size:13px}
.issues ul{margin:2px 0 6px;padding-left:20px}
.issues a{color:#0b57d0}
main{display:flex;height:calc(100vh - var(--head,0px))}
.pages{flex:1 1 55%;overflow:auto;padding:12px;background:#e5e7eb}
.rows{flex:1 1 45%;overflow:auto;padding:8px 12px;background:#fff;border-left:1px solid #d0d4da}
main.docx .rows{flex-basis:100%;border:0;max-width:1100px;margin:0 auto}
.page{position:relative;margin:0 auto 14px;background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.25)}
.page img{display:block;width:100%;height:auto}
.page .label{position:absolute;top:2px;left:4px;font-size:11px;color:#666}
.box{position:absolute;border:1.5px solid rgba(11,87,208,.55);background:rgba(11,87,208,.04);cursor:pointer}
.box:hover{background:rgba(11,87,208,.12)}
.box.warn{border-color:rgba(200,110,0,.8)}
.box.active{border:3px solid #d93025;background:rgba(217,48,37,.12);z-index:2}
.row{border:1px solid #e1e4e8;border-radius:6px;padding:6px 8px;margin:6px 0;cursor:pointer}
.row:hover{border-color:#9db7e8}
.row.active{border-color:#d93025;box-shadow:0 0 0 2px rgba(217,48,37,.3)}
.row.warn{border-left:4px solid #e69500}
.row .num{font-weight:700;margin-right:6px}
.row .sec{color:#555;font-size:12px}
.row .act{margin:2px 0}
.row dl{display:grid;grid-template-columns:max-content 1fr;gap:1px 8px;margin:4px 0 0;font-size:12.5px}
.row dt{color:#666}.row dd{margin:0}
.row .w{color:#8a4b00;font-size:12.5px}
${DETAIL_STYLE}
.heading{margin:14px 0 2px;font-weight:600;color:#1f4e79}
`;

const SCRIPT = `
(function(){
  var head=document.querySelector("header");
  function fit(){document.documentElement.style.setProperty("--head",head.offsetHeight+"px");}
  fit();window.addEventListener("resize",fit);
  var current=null;
  function select(i,from){
    document.querySelectorAll(".active").forEach(function(e){e.classList.remove("active");});
    current=i;
    var row=document.querySelector('[data-row="'+i+'"]');
    var boxes=document.querySelectorAll('[data-box="'+i+'"]');
    if(row){row.classList.add("active");if(from!=="row")row.scrollIntoView({block:"center"});}
    boxes.forEach(function(b){b.classList.add("active");});
    if(boxes.length&&from!=="box"){boxes[0].scrollIntoView({block:"center"});}
    if(history.replaceState)history.replaceState(null,"","#row-"+i);
  }
  document.addEventListener("click",function(e){
    var t=e.target.closest("[data-box],[data-row],a[href^='#row-']");
    if(!t)return;
    if(t.tagName==="A"){e.preventDefault();select(t.getAttribute("href").slice(5),"link");return;}
    if(t.hasAttribute("data-box"))select(t.getAttribute("data-box"),"box");
    else select(t.getAttribute("data-row"),"row");
  });
  document.addEventListener("keydown",function(e){
    if(e.key!=="Enter"&&e.key!==" ")return;
    var t=e.target.closest&&e.target.closest("[data-row]");
    if(t){e.preventDefault();select(t.getAttribute("data-row"),"row");}
  });
  var m=/^#row-(\\d+)$/.exec(location.hash);
  if(m)select(m[1],"link");
})();
`;

export interface ReviewPageOptions {
  /** Page images of a PDF (from renderPageImages); pages without an image are drawn blank at their box extent. */
  images?: PageImage[];
  /** Pages whose image could not be rendered, shown at the top. */
  imageFailures?: { page: number | null; message: string }[];
}

function period(row: Row): string {
  const { start, end } = row.deadline;
  if (!start && !end) return "";
  return `${start ?? "…"} – ${end ?? "…"}`;
}

function warningsByRow(warnings: Warning[]): Map<number, Warning[]> {
  const map = new Map<number, Warning[]>();
  for (const w of warnings) {
    if (w.row === null || w.row === undefined) continue;
    map.set(w.row, [...(map.get(w.row) ?? []), w]);
  }
  return map;
}

function rowLink(i: number, row: Row | undefined): string {
  return `<a href="#row-${i}">ред ${row?.number ? esc(row.number) : i + 1}</a>`;
}

function issuesBlock(doc: PlanDocument, imageFailures: { page: number | null; message: string }[]): string {
  const reasons = doc.review.reasons.map((r) => `<li><code>${esc(r.code)}</code> ${reasonHtml(r)}</li>`).join("");
  const warnings = doc.warnings
    .map((w) => {
      const where = w.row !== null && w.row !== undefined ? ` — ${rowLink(w.row, doc.rows[w.row])}` : w.page ? ` — стр. ${w.page}` : "";
      return `<li><code>${esc(w.code)}</code> ${warningHtml(w)}${where}</li>`;
    })
    .join("");
  const failures = imageFailures
    .map((f) => `<li>${f.page ? `стр. ${f.page}: ` : ""}изображението не можа да бъде създадено (${esc(f.message)})</li>`)
    .join("");
  return (
    `<div class="issues">` +
    (failures ? `<ul class="image-failures">${failures}</ul>` : "") +
    (reasons ? `<div>За проверка (review):</div><ul class="reasons">${reasons}</ul>` : "") +
    (warnings ? `<div>Предупреждения (${doc.warnings.length}):</div><ul class="warnings">${warnings}</ul>` : "<div>Няма предупреждения.</div>") +
    `</div>`
  );
}

function rowElement(row: Row, i: number, warnings: Warning[], showSections: boolean): string {
  const parties = row.responsible.parties
    .map((p) => (p.expanded && p.expanded !== p.text ? `${esc(p.text)} (${esc(p.expanded)})` : esc(p.text)))
    .join("; ");
  const where = row.boxes?.length
    ? `стр. ${row.boxes.map((b) => b.page).join(", ")}`
    : row.origin
      ? `таблица ${row.origin.table + 1}, ред ${row.origin.row + 1}`
      : row.pages.length
        ? `стр. ${row.pages.join(", ")}`
        : "";
  const dl: [string, string][] = [
    ["Срок", `${esc(row.deadline.text ?? "—")}${period(row) ? ` <b>${esc(period(row))}</b>` : ""} <span class="sec">(${esc(deadlineKindBg(row.deadline.kind))})</span>`],
  ];
  if (row.indicator.unit || row.indicator.current || row.indicator.target) {
    dl.push(["Индикатор", esc([row.indicator.unit, row.indicator.current, row.indicator.target].map((v) => v ?? "—").join(" · "))]);
  }
  if (row.indicator.expected) dl.push(["Резултати", esc(row.indicator.expected)]);
  if (parties) dl.push(["Отговорници", parties]);
  if (row.financing) dl.push(["Финансиране", esc(row.financing)]);
  if (row.note) dl.push(["Забележка", esc(row.note)]);
  dl.push(["Източник", esc(where)]);
  dl.push(["Статус", warnings.length ? "за проверка" : "ok"]);
  const sections = showSections && row.sections.length ? `<div class="sec">${esc(row.sections.map((s) => [s.number, s.title].filter(Boolean).join(" ")).join(" › "))}</div>` : "";
  return (
    `<article class="row${warnings.length ? " warn" : ""}" id="row-${i}" data-row="${i}" tabindex="0">` +
    sections +
    `<div class="act">${row.number ? `<span class="num">${esc(row.number)}</span>` : ""}${esc(row.activity)}</div>` +
    `<dl>${dl.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join("")}</dl>` +
    warnings.map((w) => `<div class="w">⚠ ${warningHtml(w)}</div>`).join("") +
    `</article>`
  );
}

/** DOCX: rows grouped under their headings, each heading written when it changes. */
function rowsWithHeadings(doc: PlanDocument, byRow: Map<number, Warning[]>): string {
  let last: string[] = [];
  const parts: string[] = [];
  doc.rows.forEach((row, i) => {
    const titles = row.sections.map((s) => [s.number, s.label && !s.title.startsWith(s.label) ? s.label : null, s.title].filter(Boolean).join(" "));
    let same = 0;
    while (same < titles.length && same < last.length && titles[same] === last[same]) same++;
    for (let d = same; d < titles.length; d++) parts.push(`<div class="heading" style="margin-left:${d * 12}px">${esc(titles[d])}</div>`);
    last = titles;
    parts.push(rowElement(row, i, byRow.get(i) ?? [], false));
  });
  return parts.join("\n");
}

function pagesBlock(doc: PlanDocument, images: PageImage[], byRow: Map<number, Warning[]>): string {
  const boxesByPage = new Map<number, string[]>();
  const extent = new Map<number, { w: number; h: number }>();
  const imageOf = new Map(images.map((im) => [im.page, im]));
  doc.rows.forEach((row, i) => {
    for (const b of row.boxes ?? []) {
      const e = extent.get(b.page) ?? { w: 0, h: 0 };
      extent.set(b.page, { w: Math.max(e.w, b.x1 + 20), h: Math.max(e.h, b.y1 + 20) });
      const im = imageOf.get(b.page);
      const w = im?.width ?? 0;
      const h = im?.height ?? 0;
      const list = boxesByPage.get(b.page) ?? [];
      const title = `${row.number ? row.number + " " : ""}${row.activity.slice(0, 80)}`;
      list.push(
        `<div class="box${byRow.has(i) ? " warn" : ""}" data-box="${i}" data-page="${b.page}" title="${esc(title)}" style="` +
          (w && h
            ? `left:${pct(b.x0 / w)};top:${pct(b.y0 / h)};width:${pct((b.x1 - b.x0) / w)};height:${pct((b.y1 - b.y0) / h)}`
            : `left:${b.x0}px;top:${b.y0}px;width:${b.x1 - b.x0}px;height:${b.y1 - b.y0}px`) +
          `"></div>`,
      );
      boxesByPage.set(b.page, list);
    }
  });
  const pageNumbers = [...new Set([...images.map((im) => im.page), ...boxesByPage.keys()])].sort((a, b) => a - b);
  return pageNumbers
    .map((n) => {
      const im = imageOf.get(n);
      const boxes = (boxesByPage.get(n) ?? []).join("");
      if (im) {
        return `<section class="page" id="page-${n}" data-page="${n}" data-width="${im.width}" data-height="${im.height}" style="max-width:${Math.round(im.width * 1.5)}px"><img src="${im.src}" alt="стр. ${n}" width="${Math.round(im.width * 1.5)}" height="${Math.round(im.height * 1.5)}"><span class="label">стр. ${n}</span>${boxes}</section>`;
      }
      const e = extent.get(n)!;
      return `<section class="page" id="page-${n}" data-page="${n}" style="width:${Math.round(e.w)}px;height:${Math.round(e.h)}px"><span class="label">стр. ${n} (без изображение)</span>${boxes}</section>`;
    })
    .join("\n");
}

function pct(v: number): string {
  return `${(v * 100).toFixed(3)}%`;
}

/** The whole page as one HTML string. */
export function reviewPageHtml(doc: PlanDocument, opts: ReviewPageOptions = {}): string {
  const byRow = warningsByRow(doc.warnings);
  const d = doc.document;
  const title = d.title ?? doc.source.file;
  const isPdf = doc.source.format === "pdf" || doc.rows.some((r) => r.boxes?.length);
  const meta = [
    esc(doc.source.file),
    d.issuer ? esc(d.issuer) : null,
    d.region ? esc(d.region) : null,
    d.period ? esc(d.period.label) : null,
    `${doc.rows.length} реда`,
    doc.source.pages ? `${doc.source.pages} стр.` : null,
  ]
    .filter(Boolean)
    .join(" · ");
  const body = isPdf
    ? `<main class="pdf"><div class="pages">${pagesBlock(doc, opts.images ?? [], byRow)}</div><div class="rows">${doc.rows.map((r, i) => rowElement(r, i, byRow.get(i) ?? [], true)).join("\n")}</div></main>`
    : `<main class="docx"><div class="rows">${rowsWithHeadings(doc, byRow)}</div></main>`;
  return `<!DOCTYPE html>
<html lang="bg"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)} — преглед</title>
<style>${STYLE}</style></head>
<body>
<header><h1>${esc(title)}</h1><div class="meta">${meta} · <span class="status ${doc.review.status}">${doc.review.status === "ok" ? "ok" : "за проверка"}</span> · <a href="index.html">всички документи</a></div>
${issuesBlock(doc, opts.imageFailures ?? [])}</header>
${body}
<script>${SCRIPT}</script>
</body></html>
`;
}

/**
 * Writes `<path>` (atomically). For a PDF, `bytes` are the source's bytes: its pages are rendered
 * as images into the page; without them (or for DOCX) the page has no images.
 */
export async function writeReviewPage(
  doc: PlanDocument,
  path: string,
  source?: { bytes: Uint8Array; password?: string },
): Promise<{ images: number; failed: { page: number | null; message: string }[] }> {
  const rendered =
    source && doc.source.format === "pdf" ? await renderPageImages(source.bytes, { password: source.password }) : { images: [], failed: [] };
  await writeAtomically(path, reviewPageHtml(doc, { images: rendered.images, imageFailures: rendered.failed }));
  return { images: rendered.images.length, failed: rendered.failed };
}
