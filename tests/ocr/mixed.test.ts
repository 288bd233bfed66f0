/**
 * A page whose scan has vector ruling lines drawn over it (and no text layer) is drawn whole by pdf.js
 * before OCR, so that the lines are read with the scan; a plain scan is still taken as its raw image.
 * The PDFs are made here from a piece of the scan fixture: the piece's ruling lines are erased from
 * the image and drawn as vector lines instead.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Message } from "../../src/model/messages.js";
import { ocrPagesWithoutText, releaseOcr } from "../../src/extract/ocr/index.js";
import { largestPageImage } from "../../src/extract/ocr/page-image.js";
import { binarize, crop, estimateSkew, inkThreshold, rotate, type Gray } from "../../src/extract/ocr/raster.js";
import { eraseLines, findPixelLines, type PixelLine } from "../../src/extract/ocr/rulings.js";
import { openPdf } from "../../src/extract/pdf/reader/load.js";
import type { PageContent, Segment } from "../../src/extract/pdf/page-content.js";
import { FIXTURES_DIR } from "../harness/accuracy.js";
import { pdfFromObjects } from "../../scripts/pdf-objects.js";

const SCAN = join(FIXTURES_DIR, "scan", "kazanlak-pld-2024.scan.pdf");
const PT = 72 / 300;

/** The top of the scan's last page (a table's header and rows), deskewed, with its ruling lines apart. */
async function piece(): Promise<{ image: Gray; lines: PixelLine[] }> {
  const doc = await openPdf(readFileSync(SCAN), undefined, { images: true });
  try {
    const page = await doc.getPage(3);
    const pi = await largestPageImage(page, page.getViewport({ scale: 1 }).transform);
    if (!pi) throw new Error("no image on the scan's page 3");
    const t = inkThreshold(pi.image);
    // inside the scanner's dark border, deskewed, then the turned corners cut off
    const inner = crop(pi.image, 100, 100, pi.image.width - 100, Math.round(pi.image.height / 2));
    const straight = rotate(inner, estimateSkew(inner, binarize(inner, t)));
    const image = crop(straight, 40, 40, straight.width - 40, straight.height - 40);
    const found = findPixelLines(binarize(image, t), image.width, image.height, { minLength: 83, maxThickness: 12, gap: 2 });
    const lines = [...found.horizontals, ...found.verticals];
    eraseLines(image.data, image.width, image.height, lines, 2);
    return { image, lines };
  } finally {
    await doc.destroy();
  }
}

/** A one-page PDF: the grey image over the whole page, and the lines as vector strokes when asked. */
function pdf(image: Gray, lines: PixelLine[]): Buffer {
  const W = image.width * PT;
  const H = image.height * PT;
  const strokes = lines
    .map((l) => {
      const [x1, y1, x2, y2] = l.dir === "h" ? [l.from, l.pos, l.to + 1, l.pos] : [l.pos, l.from, l.pos, l.to + 1];
      return `${(l.thickness * PT).toFixed(2)} w ${(x1 * PT).toFixed(2)} ${(H - y1 * PT).toFixed(2)} m ${(x2 * PT).toFixed(2)} ${(H - y2 * PT).toFixed(2)} l S`;
    })
    .join("\n");
  const content = `q ${W.toFixed(2)} 0 0 ${H.toFixed(2)} 0 0 cm /Im0 Do Q\n${strokes}`;
  const pixels = deflateSync(image.data);
  const objs = [
    Buffer.from("<< /Type /Catalog /Pages 2 0 R >>"),
    Buffer.from("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
    Buffer.from(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${W.toFixed(2)} ${H.toFixed(2)}] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>`,
    ),
    Buffer.concat([
      Buffer.from(
        `<< /Type /XObject /Subtype /Image /Width ${image.width} /Height ${image.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${pixels.length} >>\nstream\n`,
      ),
      pixels,
      Buffer.from("\nendstream"),
    ]),
    Buffer.from(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`),
  ];
  return pdfFromObjects(objs);
}

/** The page as the vector reading gives it: no text, the strokes as ruling segments (top-down points). */
function vectorPage(image: Gray, lines: PixelLine[]): PageContent {
  const seg = (l: PixelLine): Segment => ({
    dir: l.dir,
    pos: (l.pos + 0.5) * PT,
    from: l.from * PT,
    to: (l.to + 1) * PT,
    thickness: l.thickness * PT,
  });
  return {
    number: 1,
    width: image.width * PT,
    height: image.height * PT,
    items: [],
    horizontals: lines.filter((l) => l.dir === "h").map(seg),
    verticals: lines.filter((l) => l.dir === "v").map(seg),
  };
}

describe("a scan with vector lines drawn over it", () => {
  let image: Gray;
  let lines: PixelLine[];
  beforeAll(async () => {
    ({ image, lines } = await piece());
  }, 120_000);
  afterAll(() => releaseOcr());

  it("is drawn whole: its lines are read from the drawing, once each, with the words", { timeout: 300_000 }, async () => {
    expect(lines.filter((l) => l.dir === "h").length).toBeGreaterThanOrEqual(3);
    expect(lines.filter((l) => l.dir === "v").length).toBeGreaterThanOrEqual(4);
    const pages = [vectorPage(image, lines)];
    const warnings: Message[] = [];
    expect((await ocrPagesWithoutText(pdf(image, lines), undefined, pages, warnings)).read).toBe(1);
    const page = warnings.find((w) => w.code === "ocr-page");
    expect(page?.message).toMatch(/drawn with its vector lines/);
    // the lines come from the drawn page, once each (not again from the vector reading): as many as
    // the distinct heights of the drawn horizontal lines, each at one of them
    const heights = lines.filter((l) => l.dir === "h").map((l) => l.pos * PT);
    const distinct = heights.sort((a, b) => a - b).filter((y, i, a) => i === 0 || y - a[i - 1] > 3 * PT);
    expect(pages[0].horizontals.length).toBe(distinct.length);
    for (const s of pages[0].horizontals) expect(Math.min(...distinct.map((y) => Math.abs(y - s.pos)))).toBeLessThan(1.5);
    const text = pages[0].items.map((i) => i.str).join(" ");
    for (const word of ["Мярка", "Дейности", "Провеждане", "кампании"]) expect(text).toContain(word);
  });

  it("without vector lines, is taken as its raw image, as before", { timeout: 300_000 }, async () => {
    const pages = [vectorPage(image, [])];
    const warnings: Message[] = [];
    expect((await ocrPagesWithoutText(pdf(image, []), undefined, pages, warnings)).read).toBe(1);
    expect(warnings.find((w) => w.code === "ocr-page")?.message).not.toMatch(/drawn/);
    expect(pages[0].items.map((i) => i.str).join(" ")).toContain("Провеждане");
  });
});
