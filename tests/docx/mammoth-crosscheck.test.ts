/**
 * Cross-check of the extracted tables against mammoth's plain HTML, walked here independently of
 * src/extract/docx/html.ts: for every top-level table, the same rows, the same cells with the same
 * colspan/rowspan, and — for files without automatic numbering, which mammoth renders as <ol>
 * without the numbers — the same text. No file may need the word/document.xml fallback
 * (no "docx-structure" warning): the mammoth reading and the XML reading agree on all of them.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { load } from "cheerio";
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { extractDocx } from "../../src/extract/docx/index.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const FIXTURES = process.env.PLAN_FIXTURES_DIR ?? join(ROOT, "fixtures");
const DATA = join(ROOT, "tests", "docx", "data");

const files = [
  ...readdirSync(DATA).filter((f) => f.endsWith(".docx")).map((f) => join(DATA, f)),
  ...(existsSync(FIXTURES) ? readdirSync(FIXTURES).filter((f) => f.endsWith(".docx")).map((f) => join(FIXTURES, f)) : []),
];

const norm = (s: string) => s.replace(/\s+/g, " ").trim();

interface CellShape {
  colSpan: number;
  rowSpan: number;
  text: string;
}

async function mammothTables(bytes: Buffer): Promise<CellShape[][][]> {
  const { value } = await mammoth.convertToHtml({ buffer: bytes });
  const $ = load(value);
  return $("table")
    .filter((_, t) => $(t).parents("table").length === 0)
    .toArray()
    .map((t) =>
      $(t)
        .find("tr")
        .filter((_, tr) => $(tr).closest("table").is(t))
        .toArray()
        .map((tr) =>
          $(tr)
            .children("td,th")
            .toArray()
            .map((td) => {
              $(td).find("br").replaceWith(" ");
              $(td).find("p,li").append(" ");
              return {
                colSpan: Number($(td).attr("colspan") ?? 1),
                rowSpan: Number($(td).attr("rowspan") ?? 1),
                text: norm($(td).text()),
              };
            }),
        ),
    );
}

describe("DOCX tables agree with mammoth", () => {
  it.each(files)("%s", async (file) => {
    const bytes = readFileSync(file);
    const ours = await extractDocx(new Uint8Array(bytes));
    const theirs = await mammothTables(bytes);
    const withText = !/autonum/.test(file);
    const shape = (c: CellShape) => (withText ? c : { colSpan: c.colSpan, rowSpan: c.rowSpan });
    expect(ours.warnings.filter((w) => w.code === "docx-structure")).toEqual([]);
    expect(ours.tables.length).toBe(theirs.length);
    ours.tables.forEach((grid, i) => {
      const mine = grid.rows.map((r) =>
        r.cells.map((c) => shape({ colSpan: c.colSpan, rowSpan: c.rowSpan, text: norm(c.lines.join(" ")) })),
      );
      expect(mine).toEqual(theirs[i].map((r) => r.map(shape)));
    });
  });
});
