/**
 * The review pages and index.html in real browsers: Debian's chromium and firefox-esr, each driven
 * by puppeteer-core (Chromium over CDP, Firefox over WebDriver BiDi; no browser download). The same
 * checks run in both, on every fixture: each review page is opened from disk; its row elements and
 * boxes are counted against the JSON and the boxes located on their page images, a row is clicked and
 * its box must be highlighted (and a box clicked selects its row), nothing is fetched from the
 * network, and screenshots are taken. The fixtures are converted once for both browsers.
 * Each browser runs when it is installed (/usr/bin/chromium, /usr/bin/firefox-esr;
 * PLAN_EXTRACT_CHROMIUM and PLAN_EXTRACT_FIREFOX override the paths); a missing one fails when
 * CI=true, and is skipped with a message otherwise.
 */
import { existsSync, mkdtempSync } from "node:fs";
import { mkdir, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { convertBuffer } from "../../src/convert.js";
import type { PlanDocument } from "../../src/model/schema.js";
import { writeIndexPage } from "../../src/output/html/index-page.js";
import { writeReviewPage } from "../../src/output/html/review-page.js";
import { writePlanJson } from "../../src/output/json.js";

/** A browser the review pages are checked in. */
interface BrowserCase {
  name: string;
  /** The Debian package CI must install. */
  pkg: string;
  path: string;
  launch(path: string, profile: string): Promise<Browser>;
}

const browsers: BrowserCase[] = [
  {
    name: "Chromium",
    pkg: "chromium",
    path: process.env.PLAN_EXTRACT_CHROMIUM ?? "/usr/bin/chromium",
    launch: (executablePath, profile) =>
      puppeteer.launch({
        executablePath,
        headless: true,
        args: [
          "--no-sandbox",
          "--disable-gpu",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          `--user-data-dir=${profile}`,
        ],
      }),
  },
  {
    // Firefox ESR through WebDriver BiDi (puppeteer's Firefox support; no browser download). Every
    // fixture is checked, as in Chromium: about 15–17 s more for the file (launch included), so no
    // subset is needed.
    name: "Firefox",
    pkg: "firefox-esr",
    path: process.env.PLAN_EXTRACT_FIREFOX ?? "/usr/bin/firefox-esr",
    launch: (executablePath, profile) =>
      puppeteer.launch({
        browser: "firefox",
        executablePath,
        headless: true,
        userDataDir: profile,
        // puppeteer's Firefox profile already turns off updates, telemetry and the like; this keeps
        // the rest of the background traffic (no network is needed: the pages are file:).
        extraPrefsFirefox: {
          "network.dns.disablePrefetch": true,
          "network.prefetch-next": false,
          "network.connectivity-service.enabled": false,
          "browser.safebrowsing.update.enabled": false,
          "dom.push.connection.enabled": false,
        },
      }),
  },
];
const inCi = process.env.CI === "true";
const have = (b: BrowserCase): boolean => existsSync(b.path);
for (const b of browsers) {
  if (!have(b) && !inCi) console.warn(`browser test skipped in ${b.name}: none at ${b.path} (Debian package "${b.pkg}")`);
}

const fixturesDir = join(import.meta.dirname, "../../fixtures");
/** Screenshots are kept here for a look (e.g. in CI artifacts). */
const shotsDir = join(tmpdir(), "plan-extract-browser-test");

describe("browser availability", () => {
  it.runIf(inCi).each(browsers)("has $name in CI", (b) => {
    expect(have(b), `${b.name} is missing at ${b.path}: CI must install the Debian package "${b.pkg}"`).toBe(true);
  });
});

/** The fixtures converted and written once (JSON, review pages, index.html), for every browser. */
let prepared: Promise<{ dir: string; docs: Map<string, PlanDocument> }> | undefined;
function prepare(): Promise<{ dir: string; docs: Map<string, PlanDocument> }> {
  prepared ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), "plan-extract-html-"));
    const docs = new Map<string, PlanDocument>();
    const names = (await readdir(fixturesDir)).filter((f) => /\.(pdf|docx)$/i.test(f)).sort();
    for (const name of names) {
      const bytes = new Uint8Array(await readFile(join(fixturesDir, name)));
      const { value } = await convertBuffer(bytes.slice(), { fileName: name });
      await writePlanJson(value, join(dir, `${name}.json`));
      await writeReviewPage(value, join(dir, `${name}.html`), { bytes });
      docs.set(name, value);
    }
    await writeIndexPage(dir);
    await mkdir(shotsDir, { recursive: true });
    return { dir, docs };
  })();
  return prepared;
}

