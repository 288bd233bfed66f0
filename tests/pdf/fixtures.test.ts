/**
 * The grids of the real fixtures (fixtures/*.pdf, made by another helper from the seed plans with
 * LibreOffice and Chromium) checked against their expected JSON: each expected activity must be
 * the text of an activity cell of the grid (cells cut by a page break joined back), and the grid's
 * activity column must hold every expected activity's text in order.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { extractPdf } from "../../src/extract/pdf/index.js";
import type { Grid } from "../../src/extract/grid.js";
import { joinCellLines, prepareHyphenDictionary } from "../../src/interpret/cell-text.js";
import { documentVocabulary } from "../../src/interpret/vocabulary.js";

const dir = new URL("../../fixtures/", import.meta.url);
// Missing fixtures fail the test (readdirSync throws on a missing folder, the count below on an empty one).
const pdfs = readdirSync(dir).filter((f) => f.endsWith(".pdf") && existsSync(new URL(`${f}.expected.json`, dir)));

/** Activity cells in document order; a cell continued on the next page (lower-case start) is joined. */
function activityCells(tables: Grid[]): string[][] {
  const out: string[][] = [];
  for (const g of tables) {
    const head = g.rows.find((r) => r.cells.some((c) => /дейност/i.test(c.lines.join(" ")) && c.colSpan < g.columns));
    if (!head) continue;
    const col = head.cells.filter((c) => /дейност/i.test(c.lines.join(" ")) && c.colSpan < g.columns).pop()!.col;
    for (const r of g.rows) {
      if (r.header) continue;
      const cell = r.cells.find((c) => c.col <= col && c.col + c.colSpan > col);
      if (!cell || cell.colSpan >= g.columns - 1 || cell.lines.length === 0) continue;
      if (r.afterPageBreak && out.length > 0 && /^\p{Ll}/u.test(cell.lines[0])) out[out.length - 1].push(...cell.lines);
      else out.push([...cell.lines]);
    }
  }
  return out;
}

const squash = (s: string) => s.replace(/[\s\u00ad\u2010\u2011-]+/g, "").toLowerCase();

beforeAll(async () => {
  await prepareHyphenDictionary();
});

describe("real fixtures", () => {
  it("has the PDF fixtures with their expected JSON", () => {
    expect(pdfs.length).toBeGreaterThanOrEqual(5);
  });

  for (const file of pdfs) {
    it(`${file}: activity cells match the expected rows`, async () => {
      const expected = JSON.parse(readFileSync(new URL(`${file}.expected.json`, dir), "utf8")) as { rows: { activity: string }[] };
      const { value: doc } = await extractPdf(new Uint8Array(readFileSync(new URL(file, dir))));
      expect(doc.tables.length).toBeGreaterThanOrEqual(1);
      // No running header or page number inside a cell.
      const allText = doc.tables.flatMap((g) => g.rows.flatMap((r) => r.cells.flatMap((c) => c.lines)));
      expect(allText.filter((l) => /стр\.\s*\d+/.test(l) && l.length < 60)).toEqual([]);
      const vocab = documentVocabulary(doc.tables);
      const cells = activityCells(doc.tables).map((lines) => joinCellLines(lines, vocab));
      const mine = new Set(cells);
      const exact = expected.rows.filter((r) => mine.has(r.activity)).length;
      // Exact text (hyphen decisions and the joining of page-cut rows are heuristics): at least 90 %.
      expect(exact / expected.rows.length).toBeGreaterThanOrEqual(0.9);
      // Every expected activity's characters are in the activity column, in order.
      const column = squash(cells.join(""));
      let from = 0;
      const missing: string[] = [];
      for (const r of expected.rows) {
        const at = column.indexOf(squash(r.activity), from);
        if (at < 0) missing.push(r.activity);
        else from = at;
      }
      expect(missing).toEqual([]);
    });
  }
});
