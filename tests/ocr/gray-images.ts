/** Grey images drawn by hand for the OCR raster tests (tests/ocr/raster.test.ts, orientation.test.ts). */
import type { Gray } from "../../src/extract/ocr/raster.js";

/** A light page of the given size. */
export function blank(width: number, height: number): Gray {
  return { width, height, data: new Uint8Array(width * height).fill(250) };
}

/** Ink (grey level `v`) over the rectangle [x0, x1) × [y0, y1). */
export function rect(img: Gray, x0: number, y0: number, x1: number, y1: number, v = 20): void {
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) img.data[y * img.width + x] = v;
}
