import { describe, expect, it } from "vitest";
import { OPS as O } from "pdfjs-dist/legacy/build/pdf.mjs";
import { extractGlyphItems } from "../../src/extract/pdf/reader/glyphs.js";
const VP = [1, 0, 0, -1, 0, 842];
const font = () => ({ fontMatrix: [0.001, 0, 0, 0.001, 0, 0], vertical: false, bold: false, italic: false });
const g = (ch: string, width = 500) => ({ unicode: ch, width, isSpace: ch === " " });
const word = (s: string) => [...s].map((c) => g(c));

function run(list: [number, unknown[] | null][]) {
  return extractGlyphItems(
    list.map((x) => x[0]),
    list.map((x) => x[1]),
    VP,
    font,
    1,
  );
}

describe("extractGlyphItems", () => {
  it("places glyphs with the text matrix and font size in top-down space", () => {
    const items = run([
      [O.beginText, null],
      [O.setFont, ["F1", 10]],
      [O.setTextMatrix, [[1, 0, 0, 1, 100, 700]]],
      [O.showText, [word("абв")]],
    ]);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ str: "абв", x: 100, y: 142, size: 10 });
    expect(items[0].x2).toBeCloseTo(115, 6);
  });

  it("a real space (the next glyph after the gap) is kept; a zero-advance space glyph is not", () => {
    // "деца" + zero-width space (Chromium's soft-hyphen opportunity) + "та" at the same place,
    // then a real space and "и".
    const items = run([
      [O.beginText, null],
      [O.setFont, ["F1", 10]],
      [O.setTextMatrix, [[1, 0, 0, 1, 100, 700]]],
      [O.showText, [[...word("деца"), g(" ", 278)]]],
      [O.moveText, [20, 0]],
      [O.showText, [[...word("та"), g(" ", 278)]]],
      [O.moveText, [10 + 2.78, 0]],
      [O.showText, [word("и")]],
    ]);
    expect(items.map((i) => i.str)).toEqual(["децата и"]);
  });

  it("TJ adjustments and wide gaps: a word space inside an item, a column gap splits items", () => {
    const items = run([
      [O.beginText, null],
      [O.setFont, ["F1", 10]],
      [O.setTextMatrix, [[1, 0, 0, 1, 100, 700]]],
      [O.showText, [[...word("аб"), -300, ...word("вг"), -3000, ...word("де")]]],
    ]);
    expect(items.map((i) => i.str)).toEqual(["аб вг", "де"]);
  });

  it("follows the CTM (Chromium's 0.75 scale) and save/restore", () => {
    const items = run([
      [O.save, null],
      [O.transform, [0.75, 0, 0, -0.75, 0, 842]],
      [O.beginText, null],
      [O.setFont, ["F1", 1]],
      [O.setTextMatrix, [[14, 0, 0, -14, 100, 100]]],
      [O.showText, [word("а")]],
      [O.restore, null],
    ]);
    expect(items[0].size).toBeCloseTo(10.5, 6);
    expect(items[0].x).toBeCloseTo(75, 6);
    expect(items[0].y).toBeCloseTo(75, 6);
  });
});
