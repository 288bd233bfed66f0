/**
 * Scanned PDF pages → the same PageContent the vector path reads (text items in points, ruling
 * segments), so that lattice → assemble → interpret treat a scan like any other PDF:
 * page image → dark border removed → deskew → ruling lines → table cells (the lattice's own rule)
 * → each cell read by Tesseract as a block of text, the rest of the page read as a page → words
 * placed as text items.
 */
import { isBulgarianWord } from "../../interpret/bulgarian-words.js";
import { message, type Message } from "../../model/messages.js";
import type { DoubtfulWord } from "../grid.js";
import { findLatticeTables, type Box } from "../pdf/geometry/lattice.js";
import { openPdf } from "../pdf/reader/load.js";
import { visibleChars, type PageContent, type Segment, type TextItem } from "../pdf/page-content.js";
import { isSideways, lineDirection, probeStrip, turnImage, type Turn } from "./orientation.js";
import { largestPageImage, type PageImage } from "./page-image.js";
import { renderPageImage, vectorOverImage } from "./render-page.js";
import { binarize, crop, downscale, estimateSkew, inkThreshold, rotate, toPgm, type Gray } from "./raster.js";
import { eraseLines, findPixelLines, type PixelLine } from "./rulings.js";
import { recognize, type OcrWord } from "./tesseract.js";

export { releaseOcr } from "./tesseract.js";

/** Images finer than this are reduced to it before Tesseract reads them (a 600 dpi scan is 4× the pixels to read for no better text; at 200 dpi the scan fixture lost 1.6 points of character accuracy). */
const OCR_DPI = 300;

/** Resolution a page with vector lines over its scan is drawn at. */
const RENDER_DPI = 300;

/** Words Tesseract is less sure of than this (0–100) are checked against the dictionary. */
const UNSURE = 60;

export interface OcrPageResult {
  content: PageContent;
  /** Skew corrected, degrees. */
  skew: number;
  /** Quarter turn (clockwise) given to a sideways page before it was read; `content` is in the turned page's frame. */
  turn: Turn;
  meanConfidence: number;
  words: number;
  /** Words read with low confidence that the dictionary does not know either. */
  doubtful: string[];
}

/**
 * Replaces, in `pages`, every page without a text layer by what OCR reads on its image, and adds an
 * `ocr-page` warning for each page read. Returns the number of pages read by OCR and the words that
 * stay doubtful (src/interpret/low-confidence-words.ts reports them by row once rows exist).
 */
export async function ocrPagesWithoutText(
  bytes: Uint8Array,
  password: string | undefined,
  pages: PageContent[],
  warnings: Message[],
): Promise<{ read: number; doubtful: DoubtfulWord[] }> {
  const doubtful: DoubtfulWord[] = [];
  const todo = pages.filter((p) => visibleChars(p.items) === 0);
  if (todo.length === 0) return { read: 0, doubtful };
  const doc = await openPdf(bytes, password, { images: true });
  let done = 0;
  try {
    for (const p of todo) {
      const page = await doc.getPage(p.number);
      try {
        // The page as stored, without its /Rotate: which way up it reads is seen from the scan itself.
        const viewport = page.getViewport({ scale: 1, rotation: 0 });
        const raw = await largestPageImage(page, viewport.transform);
        if (!raw) continue;
        const upright = (page.rotate ?? 0) % 360 === 0;
        // vector lines drawn over the scan: the page is drawn whole, so that they are read with it
        const drawn =
          upright && vectorOverImage(raw, [...p.horizontals, ...p.verticals]) ? await renderPageImage(doc, page, RENDER_DPI) : null;
        const r = await ocrPageImage(drawn ?? raw, p.number, viewport);
        if (r.words === 0) continue;
        const keep = pages.indexOf(p);
        // vector rulings over a raw scan count as well (when they are in the same frame)
        const sameFrame = !drawn && r.turn === 0 && upright;
        pages[keep] = {
          ...r.content,
          horizontals: [...r.content.horizontals, ...(sameFrame ? p.horizontals : [])],
          verticals: [...r.content.verticals, ...(sameFrame ? p.verticals : [])],
        };
        done++;
        warnings.push(
          message(
            "ocr-page",
            `page ${p.number} has no text layer and was read by OCR (${r.words} words, mean confidence ${Math.round(r.meanConfidence)}%, ${drawn ? "drawn with its vector lines, " : ""}${r.turn ? `turned ${r.turn}°, ` : ""}skew ${r.skew}° corrected): check its rows`,
            { page: p.number },
          ),
        );
        for (const word of r.doubtful) doubtful.push({ page: p.number, word });
      } finally {
        page.cleanup();
      }
    }
  } finally {
    await doc.destroy().catch(() => undefined);
  }
  return { read: done, doubtful };
}

