/**
 * The image steps before Tesseract, on drawn images: skew found and undone, ruling lines found (and
 * a thick dark border or text strokes not taken for lines), the lattice's cells built from them.
 */
import { describe, expect, it } from "vitest";
import { findLatticeTables } from "../../src/extract/pdf/geometry/lattice.js";
import { binarize, crop, estimateSkew, inkThreshold, rotate, toPgm, type Gray } from "../../src/extract/ocr/raster.js";
import { eraseLines, findPixelLines } from "../../src/extract/ocr/rulings.js";
import { blank, rect } from "./gray-images.js";

/** A 3 × 2 table of 3-pixel lines, with some "letters" (short strokes) in its cells. */
function table(): Gray {
  const img = blank(1200, 800);
  for (const y of [100, 300, 500]) rect(img, 100, y, 1101, y + 3);
  for (const x of [100, 400, 750, 1100]) rect(img, x, 100, x + 3, 503);
  for (let i = 0; i < 12; i++) {
    rect(img, 130 + i * 20, 150, 134 + i * 20, 190); // vertical strokes of text, 40 px high
    rect(img, 430 + i * 20, 350, 445 + i * 20, 354); // short horizontal strokes
  }
  return img;
}

describe("OCR image steps", () => {
  it("finds ruling lines, not letter strokes", () => {
    const img = table();
    const ink = binarize(img);
    const { horizontals, verticals } = findPixelLines(ink, img.width, img.height, { minLength: 80, maxThickness: 12, gap: 2 });
    expect(horizontals.map((h) => Math.round(h.pos)).sort((a, b) => a - b)).toEqual([101, 301, 501]);
    expect(verticals.map((v) => Math.round(v.pos)).sort((a, b) => a - b)).toEqual([101, 401, 751, 1101]);
    for (const l of [...horizontals, ...verticals]) expect(l.thickness).toBe(3);
    // as segments in points (1 px = 1 pt here), the lattice makes the 6 cells
    const seg = (l: (typeof horizontals)[number]) => ({ dir: l.dir, pos: l.pos, from: l.from, to: l.to + 1, thickness: l.thickness });
    const tables = findLatticeTables(horizontals.map(seg), verticals.map(seg));
    expect(tables).toHaveLength(1);
    expect(tables[0].cells).toHaveLength(6);
  });

  it("does not take a scanner's thick dark border for ruling lines", () => {
    const img = table();
    rect(img, 0, 0, 1200, 30);
    rect(img, 0, 0, 30, 800);
    const { horizontals, verticals } = findPixelLines(binarize(img), img.width, img.height, { minLength: 80, maxThickness: 12, gap: 2 });
    expect(horizontals).toHaveLength(3);
    expect(verticals).toHaveLength(4);
  });

  it("estimates a slight skew and undoes it", () => {
    for (const deg of [0.8, -1.3]) {
      const skewed = rotate(table(), -deg);
      const found = estimateSkew(skewed, binarize(skewed));
      expect(Math.abs(found - deg)).toBeLessThan(0.1);
      const straight = rotate(skewed, found);
      const { horizontals } = findPixelLines(binarize(straight), straight.width, straight.height, {
        minLength: 80,
        maxThickness: 12,
        gap: 2,
      });
      expect(horizontals.filter((h) => h.to - h.from > 900)).toHaveLength(3);
    }
    expect(estimateSkew(table(), binarize(table()))).toBe(0);
  });

  it("erases lines, crops and writes PGM", () => {
    const img = table();
    const ink = binarize(img);
    const lines = findPixelLines(ink, img.width, img.height, { minLength: 80, maxThickness: 12, gap: 2 });
    eraseLines(img.data, img.width, img.height, [...lines.horizontals, ...lines.verticals], 2);
    const after = findPixelLines(binarize(img, inkThreshold(table())), img.width, img.height, { minLength: 80, maxThickness: 12, gap: 2 });
    expect(after.horizontals).toHaveLength(0);
    expect(after.verticals).toHaveLength(0);
    const part = crop(img, 120, 140, 400, 200);
    expect([part.width, part.height]).toEqual([280, 60]);
    const pgm = toPgm(part);
    expect(pgm.subarray(0, 14).toString("latin1")).toBe("P5\n280 60\n255\n");
    expect(pgm.length).toBe(14 + 280 * 60);
  });
});
