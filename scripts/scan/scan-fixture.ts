/**
 * The scanned-plan fixture (run by scripts/scan/build-scan-fixture.sh):
 *
 *   npx tsx scripts/scan/scan-fixture.ts source <workdir>          the .fodt of the first ROWS rows of the seed
 *   npx tsx scripts/scan/scan-fixture.ts expected <vector.pdf> <scan.pdf>
 *                                       <scan.pdf>.expected.json: the subset's rows, with the pages each row
 *                                       has on the vector PDF the scan was rasterised from
 *   npx tsx scripts/scan/scan-fixture.ts wrap <out.pdf> <dpi> <page.jpg>...   an image-only PDF, one JPEG a page
 *                                       (`page.jpg:90`: that page stored with /Rotate 90)
 *   npx tsx scripts/scan/scan-fixture.ts copy-expected <from.pdf> <to.pdf>
 *                                       <to.pdf>.expected.json: <from.pdf>'s, for another rendition of the
 *                                       same scan (its file name and checksum)
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { validatePlan, type PlanDocument } from "../../src/model/schema.js";
import { KAZ, loadSeed } from "../fixtures/catalog.js";
import { renderFodt } from "../fixtures/fodt.js";
import { pdfPageCount, rowPages } from "../fixtures/pages.js";
import { kazanlak } from "../fixtures/renditions.js";
import { pdfFromObjects } from "../pdf-objects.js";

const ROOT = resolve(import.meta.dirname, "..", "..");
/** Rows of the seed plan in the scan: enough for three landscape pages. */
const ROWS = 9;
export const SCAN_STEM = `${KAZ}.scan`;

function subset(): PlanDocument {
  const seed = loadSeed(ROOT, KAZ);
  return { ...seed, rows: seed.rows.slice(0, ROWS) };
}

const rendition = (doc: PlanDocument) => kazanlak(doc, SCAN_STEM, true);

function expected(vectorPdf: string, scanPdf: string): void {
  const doc = subset();
  const pages = rowPages(vectorPdf, rendition(doc), doc); // also checks every cell's printed text
  const out: PlanDocument = {
    ...doc,
    source: {
      file: basename(scanPdf),
      format: "pdf",
      sha256: createHash("sha256").update(readFileSync(scanPdf)).digest("hex"),
      pages: pdfPageCount(vectorPdf),
    },
    rows: doc.rows.map((row, i) => ({ ...row, pages: pages[i] })),
    // Rows read by OCR always ask for a human check.
    review: { status: "check", reasons: [{ code: "ocr", message: "rows read by OCR" }] },
  };
  validatePlan(out);
  writeFileSync(`${scanPdf}.expected.json`, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`${scanPdf}: ${out.source.pages} pages, ${out.rows.length} rows`);
}

function copyExpected(from: string, to: string): void {
  const doc = JSON.parse(readFileSync(`${from}.expected.json`, "utf8")) as PlanDocument;
  const out: PlanDocument = {
    ...doc,
    source: { ...doc.source, file: basename(to), sha256: createHash("sha256").update(readFileSync(to)).digest("hex") },
  };
  validatePlan(out);
  writeFileSync(`${to}.expected.json`, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`${to}: expected JSON from ${basename(from)}`);
}

/** JPEG size from its SOF marker. */
function jpegSize(b: Buffer): { w: number; h: number; comps: number } {
  let i = 2;
  while (i < b.length) {
    if (b[i] !== 0xff) throw new Error("bad JPEG");
    const marker = b[i + 1];
    const len = b.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { h: b.readUInt16BE(i + 5), w: b.readUInt16BE(i + 7), comps: b[i + 9] };
    }
    i += 2 + len;
  }
  throw new Error("no SOF in JPEG");
}

/** A minimal PDF: each page one JPEG drawn over the whole page, no text. */
function wrap(out: string, dpi: number, images: string[]): void {
  const objs: Buffer[] = [];
  const add = (b: Buffer): number => objs.push(b);
  const pageIds: number[] = [];
  const kids: number[] = [];
  // 1: catalog, 2: pages (filled at the end)
  add(Buffer.from("<< /Type /Catalog /Pages 2 0 R >>"));
  add(Buffer.alloc(0));
  for (const arg of images) {
    const [img, turn] = /^(.*?)(?::(90|180|270))?$/.exec(arg)!.slice(1);
    const data = readFileSync(img);
    const { w, h, comps } = jpegSize(data);
    const pw = (w * 72) / dpi;
    const ph = (h * 72) / dpi;
    const imgId = add(
      Buffer.concat([
        Buffer.from(
          `<< /Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace ${comps === 1 ? "/DeviceGray" : "/DeviceRGB"} /BitsPerComponent 8 /Filter /DCTDecode /Length ${data.length} >>\nstream\n`,
        ),
        data,
        Buffer.from("\nendstream"),
      ]),
    );
    const content = `q ${pw.toFixed(2)} 0 0 ${ph.toFixed(2)} 0 0 cm /Im0 Do Q`;
    const contentId = add(Buffer.from(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`));
    const pageId = add(
      Buffer.from(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${pw.toFixed(2)} ${ph.toFixed(2)}]${turn ? ` /Rotate ${turn}` : ""} /Resources << /XObject << /Im0 ${imgId} 0 R >> >> /Contents ${contentId} 0 R >>`,
      ),
    );
    pageIds.push(pageId);
    kids.push(pageId);
  }
  objs[1] = Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${kids.length} >>`);
  writeFileSync(out, pdfFromObjects(objs));
  console.log(`${out}: ${images.length} image-only pages`);
}

const [cmd, ...args] = process.argv.slice(2);
if (cmd === "source" && args[0]) {
  const path = join(args[0], `${SCAN_STEM}.fodt`);
  writeFileSync(path, renderFodt(rendition(subset())));
  console.log(`wrote ${path}`);
} else if (cmd === "expected" && args.length === 2) expected(args[0], args[1]);
else if (cmd === "wrap" && args.length >= 3) wrap(args[0], Number(args[1]), args.slice(2));
else if (cmd === "copy-expected" && args.length === 2) copyExpected(args[0], args[1]);
else {
  console.error(
    "usage: scan-fixture.ts source <dir> | expected <vector.pdf> <scan.pdf> | wrap <out.pdf> <dpi> <jpg[:90]>... | copy-expected <from.pdf> <to.pdf>",
  );
  process.exit(2);
}