/** Rows or columns along an edge that are mostly ink (a scanner's dark border) are made white. */
function clearBorder(img: Gray, threshold: number): void {
  const { width: W, height: H, data } = img;
  const dark = (i: number) => data[i] <= threshold;
  const rowShare = (y: number) => {
    let n = 0;
    for (let x = 0; x < W; x++) n += dark(y * W + x) ? 1 : 0;
    return n / W;
  };
  const colShare = (x: number) => {
    let n = 0;
    for (let y = 0; y < H; y++) n += dark(y * W + x) ? 1 : 0;
    return n / H;
  };
  const limitY = Math.floor(H * 0.06);
  const limitX = Math.floor(W * 0.06);
  let top = 0;
  while (top < limitY && rowShare(top) > 0.3) top++;
  let bottom = H - 1;
  while (H - 1 - bottom < limitY && rowShare(bottom) > 0.3) bottom--;
  let left = 0;
  while (left < limitX && colShare(left) > 0.3) left++;
  let right = W - 1;
  while (W - 1 - right < limitX && colShare(right) > 0.3) right--;
  // a few pixels more: the border's blurred inner edge
  const pad = 3;
  const whiten = (x0: number, y0: number, x1: number, y1: number) => {
    for (let y = Math.max(0, y0); y < Math.min(H, y1); y++) data.fill(255, y * W + Math.max(0, x0), y * W + Math.min(W, x1));
  };
  if (top > 0) whiten(0, 0, W, top + pad);
  if (bottom < H - 1) whiten(0, bottom - pad, W, H);
  if (left > 0) whiten(0, 0, left + pad, H);
  if (right < W - 1) whiten(right - pad, 0, W, H);
}

/**
 * OCR of one page image (exported for tests and the benchmark). `page`: the page's size in points
 * (by default the image's extent and margins).
 */
