import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractPdf } from "../../src/extract/pdf/index.js";
import { findLatticeTables } from "../../src/extract/pdf/geometry/lattice.js";
import type { Segment } from "../../src/extract/pdf/page-content.js";
import type { Grid } from "../../src/extract/grid.js";

const h = (pos: number, from: number, to: number): Segment => ({ dir: "h", pos, from, to, thickness: 0.5 });
const v = (pos: number, from: number, to: number): Segment => ({ dir: "v", pos, from, to, thickness: 0.5 });
const data = (name: string) => new Uint8Array(readFileSync(new URL(`./data/${name}`, import.meta.url)));
const text = (g: Grid, r: number, c: number) => g.rows[r].cells.find((x) => x.col === c)?.lines.join(" ");

describe("findLatticeTables", () => {
  it("builds cells with row and column spans from missing inner lines", () => {
    // 3 columns × 3 rows; top row spans all columns; left column of rows 2-3 is one cell.
    const hs = [h(0, 0, 300), h(20, 0, 300), h(40, 100, 300), h(60, 0, 300)];
    const vs = [v(0, 0, 60), v(100, 20, 60), v(200, 20, 60), v(300, 0, 60)];
    const [t] = findLatticeTables(hs, vs);
    const cells = t.cells.map((c) => [c.x0, c.y0, c.x1, c.y1]).sort((a, b) => a[1] - b[1] || a[0] - b[0]);
    expect(cells).toEqual([
      [0, 0, 300, 20],
      [0, 20, 100, 60],
      [100, 20, 200, 40],
      [200, 20, 300, 40],
      [100, 40, 200, 60],
      [200, 40, 300, 60],
    ]);
  });

  it("joins broken collinear pieces and ignores a lone frame", () => {
    const hs = [h(0, 0, 150), h(0.4, 151, 300), h(50, 0, 300)];
    const vs = [v(0, 0, 50), v(300, 0, 50), v(150, 0, 50)];
    const [t] = findLatticeTables(hs, vs);
    expect(t.cells).toHaveLength(2);
    expect(findLatticeTables([h(0, 0, 100), h(50, 0, 100)], [v(0, 0, 50), v(100, 0, 50)])).toHaveLength(0);
  });
});

for (const producer of ["libreoffice", "chromium"]) {
  describe(`ruled table printed by ${producer}`, () => {
    it("is one grid over three pages with spans, headers and page breaks", async () => {
      const { value: doc } = await extractPdf(data(`dev-ruled.${producer}.pdf`));
      expect(doc.pages).toBe(3);
      expect(doc.tables).toHaveLength(1);
      const g = doc.tables[0];
      expect(g.columns).toBe(5);
      expect(g.rows[0].header).toBe(true);
      expect(g.rows.filter((r) => r.header)).toHaveLength(1);
      expect(text(g, 0, 1)).toBe("Дейности");
      // heading rows span the table
      const headings = g.rows.filter((r) => r.cells.length === 1 && r.cells[0].colSpan === 5);
      expect(headings).toHaveLength(4);
      expect(headings[0].cells[0].lines.join(" ")).toMatch(
        /^Оперативна цел 1: Осигуряване на процес и среда на учене, които премахват пречките пред ученето\.$/,
      );
      // the "Мярка" cells span their activity rows
      const measure = g.rows[2].cells[0];
      expect(measure.rowSpan).toBe(3);
      expect(measure.lines.join(" ")).toBe("Мярка 1.1: Осигуряване на качествено оценяване на потребностите");
      // every numbered activity is present once, in order
      const acts = g.rows.flatMap((r) => r.cells.filter((c) => c.col === 1).map((c) => c.lines.join(" ")));
      const numbers = acts
        .map((a) => /^(\d+)\. /.exec(a)?.[1])
        .filter(Boolean)
        .map(Number);
      expect(numbers).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
      expect(acts.find((a) => a.startsWith("1. "))).toMatch(
        /^1\. Извършване на оценка на риска от обучителни затруднения на децата на 5 и 6-годишна възраст в рамките/,
      );
      // page breaks
      const breaks = g.rows.filter((r) => r.afterPageBreak);
      expect(breaks.map((r) => r.page)).toEqual([2, 3]);
      expect(g.rows[g.rows.length - 1].page).toBe(3);
      // text outside the table
      expect(doc.text[0]).toMatchObject({ where: "before", page: 1, bold: true });
      expect(doc.text[0].text).toMatch(/^План на дейностите за подкрепа/);
      expect(doc.text.at(-1)).toMatchObject({ where: "after", text: "Изготвил: Иван Иванов" });
    });
  });
}

describe("turned header cells", () => {
  it("reads text written upwards and downwards in reading order", async () => {
    const { value: doc } = await extractPdf(data("dev-rotated.chromium.pdf"));
    const g = doc.tables[0];
    expect(g.rows[0].cells.map((c) => c.lines.join(" / "))).toEqual(["№", "Дейности", "Срок за / изпълнение", "Отговорник"]);
    expect(g.rows[1].cells.map((c) => c.lines.join(" "))).toEqual([
      "1.",
      "Организиране на концерти и изложби.",
      "Декември 2024 г.",
      "Училища",
    ]);
  });
});

describe("a page shown sideways", () => {
  it("is read upright: the same grid as the upright page", async () => {
    const { value: upright } = await extractPdf(data("dev-ruled.libreoffice.pdf"));
    const { value: sideways } = await extractPdf(data("sideways.libreoffice.pdf"));
    const cells = (g: Grid) => g.rows.map((r) => r.cells.map((c) => `${c.col}:${c.colSpan}:${c.rowSpan}:${c.lines.join(" ")}`).join("|"));
    expect(cells(sideways.tables[0])).toEqual(cells(upright.tables[0]));
  });
});

describe("double borders", () => {
  it("give the same grid as single ones (no cells for the strip between the strokes)", async () => {
    const { value: doc } = await extractPdf(data("dev-double.chromium.pdf"));
    const g = doc.tables[0];
    expect(g.columns).toBe(5);
    expect(g.rows[0].cells.map((c) => c.lines.join(" "))).toEqual([
      "Мярка",
      "Дейности",
      "Срок за изпълнение",
      "Отговорни институции",
      "Очаквани резултати",
    ]);
    expect(g.rows[2].cells[0]).toMatchObject({ col: 0, rowSpan: 3 });
  });
});
