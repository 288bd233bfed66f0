/**
 * The review page and index.html as text (no browser): one data-row per row, one data-box per row
 * box, warnings linked to their rows, text escaped, Chart.js inlined (no script or style from the
 * network); and the command line's --format html writes both.
 */
import { spawnSync } from "node:child_process";
import { CLI } from "../helpers/cli.js";
import { copyFile, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { convertFixture as convertCached } from "../helpers/converted.js";
import type { PlanDocument } from "../../src/model/schema.js";
import { chartData, indexPageHtml } from "../../src/output/html/index-page.js";
import { reviewPageHtml, writeReviewPage } from "../../src/output/html/review-page.js";
import { esc } from "../../src/output/html/escape.js";
import { DEADLINE_KIND_BG, REVIEW_REASON_BG, WARNING_BG } from "../../src/output/messages-bg.js";

const root = new URL("../../", import.meta.url).pathname;
const fixtures = join(root, "fixtures");

const converted = new Map<string, Promise<PlanDocument>>();
/** Each fixture is converted once for the whole file. */
function convertFixture(re: RegExp): Promise<PlanDocument> {
  let p = converted.get(re.source);
  if (!p) converted.set(re.source, (p = convertOnce(re)));
  return p;
}

async function convertOnce(re: RegExp): Promise<PlanDocument> {
  const name = (await readdir(fixtures)).filter((n) => re.test(n)).sort()[0];
  expect(name, `a fixture matching ${re}`).toBeDefined();
  return (await convertCached(join(fixtures, name))).value;
}

const count = (html: string, re: RegExp): number => html.match(re)?.length ?? 0;

describe("review page html", () => {
  it("PDF: a row element per row and a box per row box, even without page images", async () => {
    const doc = await convertFixture(/\.borderless\.pdf$/);
    const html = reviewPageHtml(doc);
    expect(count(html, /data-row="\d+"/g)).toBe(doc.rows.length);
    expect(count(html, /data-box="\d+"/g)).toBe(doc.rows.reduce((a, r) => a + (r.boxes?.length ?? 0), 0));
    // Every warning about a row links to it.
    const rowWarnings = doc.warnings.filter((w) => w.row !== null && w.row !== undefined);
    for (const w of rowWarnings) expect(html).toContain(`href="#row-${w.row}"`);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\//);
  });

  it("PDF whose pages cannot be rendered: the page is still written, with the rows, boxes and the failure", async () => {
    const doc = await convertFixture(/\.chromium\.pdf$/);
    const dir = await mkdtemp(join(tmpdir(), "pe-html-fail-"));
    try {
      const result = await writeReviewPage(doc, join(dir, "x.html"), { bytes: new TextEncoder().encode("%PDF-1.7 not really") });
      expect(result.images).toBe(0);
      expect(result.failed.length).toBeGreaterThan(0);
      const html = await readFile(join(dir, "x.html"), "utf8");
      expect(html).toContain('class="image-failures"');
      expect(count(html, /data-row="\d+"/g)).toBe(doc.rows.length);
      expect(count(html, /data-box="\d+"/g)).toBe(doc.rows.reduce((a, r) => a + (r.boxes?.length ?? 0), 0));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("DOCX: rows under their headings with their table and row", async () => {
    const doc = await convertFixture(/^[^.]+\.docx$/);
    const html = reviewPageHtml(doc);
    expect(count(html, /data-row="\d+"/g)).toBe(doc.rows.length);
    expect(count(html, /data-box="\d+"/g)).toBe(0);
    expect(count(html, /class="heading"/g)).toBeGreaterThan(0);
    expect(html).toContain(`таблица ${doc.rows[0].origin!.table + 1}, ред ${doc.rows[0].origin!.row + 1}`);
  });

  it("shows warnings, review reasons and deadline kinds in Bulgarian, as the workbooks do, with the tool's message as the detail", async () => {
    const doc = await convertFixture(/^[^.]+\.docx$/);
    const unparsed = 'the deadline "абв" names no period the tool understands';
    const odd = { ...doc, rows: [{ ...doc.rows[0], deadline: { ...doc.rows[0].deadline, kind: "range" as const } }, ...doc.rows.slice(1)] };
    const page = reviewPageHtml({
      ...odd,
      warnings: [
        { code: "deadline-unparsed", message: unparsed, page: null, row: 0 },
        { code: "some-future-code", message: "a message only in English", page: 2 },
      ],
      review: { status: "check", reasons: [{ code: "few-deadlines", message: "only 1 of 9 rows has a deadline" }] },
    });
    expect(page).toContain(`${WARNING_BG["deadline-unparsed"]} <span class="detail">(${esc(unparsed)})</span>`);
    expect(page).toContain(`<div class="w">⚠ ${WARNING_BG["deadline-unparsed"]}`);
    expect(page).toContain(`${REVIEW_REASON_BG["few-deadlines"]} <span class="detail">(only 1 of 9 rows has a deadline)</span>`);
    // A code without a Bulgarian text shows the message itself, once.
    expect(page).toContain("<code>some-future-code</code> a message only in English — стр. 2");
    expect(page).toContain(`(${DEADLINE_KIND_BG.range})</span>`);
    expect(page).not.toContain("(range)</span>");
    const index = indexPageHtml([
      {
        doc: {
          ...odd,
          warnings: [{ code: "deadline-unparsed", message: unparsed, page: null, row: 0 }],
          review: { status: "check", reasons: [{ code: "few-deadlines", message: "few" }] },
        },
        json: "a.json",
        html: "a.html",
      },
    ]);
    expect(index).toContain(`${REVIEW_REASON_BG["few-deadlines"]} <span class="detail">(few)</span>`);
    expect(index).toContain(`${WARNING_BG["deadline-unparsed"]} <span class="detail">(${esc(unparsed)})</span>`);
  });

  it("escapes the document's text", async () => {
    const doc = await convertFixture(/^[^.]+\.docx$/);
    const evil = { ...doc, rows: [{ ...doc.rows[0], activity: `<img src=x onerror="alert(1)"> & </script>` }] };
    const html = reviewPageHtml(evil);
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &lt;/script&gt;");
  });
});

describe("index page html", () => {
  it("inlines Chart.js and the chart data; counts per topic add up to the rows", async () => {
    const doc = await convertFixture(/^[^.]+\.docx$/);
    const entries = [{ doc, json: "a.docx.json", html: "a.docx.html" }];
    const html = indexPageHtml(entries);
    expect(html).toContain("Chart.js v4");
    expect(html).not.toMatch(/<script[^>]+src=/);
    const data = chartData(entries);
    expect(data.topics.datasets.reduce((a, d) => a + d.data[0], 0)).toBe(doc.rows.length);
    expect(data.shares.dated[0]).toBeGreaterThan(0);
    expect(data.months.labels.length).toBeGreaterThan(0);
    expect(data.years.labels).toEqual([doc.document.region]);
  });

  it("counts the renditions of one plan once in every chart", async () => {
    const doc = await convertFixture(/^[^.]+\.docx$/);
    const other = { ...doc, source: { ...doc.source, file: "the-same-plan.pdf" } };
    const data = chartData([
      { doc, json: "a.docx.json", html: null },
      { doc: other, json: "b.pdf.json", html: null },
    ]);
    expect(data.shares.labels).toHaveLength(1);
    expect(data.shares.labels[0]).toMatch(/\+ 1 rendition/);
    expect(data.topics.datasets.reduce((a, d) => a + d.data[0], 0)).toBe(doc.rows.length);
    expect(data.months.datasets).toHaveLength(1);
    expect(data.years.datasets.flatMap((d) => d.data).filter((n) => n !== null)).toEqual([doc.rows.length]);
  });
});

describe("convert --format html", () => {
  it("writes the JSON, a review page per document and index.html", async () => {
    const out = await mkdtemp(join(tmpdir(), "pe-html-"));
    const input = await mkdtemp(join(tmpdir(), "pe-html-in-"));
    try {
      const name = (await readdir(fixtures)).filter((n) => /^[^.]+\.docx$/.test(n)).sort()[0];
      await copyFile(join(fixtures, name), join(input, name));
      const r = spawnSync(process.execPath, [CLI, "convert", input, "--out", out, "--format", "html", "--concurrency", "1"], {
        encoding: "utf8",
        timeout: 120_000,
      });
      expect(r.status, r.stderr).toBe(0);
      const files = (await readdir(out)).sort();
      expect(files).toEqual(["errors.json", "index.html", `${name}.html`, `${name}.json`].sort());
      const index = await readFile(join(out, "index.html"), "utf8");
      expect(index).toContain(`href="${encodeURI(`${name}.html`)}"`);
    } finally {
      await rm(out, { recursive: true, force: true });
      await rm(input, { recursive: true, force: true });
    }
  });
});
