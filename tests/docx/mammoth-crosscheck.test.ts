/**
 * Cross-check of the XML reader (the only DOCX reading at run time) against mammoth, for every DOCX
 * under tests/docx/data and every DOCX fixture (fixtures/*.docx, and every DOCX an
 * `*.expected.json` names: a missing fixture fails, it is not skipped).
 *
 * 1. mammoth's plain HTML, walked here independently of src/extract/docx/html.ts: for every
 *    top-level table, the same rows, the same cells with the same colspan/rowspan, and — for files
 *    without automatic numbering, which mammoth renders as <ol> without the numbers — the same text.
 * 2. The run-time fallback (html.ts: mammoth + cheerio, used when word/document.xml is not
 *    well-formed) gives the same grids (shape, header rows, cell lines) and the same text outside
 *    the tables; again without the text for files with automatic numbering.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { load } from "cheerio";
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { layoutBody } from "../../src/extract/docx/body.js";
import { htmlBlocks, readHtml } from "../../src/extract/docx/html.js";
import { extractDocx } from "../../src/extract/docx/index.js";
import { documentFromBlocks, type Grid } from "../../src/extract/grid.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const FIXTURES = process.env.PLAN_FIXTURES_DIR ?? join(ROOT, "fixtures");
const DATA = join(ROOT, "tests", "docx", "data");

// A missing fixtures folder fails here (readdirSync throws), none found fails the count test below.
const fixtureNames = readdirSync(FIXTURES).flatMap((f) => {
  const m = /^(.+\.docx)(\.expected\.json)?$/i.exec(f);
  return m ? [m[1] as string] : [];
});
const fixtures = [...new Set(fixtureNames)].sort().map((f) => join(FIXTURES, f));
const files = [
  ...readdirSync(DATA)
    .filter((f) => f.endsWith(".docx"))
    .map((f) => join(DATA, f)),
  ...fixtures,
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

/** A grid as rows of "col+span/rowSpan" and, when asked, the cell's lines. */
function gridPicture(grid: Grid, withText: boolean): string[][] {
  return grid.rows.map((r) =>
    r.cells.map((c) => `${r.header ? "H " : ""}${c.col}+${c.colSpan}/${c.rowSpan}${withText ? ": " + c.lines.join(" | ") : ""}`),
  );
}

describe("DOCX fixtures are there", () => {
  it("finds DOCX fixtures", () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });
});

describe("DOCX tables agree with mammoth", () => {
  it.each(files)("%s", async (file) => {
    const bytes = readFileSync(file);
    const { value: ours, messages } = await extractDocx(new Uint8Array(bytes));
    const theirs = await mammothTables(bytes);
    const withText = !/autonum/.test(file);
    const shape = (c: CellShape) => (withText ? c : { colSpan: c.colSpan, rowSpan: c.rowSpan });
    expect(messages.filter((w) => w.code === "docx-fallback")).toEqual([]);
    expect(ours.tables.length).toBe(theirs.length);
    ours.tables.forEach((grid, i) => {
      const mine = grid.rows.map((r) =>
        r.cells.map((c) => shape({ colSpan: c.colSpan, rowSpan: c.rowSpan, text: norm(c.lines.join(" ")) })),
      );
      expect(mine).toEqual(theirs[i].map((r) => r.map(shape)));
    });
  });
});

describe("the mammoth fallback reads the same document", () => {
  it.each(files)("%s", async (file) => {
    const bytes = new Uint8Array(readFileSync(file));
    const { value: ours } = await extractDocx(bytes);
    const fallback = documentFromBlocks("docx", null, layoutBody(htmlBlocks(await readHtml(bytes))));
    const withText = !/autonum/.test(file);
    expect(fallback.tables.map((g) => gridPicture(g, withText))).toEqual(ours.tables.map((g) => gridPicture(g, withText)));
    if (withText) {
      expect(fallback.text.map((t) => [t.where, t.text])).toEqual(ours.text.map((t) => [t.where, t.text]));
    } else {
      expect(fallback.text.map((t) => t.where)).toEqual(ours.text.map((t) => t.where));
    }
  });
});
