/**
 * Pages turned by a quarter: a landscape table scanned sideways, or a page stored turned in the PDF.
 * Whether the text lines run across or down the image is seen from the ink's profiles; which way
 * up a sideways page reads is left to Tesseract, on a small strip read both ways.
 */
import type { Gray } from "./raster.js";

/** Quarter turns, clockwise, that make a page image upright. */
export type Turn = 0 | 90 | 270;

/**
 * How much the ink profile along one axis changes from one line of pixels to the next, against its
 * size: text lines give a profile that jumps between line and gap along the axis across them, and
 * a smooth one along them. Long runs of ink (ruling lines, a border) are left out first.
 */
export interface LineDirection {
  /** Roughness of the row profile (high when text lines run across the image). */
  across: number;
  /** Roughness of the column profile (high when text lines run down the image). */
  down: number;
}

/**
 * The two profiles' roughness, on the ink (1) / paper (0) image, `perPoint` pixels a point. Runs of
 * ink longer than a third of an inch (ruling lines, a border) are left out; the profiles are counted in
 * bins of 2 points: fine enough to resolve text lines (12 points apart or more), coarse enough to
 * blur the letters along them (a letter is about 5 points wide), so only the lines show.
 */
export function lineDirection(ink: Uint8Array, width: number, height: number, perPoint: number): LineDirection {
  const img = ink.slice();
  const long = Math.max(8, Math.round(24 * perPoint));
  clearLongRuns(img, width, height, long, true);
  clearLongRuns(img, width, height, long, false);
  const bin = Math.max(1, Math.round(2 * perPoint));
  const rows = new Float64Array(Math.ceil(height / bin));
  const cols = new Float64Array(Math.ceil(width / bin));
  const colOf = new Int32Array(width);
  for (let x = 0; x < width; x++) colOf[x] = (x / bin) | 0;
  for (let y = 0; y < height; y++) {
    const r = (y / bin) | 0;
    for (let x = 0, i = y * width; x < width; x++, i++) {
      if (img[i]) {
        rows[r]++;
        cols[colOf[x]]++;
      }
    }
  }
  return { across: roughness(rows), down: roughness(cols) };
}

function roughness(p: Float64Array): number {
  let d = 0;
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    s += p[i] * p[i];
    if (i > 0) d += (p[i] - p[i - 1]) ** 2;
  }
  return s > 0 ? d / s : 0;
}

/** Clears runs of ink longer than `long` along rows (`alongRows`) or columns. */
function clearLongRuns(img: Uint8Array, w: number, h: number, long: number, alongRows: boolean): void {
  if (alongRows) {
    for (let y = 0; y < h; y++) {
      const row = y * w;
      let start = -1;
      for (let x = 0; x <= w; x++) {
        const v = x < w ? img[row + x] : 0;
        if (v && start < 0) start = x;
        else if (!v && start >= 0) {
          if (x - start > long) img.fill(0, row + start, row + x);
          start = -1;
        }
      }
    }
    return;
  }
  // columns, read row by row: the run open in each column
  const start = new Int32Array(w).fill(-1);
  for (let y = 0; y <= h; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) {
      const v = y < h ? img[row + x] : 0;
      if (v) {
        if (start[x] < 0) start[x] = y;
      } else if (start[x] >= 0) {
        if (y - start[x] > long) for (let k = start[x]; k < y; k++) img[k * w + x] = 0;
        start[x] = -1;
      }
    }
  }
}

/**
 * True when the text lines run down the image (the page is sideways): the column profile must be
 * clearly rougher than the row profile, so a page with little text stays as it is.
 */
export function isSideways(d: LineDirection): boolean {
  return d.down > 1.5 * d.across;
}

/** The image turned by a quarter: 90 clockwise, 270 counter-clockwise (180: upside down). */
export function turnImage(img: Gray, deg: 90 | 180 | 270): Gray {
  const { width: W, height: H, data } = img;
  const out = new Uint8Array(W * H);
  if (deg === 180) {
    for (let i = 0, n = W * H; i < n; i++) out[n - 1 - i] = data[i];
    return { width: W, height: H, data: out };
  }
  // the turned image is H wide and W high
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      // clockwise: (x, y) → (H-1-y, x); counter-clockwise: (x, y) → (y, W-1-x)
      const o = deg === 90 ? x * H + (H - 1 - y) : (W - 1 - x) * H + y;
      out[o] = data[y * W + x];
    }
  }
  return { width: H, height: W, data: out };
}

/**
 * A strip of a sideways page, turned clockwise, to read both ways up: the band of rows (a few text
 * lines high) with the most ink once the page is turned, cut to its inky part. Null when there is
 * too little ink to tell.
 */
export function probeStrip(turned: Gray, threshold: number): Gray | null {
  const { width: W, height: H, data } = turned;
  const rows = new Float64Array(H);
  for (let y = 0; y < H; y++) {
    let n = 0;
    for (let x = 0; x < W; x++) n += data[y * W + x] <= threshold ? 1 : 0;
    // rows crossed by a ruling line count as empty
    rows[y] = n > W * 0.5 ? 0 : n;
  }
  const band = Math.max(40, Math.round(H / 14));
  let best = -1;
  let bestY = 0;
  let sum = 0;
  for (let y = 0; y < H; y++) {
    sum += rows[y];
    if (y >= band) sum -= rows[y - band];
    if (y >= band - 1 && sum > best) {
      best = sum;
      bestY = y - band + 1;
    }
  }
  if (best < band * 4) return null;
  let x0 = W;
  let x1 = 0;
  for (let y = bestY; y < bestY + band; y++) {
    for (let x = 0; x < W; x++) {
      if (data[y * W + x] <= threshold) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
      }
    }
  }
  if (x1 <= x0) return null;
  // at most half the page's width: enough words to tell, little to read
  x1 = Math.min(x1 + 1, x0 + Math.round(W / 2));
  const width = x1 - x0;
  const out = new Uint8Array(width * band);
  for (let y = 0; y < band; y++) out.set(data.subarray((bestY + y) * W + x0, (bestY + y) * W + x1), y * width);
  return { width, height: band, data: out };
}