export async function ocrPageImage(
  source: PageImage,
  pageNumber: number,
  page: { width: number; height: number } = {
    width: 2 * source.x0 + source.image.width * source.sx,
    height: 2 * source.y0 + source.image.height * source.sy,
  },
): Promise<OcrPageResult> {
  let pi = source;
  let image: Gray = { ...pi.image, data: pi.image.data.slice() };
  const threshold = inkThreshold(image);
  clearBorder(image, threshold);
  const perPoint = 1 / Math.min(pi.sx, pi.sy);
  const pad = Math.round(4 * perPoint);
  const dpi = 72 * perPoint;
  const factor = Math.min(1, OCR_DPI / dpi);
  /** Reads an image (reduced to OCR_DPI) and gives the words in the image's own pixels. */
  const read = async (img: Gray, mode: "block" | "auto"): Promise<OcrWord[]> => {
    const words = await recognize(toPgm(downscale(img, factor)), mode, dpi * factor);
    if (factor === 1) return words;
    const k = 1 / factor;
    return words.map((w) => ({
      ...w,
      x0: w.x0 * k,
      x1: w.x1 * k,
      y0: w.y0 * k,
      y1: w.y1 * k,
      baseline: w.baseline * k,
      lineHeight: w.lineHeight * k,
    }));
  };

  const skew = estimateSkew(image, binarize(image, threshold));
  if (Math.abs(skew) >= 0.05) image = rotate(image, skew);
  // A sideways page is turned upright (once deskewed: its lines run straight); the page's frame turns with it.
  let turn: Turn = 0;
  let width = page.width;
  let height = page.height;
  let ink = binarize(image, threshold);
  if (isSideways(lineDirection(ink, image.width, image.height, perPoint))) {
    const clockwise = turnImage(image, 90);
    turn = await wayUp(image, clockwise, threshold, (img) => read(frame(img, pad), "block"));
  }
  if (turn !== 0) {
    const w = image.width;
    const h = image.height;
    image = turnImage(image, turn);
    pi =
      turn === 90
        ? { image, x0: page.height - pi.y0 - h * pi.sy, y0: pi.x0, sx: pi.sy, sy: pi.sx }
        : { image, x0: pi.y0, y0: page.width - pi.x0 - w * pi.sx, sx: pi.sy, sy: pi.sx };
    [width, height] = [height, width];
    ink = binarize(image, threshold);
  }

  const lines = findPixelLines(ink, image.width, image.height, {
    minLength: Math.round(20 * perPoint),
    maxThickness: Math.max(3, Math.round(3 * perPoint)),
    gap: Math.max(2, Math.round(0.5 * perPoint)),
  });
  const toSegment = (l: PixelLine): Segment =>
    l.dir === "h"
      ? {
          dir: "h",
          pos: pi.y0 + (l.pos + 0.5) * pi.sy,
          from: pi.x0 + l.from * pi.sx,
          to: pi.x0 + (l.to + 1) * pi.sx,
          thickness: l.thickness * pi.sy,
        }
      : {
          dir: "v",
          pos: pi.x0 + (l.pos + 0.5) * pi.sx,
          from: pi.y0 + l.from * pi.sy,
          to: pi.y0 + (l.to + 1) * pi.sy,
          thickness: l.thickness * pi.sx,
        };
  const horizontals = lines.horizontals.map(toSegment);
  const verticals = lines.verticals.map(toSegment);
  const clean: Gray = { ...image, data: image.data.slice() };
  eraseLines(clean.data, clean.width, clean.height, [...lines.horizontals, ...lines.verticals], 2);

  const toPx = (b: Box) => ({
    x0: (b.x0 - pi.x0) / pi.sx,
    y0: (b.y0 - pi.y0) / pi.sy,
    x1: (b.x1 - pi.x0) / pi.sx,
    y1: (b.y1 - pi.y0) / pi.sy,
  });
  const items: TextItem[] = [];
  const all: OcrWord[] = [];
  const place = (words: OcrWord[], ox: number, oy: number) => {
    for (const w of words) {
      all.push(w);
      items.push({
        str: w.text,
        x: pi.x0 + (w.x0 + ox) * pi.sx,
        x2: pi.x0 + (w.x1 + ox) * pi.sx,
        y: pi.y0 + (w.baseline + oy) * pi.sy,
        size: Math.min(40, Math.max(4, (w.lineHeight * pi.sy) / 1.2)),
        fontName: "ocr",
        bold: false,
        italic: false,
        eol: w.eol,
        page: pageNumber,
      });
    }
  };
  const tables = findLatticeTables(horizontals, verticals);
  for (const t of tables) {
    for (const cell of t.cells) {
      const b = toPx(cell);
      if (b.x1 - b.x0 < 4 || b.y1 - b.y0 < 4) continue;
      const part = crop(clean, b.x0, b.y0, b.x1, b.y1);
      if (!hasInk(part, threshold)) continue;
      const framed = frame(part, pad);
      place(await read(framed, "block"), Math.max(0, Math.floor(b.x0)) - pad, Math.max(0, Math.floor(b.y0)) - pad);
    }
  }
  // Text outside the tables: the page with the tables blanked out (clean is not read after this).
  const rest: Gray = clean;
  for (const t of tables) {
    const b = toPx(t.box);
    for (let y = Math.max(0, Math.floor(b.y0) - 2); y < Math.min(rest.height, Math.ceil(b.y1) + 2); y++) {
      rest.data.fill(255, y * rest.width + Math.max(0, Math.floor(b.x0) - 2), y * rest.width + Math.min(rest.width, Math.ceil(b.x1) + 2));
    }
  }
  const box = inkBox(rest, threshold);
  if (box) {
    const part = frame(crop(rest, box.x0, box.y0, box.x1, box.y1), pad);
    place(await read(part, "auto"), box.x0 - pad, box.y0 - pad);
  }

  const doubtful = all.filter((w) => w.confidence < UNSURE && !known(w.text)).map((w) => w.text);
  const mean = all.length ? all.reduce((a, w) => a + w.confidence, 0) / all.length : 0;
  return {
    content: { number: pageNumber, width, height, items, horizontals, verticals },
    skew,
    turn,
    meanConfidence: mean,
    words: all.length,
    doubtful,
  };
}

