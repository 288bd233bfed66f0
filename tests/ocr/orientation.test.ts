/**
 * Sideways pages: the direction of the text lines from the ink's profiles (ruling lines left out),
 * quarter turns, the strip read both ways up.
 */
import { describe, expect, it } from "vitest";
import { isSideways, lineDirection, probeStrip, turnImage } from "../../src/extract/ocr/orientation.js";
import { binarize, type Gray } from "../../src/extract/ocr/raster.js";
import { blank, rect } from "./gray-images.js";

const PER_POINT = 300 / 72;

/** An upright "page" at 300 dpi: a ruled box and lines of "letters" (30 px high, 18–31 px apart, words between) 50 px apart. */
function textPage(): Gray {
  const img = blank(1600, 1100);
  let seed = 7;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  rect(img, 80, 80, 1520, 84);
  rect(img, 80, 1000, 1520, 1004);
  rect(img, 80, 80, 84, 1004);
  rect(img, 1516, 80, 1520, 1004);
  for (let line = 0; line < 16; line++) {
    const y = 120 + line * 50;
    for (let x = 120 + random(20); x < 1450; x += 18 + random(14)) {
      if (random(7) === 0) continue; // word gaps
      rect(img, x, y + random(8), x + 3, y + 30);
      rect(img, x, y + 27, x + 10 + random(6), y + 30);
    }
  }
  return img;
}

describe("sideways pages", () => {
  it("turns an image by quarters, and back", () => {
    const img = blank(3, 2);
    img.data.set([1, 2, 3, 4, 5, 6]);
    const cw = turnImage(img, 90);
    expect([cw.width, cw.height]).toEqual([2, 3]);
    expect(Array.from(cw.data)).toEqual([4, 1, 5, 2, 6, 3]);
    expect(Array.from(turnImage(cw, 270).data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Array.from(turnImage(img, 180).data)).toEqual([6, 5, 4, 3, 2, 1]);
  });

  it("sees text lines running across an upright page and down a turned one", () => {
    const page = textPage();
    const upright = lineDirection(binarize(page, 128), page.width, page.height, PER_POINT);
    expect(upright.across).toBeGreaterThan(upright.down);
    expect(isSideways(upright)).toBe(false);
    for (const deg of [90, 270] as const) {
      const t = turnImage(page, deg);
      const d = lineDirection(binarize(t, 128), t.width, t.height, PER_POINT);
      expect(isSideways(d), `turned ${deg}°`).toBe(true);
    }
  });

  it("leaves a page with no text as it is", () => {
    const page = blank(800, 600);
    rect(page, 100, 100, 700, 104);
    rect(page, 100, 100, 104, 500);
    expect(isSideways(lineDirection(binarize(page, 128), page.width, page.height, PER_POINT))).toBe(false);
  });

  it("cuts a strip of text lines out of the turned page to read both ways up", () => {
    const upright = textPage();
    const strip = probeStrip(upright, 128);
    expect(strip).not.toBeNull();
    expect(strip!.height).toBeLessThan(upright.height / 4);
    expect(strip!.width).toBeLessThanOrEqual(upright.width / 2 + 1);
    expect(probeStrip(blank(800, 600), 128)).toBeNull();
  });
});
