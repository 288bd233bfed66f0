import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { alignParagraphs, alignTable } from "../../src/extract/docx/align.js";
import type { Paragraph, TableDraft } from "../../src/extract/docx/body.js";
import { readHtml, type HtmlParagraph } from "../../src/extract/docx/html.js";
import { lvl, makeDocx, p } from "./make-docx.js";

const data = (name: string) => new Uint8Array(readFileSync(new URL(`./data/${name}`, import.meta.url)));

const xmlPara = (text: string, label?: string, bold = false): Paragraph => ({
  lines: [label, text].filter(Boolean).join(" ") ? [[label, text].filter(Boolean).join(" ")] : [],
  text,
  ...(label ? { label: { text: label, bold, italic: false } } : {}),
  ...(text || label ? { bold, italic: false } : {}),
});
const htmlPara = (text: string, bold = false): HtmlParagraph => ({ text, bold, italic: false });

describe("readHtml (mammoth + cheerio)", () => {
  it("reads tables with header rows, colspan/rowspan, lines and bold, and the text around them", async () => {
    const html = await readHtml(data("table-merge.docx"));
    expect(html.blocks.map((b) => b.kind)).toEqual(["text", "text", "table", "text", "table", "text"]);
    const table = html.blocks[2];
    if (table.kind !== "table") throw new Error("expected a table");
    expect(table.rows.map((r) => r.header)).toEqual([true, true, false, false, false]);
    expect(table.rows[0].cells.map((c) => [c.colSpan, c.rowSpan])).toEqual([[1, 2], [1, 2], [2, 1], [1, 2]]);
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

describe("alignParagraphs", () => {
  it("puts the XML reader's numbers in front of mammoth's text; label-only paragraphs come from the XML reader", () => {
    const out = alignParagraphs(
      [xmlPara("", "1.1"), xmlPara("", undefined), xmlPara("first\nsecond", "1.2"), xmlPara("plain")],
      [htmlPara("first\nsecond"), htmlPara("plain", true)],
    );
    expect(out?.map((q) => q.lines)).toEqual([["1.1"], [], ["1.2 first", "second"], ["plain"]]);
    expect(out?.[3].bold).toBe(true);
    // the number is drawn in the paragraph mark's formatting: not bold here
    expect(alignParagraphs([xmlPara("x", "1.")], [htmlPara("x", true)])?.[0].bold).toBe(false);
  });

  it("returns null when the paragraphs do not pair up, and keeps the XML text where the texts differ", () => {
    expect(alignParagraphs([xmlPara("a")], [htmlPara("a"), htmlPara("b")])).toBeNull();
    expect(alignParagraphs([xmlPara("CAPS")], [htmlPara("caps")])?.[0].lines).toEqual(["CAPS"]);
  });
});

describe("alignTable", () => {
  const draft: TableDraft = {
    gridCols: 2,
    rows: [
      { header: true, cells: [{ row: 0, col: 0, span: 2, rowSpan: 1, paragraphs: [xmlPara("H")] }] },
      {
        header: false,
        cells: [
          { row: 1, col: 0, span: 1, rowSpan: 1, paragraphs: [xmlPara("a", "1.")] },
          { row: 1, col: 1, span: 1, rowSpan: 1, paragraphs: [xmlPara("b")] },
        ],
      },
    ],
  };
  const cell = (text: string, colSpan = 1) => ({ colSpan, rowSpan: 1, paragraphs: [htmlPara(text)] });

  it("takes the cells when rows, header flags, spans and paragraphs agree", () => {
    const out = alignTable(draft, [
      { header: true, cells: [cell("H", 2)] },
      { header: false, cells: [cell("a"), cell("b")] },
    ]);
    if (typeof out === "string") throw new Error(out);
    expect(out.rows[1].cells.map((c) => c.paragraphs.map((q) => q.lines))).toEqual([[["1. a"]], [["b"]]]);
  });

  it("gives the reason when the shapes differ", () => {
    expect(alignTable(draft, [{ header: true, cells: [cell("H", 2)] }])).toMatch(/rows/);
    expect(alignTable(draft, [{ header: false, cells: [cell("H", 2)] }, { header: false, cells: [cell("a"), cell("b")] }])).toMatch(/header/);
    expect(alignTable(draft, [{ header: true, cells: [cell("H")] }, { header: false, cells: [cell("a"), cell("b")] }])).toMatch(/merged/);
    expect(alignTable(draft, [{ header: true, cells: [cell("H", 2)] }, { header: false, cells: [cell("a"), cell("b"), cell("c")] }])).toMatch(/cells/);
  });
});