/**
 * Which way up a page that looks sideways reads: a strip of it turned clockwise is read as it is and
 * upside down, and a strip of the page as it is too (in case the profiles misled); the reading with
 * more words the dictionary knows (then the surer one) wins, the page as it is on a tie.
 * 90: the page is turned clockwise to be upright; 270 counter-clockwise.
 */
async function wayUp(image: Gray, clockwise: Gray, threshold: number, read: (img: Gray) => Promise<OcrWord[]>): Promise<Turn> {
  const score = async (strip: Gray | null): Promise<number> => {
    if (!strip) return -1;
    const real = (await read(strip)).filter((w) => /\p{L}{3}/u.test(w.text) && known(w.text));
    return real.length * 1000 + real.reduce((a, w) => a + w.confidence, 0) / Math.max(1, real.length);
  };
  const turned = probeStrip(clockwise, threshold);
  const asItIs = await score(probeStrip(image, threshold));
  const cw = await score(turned);
  const ccw = await score(turned && turnImage(turned, 180));
  if (asItIs >= Math.max(cw, ccw)) return 0;
  return ccw > cw ? 270 : 90;
}

/**
 * A word the Bulgarian dictionary knows (letters only, each part of a hyphenated word), or one with
 * no letter or digit at all (punctuation). A plain number or date is not known: a digit OCR was
 * unsure of stays doubtful.
 */
function known(text: string): boolean {
  const core = text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
  if (!core) return true;
  if (/^[\p{N}.,:/–-]+$/u.test(core)) return false;
  return core
    .split(/-/)
    .filter(Boolean)
    .every((part) => /^\p{L}+$/u.test(part) && isBulgarianWord(part));
}

function hasInk(img: Gray, threshold: number): boolean {
  let n = 0;
  for (let i = 0; i < img.data.length; i++) if (img.data[i] <= threshold && ++n >= 12) return true;
  return false;
}

/**
 * Bounding box of the text left on a page, or null: rows and columns count only with some ink in
 * them (a few pixels per thousand), so scanner noise does not stretch the box over the whole page.
 */
function inkBox(img: Gray, threshold: number): { x0: number; y0: number; x1: number; y1: number } | null {
  const { width: W, height: H, data } = img;
  const rows = new Uint32Array(H);
  const cols = new Uint32Array(W);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      if (data[y * W + x] <= threshold) {
        rows[y]++;
        cols[x]++;
      }
    }
  }
  const span = (counts: Uint32Array, min: number): [number, number] | null => {
    let a = 0;
    while (a < counts.length && counts[a] < min) a++;
    let b = counts.length - 1;
    while (b > a && counts[b] < min) b--;
    return a < counts.length ? [a, b + 1] : null;
  };
  const ys = span(rows, Math.max(3, W * 0.002));
  const xs = span(cols, Math.max(3, H * 0.002));
  if (!ys || !xs) return null;
  const m = 8;
  return { x0: Math.max(0, xs[0] - m), y0: Math.max(0, ys[0] - m), x1: Math.min(W, xs[1] + m), y1: Math.min(H, ys[1] + m) };
}

/** A white margin around an image (Tesseract reads text touching the edge badly). */
function frame(img: Gray, pad: number): Gray {
  const width = img.width + 2 * pad;
  const height = img.height + 2 * pad;
  const data = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < img.height; y++) data.set(img.data.subarray(y * img.width, (y + 1) * img.width), (y + pad) * width + pad);
  return { width, height, data };
}
