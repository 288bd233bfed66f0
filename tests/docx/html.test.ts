import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { htmlBlocks, readHtml } from "../../src/extract/docx/html.js";
import { lvl, makeDocx, p } from "./make-docx.js";

const data = (name: string) => new Uint8Array(readFileSync(new URL(`./data/${name}`, import.meta.url)));

describe("readHtml (mammoth + cheerio)", () => {
  it("reads tables with header rows, colspan/rowspan, lines and bold, and the text around them", async () => {
    const html = await readHtml(data("table-merge.docx"));
    expect(html.blocks.map((b) => b.kind)).toEqual(["text", "text", "table", "text", "table", "text"]);
    const table = html.blocks[2];
    if (table.kind !== "table") throw new Error("expected a table");
    expect(table.rows.map((r) => r.header)).toEqual([true, true, false, false, false]);
    expect(table.rows[0].cells.map((c) => [c.colSpan, c.rowSpan])).toEqual([
      [1, 2],
      [1, 2],
      [2, 1],
      [1, 2],
    ]);
    expect(table.rows[2].cells[0].paragraphs).toEqual([{ text: "Цел 1: Повишаване на обхвата", bold: true, italic: false }]);
    expect(table.rows[3].cells[1].paragraphs.map((q) => q.text)).toEqual(["Първа дейност\nвтори ред"]);
    expect(table.rows[4].cells[1].paragraphs.map((q) => q.text)).toEqual(["Параграф едно", "Параграф две"]);
  });

  it("gives one paragraph per list item, without mammoth's wrapper items of deeper levels", async () => {
    const numbering = `<w:abstractNum w:abstractNumId="0">${lvl(0, "%1.")}${lvl(1, "%1.%2.")}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    const body = `<w:tbl><w:tr><w:tc>${p("", { numId: 1, ilvl: 1 })}${p("b", { numId: 1, ilvl: 1 })}${p("c", { numId: 1 })}${p("d", { numId: 1, ilvl: 1 })}</w:tc></w:tr></w:tbl>`;
    const html = await readHtml(await makeDocx({ body, numbering }));
    const table = html.blocks[0];
    if (table.kind !== "table") throw new Error("expected a table");
    expect(table.rows[0].cells[0].paragraphs.map((q) => q.text)).toEqual(["b", "c", "d"]);
  });
});

describe("htmlBlocks (the fallback's block model)", () => {
  it("places cells on the grid from colspan and the rowspans above, and keeps header rows, lines and bold", async () => {
    const blocks = htmlBlocks(await readHtml(data("table-merge.docx")));
    expect(blocks.map((b) => b.kind)).toEqual(["text", "text", "table", "text", "table", "text"]);
    const table = blocks[2];
    if (table.kind !== "table") throw new Error("expected a table");
    expect(table.table.gridCols).toBe(5);
    expect(table.table.rows.map((r) => r.cells.map((c) => [c.col, c.span, c.rowSpan]))).toEqual([
      [
        [0, 1, 2],
        [1, 1, 2],
        [2, 2, 1],
        [4, 1, 2],
      ],
      [
        [2, 1, 1],
        [3, 1, 1],
      ],
      [[0, 5, 1]],
      [
        [0, 1, 1],
        [1, 1, 1],
        [2, 1, 1],
        [3, 1, 1],
        [4, 1, 2],
      ],
      [
        [0, 1, 1],
        [1, 1, 1],
        [2, 1, 1],
        [3, 1, 1],
      ],
    ]);
    expect(table.table.rows[3].cells[1].paragraphs.map((q) => q.lines)).toEqual([["Първа дейност", "втори ред"]]);
    expect(table.table.rows[2].cells[0].paragraphs[0].bold).toBe(true);
  });
});