afterAll(async () => {
  if (prepared) await rm((await prepared).dir, { recursive: true, force: true });
});

describe.each(browsers.filter(have))("review pages and index.html in $name", (b) => {
  let browser: Browser;
  let dir: string;
  let profile: string;
  let docs: Map<string, PlanDocument>;
  const shot = (file: string): string => join(shotsDir, `${file}.${b.pkg}.png`);

  beforeAll(async () => {
    ({ dir, docs } = await prepare());
    profile = mkdtempSync(join(tmpdir(), `plan-extract-${b.pkg}-`));
    browser = await b.launch(b.path, profile);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  /**
   * Opens a file page; records page errors and any request that is not file:, data: or about:.
   * `problems()` adds what the page's own resource timing saw, a second witness besides the driver's
   * request events. (A request Firefox refuses before sending, e.g. to a blocked port, shows in
   * neither; it never leaves the machine.)
   */
  async function open(file: string): Promise<{ page: Page; problems: () => Promise<string[]> }> {
    const page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 900 });
    const seen: string[] = [];
    const local = /^(file|data|about|blob):/;
    page.on("pageerror", (e) => seen.push(`page error: ${(e as Error).message}`));
    page.on("request", (r) => {
      if (!local.test(r.url())) seen.push(`network request: ${r.url()}`);
    });
    await page.goto(`file://${join(dir, file)}`, { waitUntil: "load" });
    const problems = async (): Promise<string[]> => {
      const fetched = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name));
      return [...seen, ...fetched.filter((u) => !local.test(u)).map((u) => `resource fetched: ${u}`)];
    };
    return { page, problems };
  }

  it("has the fixtures", () => {
    expect(docs.size).toBeGreaterThanOrEqual(9);
  });

  it("every fixture's review page: one row element per row, one box per row box, boxes on their page images", async () => {
    for (const [name, doc] of docs) {
      const { page, problems } = await open(`${name}.html`);
      const counts = await page.evaluate(() => ({
        rows: document.querySelectorAll("[data-row]").length,
        boxes: document.querySelectorAll("[data-box]").length,
        images: [...document.querySelectorAll(".page img")].map((im) => (im as HTMLImageElement).naturalWidth > 0),
        rowIds: [...document.querySelectorAll("[data-row]")].map((e) => e.getAttribute("data-row")),
      }));
      expect(counts.rows, name).toBe(doc.rows.length);
      expect(counts.rowIds, name).toEqual(doc.rows.map((_, i) => String(i)));
      expect(counts.boxes, name).toBe(doc.rows.reduce((a, r) => a + (r.boxes?.length ?? 0), 0));
      if (doc.source.format === "pdf") {
        expect(counts.images.length, name).toBe(doc.source.pages);
        expect(counts.images.every(Boolean), `${name}: every page image decodes`).toBe(true);
        // Each box lies within the page image of its page, where the JSON puts it.
        const placed = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>("[data-box]")].map((b) => {
            const sec = b.closest<HTMLElement>(".page")!;
            const img = sec.querySelector("img")!.getBoundingClientRect();
            const r = b.getBoundingClientRect();
            // Back to PDF points through the page's size in points.
            const w = Number(sec.dataset.width);
            const h = Number(sec.dataset.height);
            return {
              row: Number(b.dataset.box),
              page: Number(sec.dataset.page),
              x0: ((r.left - img.left) / img.width) * w,
              y0: ((r.top - img.top) / img.height) * h,
              x1: ((r.right - img.left) / img.width) * w,
              y1: ((r.bottom - img.top) / img.height) * h,
            };
          }),
        );
        const byPageRow = (a: { page: number; row: number }, b: { page: number; row: number }): number => a.page - b.page || a.row - b.row;
        const expected = doc.rows.flatMap((r, i) => (r.boxes ?? []).map((b) => ({ row: i, ...b }))).sort(byPageRow);
        placed.sort(byPageRow);
        expect(placed.length).toBe(expected.length);
        placed.forEach((p, k) => {
          const e = expected[k];
          expect(p.row).toBe(e.row);
          expect(p.page).toBe(e.page);
          // Drawn where the JSON says, to within a point (the border is drawn inside the box).
          expect(Math.abs(p.x0 - e.x0), `${name} row ${e.row}`).toBeLessThan(1);
          expect(Math.abs(p.y0 - e.y0), `${name} row ${e.row}`).toBeLessThan(1);
          expect(Math.abs(p.x1 - e.x1), `${name} row ${e.row}`).toBeLessThan(1);
          expect(Math.abs(p.y1 - e.y1), `${name} row ${e.row}`).toBeLessThan(1);
        });
      }
      expect(await problems(), name).toEqual([]);
      await page.close();
    }
  }, 300_000);

  it("clicking a row highlights its box and brings it into view; clicking a box selects its row", async () => {
    const name = [...docs.keys()].find((n) => n.endsWith(".pdf") && docs.get(n)!.rows.some((r) => (r.boxes?.length ?? 0) > 1))!;
    const doc = docs.get(name)!;
    const { page, problems } = await open(`${name}.html`);
    // A row well down the document, cut by a page break (two boxes).
    const target = doc.rows.map((r, i) => ((r.boxes?.length ?? 0) > 1 ? i : -1)).reduce((a, b) => Math.max(a, b), -1);
    await page.click(`[data-row="${target}"]`);
    const state = await page.evaluate((i) => {
      const boxes = [...document.querySelectorAll<HTMLElement>(`[data-box="${i}"]`)];
      const pane = document.querySelector(".pages")!.getBoundingClientRect();
      const r = boxes[0].getBoundingClientRect();
      return {
        active: boxes.map((b) => b.classList.contains("active")),
        others: document.querySelectorAll(".box.active").length,
        rowActive: document.querySelector(`[data-row="${i}"]`)!.classList.contains("active"),
        inView: r.bottom > pane.top && r.top < pane.bottom,
      };
    }, target);
    expect(state.active.every(Boolean)).toBe(true);
    expect(state.others).toBe(doc.rows[target].boxes!.length);
    expect(state.rowActive).toBe(true);
    expect(state.inView).toBe(true);
    await page.screenshot({ path: shot("review-page") });

    // A box of another row selects that row.
    const other = 0;
    await page.evaluate((i) => document.querySelector<HTMLElement>(`[data-box="${i}"]`)!.scrollIntoView({ block: "center" }), other);
    await page.click(`[data-box="${other}"]`);
    const picked = await page.evaluate(
      (i, t) => ({
        row: document.querySelector(`[data-row="${i}"]`)!.classList.contains("active"),
        oldRow: document.querySelector(`[data-row="${t}"]`)!.classList.contains("active"),
      }),
      other,
      target,
    );
    expect(picked).toEqual({ row: true, oldRow: false });

    // The keyboard: a focused row selected with Enter.
    await page.focus(`[data-row="${target}"]`);
    await page.keyboard.press("Enter");
    expect(await page.evaluate((i) => document.querySelectorAll(`.box.active[data-box="${i}"]`).length, target)).toBe(
      doc.rows[target].boxes!.length,
    );

    // A warning link at the top selects its row (when the document has a row warning).
    const warned = doc.warnings.find((w) => w.row !== null && w.row !== undefined);
    if (warned) {
      await page.click(`.issues a[href="#row-${warned.row}"]`);
      expect(await page.evaluate((i) => document.querySelector(`[data-row="${i}"]`)!.classList.contains("active"), warned.row!)).toBe(true);
    }
    expect(await problems()).toEqual([]);
    await page.close();
  }, 120_000);

  it("index.html lists every document, links its review page and draws its charts", async () => {
    const { page, problems } = await open("index.html");
    const state = await page.evaluate(() => {
      const charts = [...document.querySelectorAll("canvas")].map((c) => {
        const chart = (window as unknown as { Chart: { getChart(c: HTMLCanvasElement): unknown } }).Chart.getChart(c as HTMLCanvasElement);
        return chart !== undefined;
      });
      return {
        docs: document.querySelectorAll("table.docs tbody tr").length,
        links: [...document.querySelectorAll("table.docs a")].map((a) => a.getAttribute("href")),
        details: document.querySelectorAll("details.doc").length,
        rowLinks: document.querySelectorAll("details.doc li a").length,
        charts,
      };
    });
    expect(state.docs).toBe(docs.size);
    expect(state.links.sort()).toEqual([...docs.keys()].map((n) => encodeURI(`${n}.html`)).sort());
    expect(state.details).toBe(docs.size);
    expect(state.rowLinks).toBe([...docs.values()].reduce((a, d) => a + d.rows.length, 0));
    expect(state.charts.length).toBe(4);
    expect(state.charts.every(Boolean)).toBe(true);
    await page.screenshot({ path: shot("index") });
    expect(await problems()).toEqual([]);
    await page.close();
  }, 120_000);
});
