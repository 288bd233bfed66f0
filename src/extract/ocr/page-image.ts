/**
 * The image of a scanned page, taken out of the PDF through pdf.js's operator list (the largest
 * image painted on the page), as a grey image with its place on the page (top-down points).
 */
import { apply } from "../pdf/page-content.js";
import { paintedImages } from "../pdf/reader/images.js";
import type { PDFPageProxy } from "../pdf/reader/load.js";
import type { Gray } from "./raster.js";

export interface PageImage {
  image: Gray;
  /** Top-down page space of the image's pixel (0,0) corner and size of one pixel, points. */
  x0: number;
  y0: number;
  /** Points per pixel, along x and y. */
  sx: number;
  sy: number;
}

interface PdfImage {
  width: number;
  height: number;
  kind?: number;
  data?: Uint8Array | Uint8ClampedArray;
}

/** The largest image drawn on the page, upright and axis-aligned; null when there is none. */
export async function largestPageImage(page: PDFPageProxy, viewportTransform: number[]): Promise<PageImage | null> {
  const ops = await page.getOperatorList();
  let best: { id: string; m: number[]; area: number } | null = null;
  for (const { id, matrix: m } of paintedImages(ops.fnArray, ops.argsArray, viewportTransform)) {
    const area = Math.abs(m[0] * m[3] - m[1] * m[2]);
    if (!best || area > best.area) best = { id, m, area };
  }
  if (!best) return null;
  const m = best.m;
  // Only images drawn without rotation or shear (a scan placed on its page).
  if (Math.abs(m[1]) > 1e-3 * Math.abs(m[0]) || Math.abs(m[2]) > 1e-3 * Math.abs(m[3])) return null;
  const id = best.id;
  const img = await new Promise<PdfImage | null>((resolve) => {
    try {
      const objs = id.startsWith("g_") ? page.commonObjs : page.objs;
      (objs as unknown as { get(id: string, cb: (v: unknown) => void): void }).get(id, (v) => resolve(v as PdfImage));
    } catch {
      // image object not available: the page is not OCR'd and stays a pdf-page-without-text page
      resolve(null);
    }
  });
  if (!img?.data || !img.width || !img.height) return null;
  let gray = toGray(img);
  if (!gray) return null;
  // Pixel row 0 is the top of the image (v = 1 in image space); mirror when the page flips it.
  const [ax, ay] = apply(m, 0, 1);
  const [bx, by] = apply(m, 1, 0);
  if (bx < ax) gray = mirror(gray, "x");
  if (by < ay) gray = mirror(gray, "y");
  return {
    image: gray,
    x0: Math.min(ax, bx),
    y0: Math.min(ay, by),
    sx: Math.abs(bx - ax) / gray.width,
    sy: Math.abs(by - ay) / gray.height,
  };
}

/** pdf.js image data (1-bit, RGB or RGBA) → one grey byte a pixel. */
function toGray(img: PdfImage): Gray | null {
  const { width, height } = img;
  const src = img.data!;
  const n = width * height;
  const data = new Uint8Array(n);
  if (img.kind === 1) {
    // GRAYSCALE_1BPP: rows padded to whole bytes, a set bit is white
    const rowBytes = (width + 7) >> 3;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) data[y * width + x] = src[y * rowBytes + (x >> 3)] & (0x80 >> (x & 7)) ? 255 : 0;
    }
    return { width, height, data };
  }
  const ch = img.kind === 3 ? 4 : img.kind === 2 ? 3 : Math.round(src.length / n);
  if (ch < 1 || src.length < n * ch) return null;
  if (ch === 1) data.set(src.subarray(0, n));
  else for (let p = 0, q = 0; p < n; p++, q += ch) data[p] = (src[q] * 77 + src[q + 1] * 150 + src[q + 2] * 29) >> 8;
  return { width, height, data };
}

function mirror(img: Gray, axis: "x" | "y"): Gray {
  const { width: W, height: H } = img;
  const out = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      out[y * W + x] = axis === "x" ? img.data[y * W + (W - 1 - x)] : img.data[(H - 1 - y) * W + x];
    }
  }
  return { width: W, height: H, data: out };
}
