import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import type { Grid } from "../../src/extract/grid.js";
import { ConversionFailure } from "../../src/model/messages.js";
import { detectFormat } from "../../src/extract/detect.js";
import { extractDocx } from "../../src/extract/docx/index.js";
import { compoundFile, fib } from "../office/compound-file.js";
import { makeDocx, p } from "./make-docx.js";

const data = (name: string) => new Uint8Array(readFileSync(new URL(`./data/${name}`, import.meta.url)));

/** Compact picture of a grid: per row, "col+span/rowSpan:text" per cell. */
function shape(grid: Grid): string[][] {
  return grid.rows.map((r) =>
    r.cells.map((c) => `${c.col}${c.colSpan > 1 ? "+" + c.colSpan : ""}${c.rowSpan > 1 ? "v" + c.rowSpan : ""}:${c.lines.join("/")}`),
  );
}

async function failure(bytes: Uint8Array): Promise<ConversionFailure> {
  try {
    await extractDocx(bytes);
  } catch (e) {
    if (e instanceof ConversionFailure) return e;
    throw e;
  }
  throw new Error("expected a ConversionFailure");
}

describe("extractDocx: tables", () => {
  it("reads header rows, gridSpan, vMerge and paragraphs (LibreOffice-made DOCX)", async () => {
    const { value: doc, messages } = await extractDocx(data("table-merge.docx"));
    expect(doc.format).toBe("docx");
    expect(doc.pages).toBeNull();
    expect(doc.tables).toHaveLength(2);
    const t = doc.tables[0];
    expect(t.columns).toBe(5);
    expect(shape(t)).toEqual([
      ["0v2:№", "1v2:Дейност", "2+2:Индикатори", "4v2:Отговорник"],
      ["2:Текуща", "3:Целева"],
      ["0+5:Цел 1: Повишаване на обхвата"],
      ["0:1.1", "1:Първа дейност/втори ред", "2:0", "3:3", "4v2:ст. експерт"],
      ["0:1.2", "1:Параграф едно/Параграф две", "2:1", "3:2"],
    ]);
    expect(t.rows.map((r) => r.header)).toEqual([true, true, false, false, false]);
    expect(t.rows[2].cells[0].bold).toBe(true);
    expect(t.rows[3].cells[1].bold).toBeUndefined();
    expect(t.rows.every((r) => r.page === null && !r.afterPageBreak)).toBe(true);
    expect(t.rows.flatMap((r) => r.cells).every((c) => c.pages.length === 0)).toBe(true);
    expect(doc.text.map((b) => [b.where, b.text])).toEqual([
      ["before", "ПЛАН ЗА ДЕЙНОСТТА"],
      ["before", "Въведение преди таблицата."],
      ["between", "Текст между таблиците."],
      ["after", "Подпис след таблиците."],
    ]);
    expect(doc.text[0].bold).toBe(true);
    // bold inherited from a paragraph style (LibreOffice's "Table Heading"), which mammoth does not resolve
    expect(t.rows[0].cells.every((c) => c.bold)).toBe(true);
    expect(messages).toEqual([]);
  });

  it("prefixes automatic numbers in cells and outside tables (LibreOffice-made DOCX)", async () => {
    const { value: doc } = await extractDocx(data("autonum.docx"));
    const t = doc.tables[0];
    expect(t.rows[0].header).toBe(true);
    expect(t.rows.slice(1).map((r) => r.cells[0].lines.join("/"))).toEqual([
      "1. Първа цел",
      "1.1",
      "1.1.1",
      "1.1.2",
      "1.2",
      "1.2.1",
      "2. Втора цел",
      "2.1.1",
    ]);
    expect(t.rows[4].cells[1].lines).toEqual(["1) буква първа", "2) буква втора"]);
    expect(t.rows[4].cells[2].lines).toEqual(["• точка"]);
    expect(doc.text.map((b) => b.text)).toEqual([
      "План с автоматична номерация",
      "I. Приоритети",
      "II. Други приоритети",
      "III. Трети раздел",
    ]);
  });

  it("handles vMerge over several rows, gridBefore/gridAfter, hMerge and unused grid columns", async () => {
    const tc = (text: string, pr = "") => `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ""}${p(text)}</w:tc>`;
    const body =
      `<w:tbl><w:tblGrid>${"<w:gridCol/>".repeat(5)}</w:tblGrid>` +
      `<w:tr><w:trPr><w:tblHeader/></w:trPr>${tc("A", '<w:gridSpan w:val="2"/>')}${tc("B")}${tc("C", '<w:gridSpan w:val="2"/>')}</w:tr>` +
      `<w:tr>${tc("x", '<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>')}${tc("y")}${tc("z", '<w:gridSpan w:val="2"/>')}</w:tr>` +
      `<w:tr>${tc("", '<w:gridSpan w:val="2"/><w:vMerge/>')}${tc("y2")}${tc("z2", '<w:gridSpan w:val="2"/>')}</w:tr>` +
      `<w:tr>${tc("", '<w:gridSpan w:val="2"/><w:vMerge w:val="continue"/>')}${tc("y3")}${tc("h1", '<w:hMerge w:val="restart"/>')}${tc("", "<w:hMerge/>")}</w:tr>` +
      `<w:tr><w:trPr><w:gridBefore w:val="2"/></w:trPr>${tc("only")}</w:tr>` +
      `<w:tr>${tc("new", '<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>')}${tc("q")}${tc("r", '<w:gridSpan w:val="2"/>')}</w:tr>` +
      `</w:tbl>`;
    const { value: doc, messages } = await extractDocx(await makeDocx({ body }));
    const t = doc.tables[0];
    // grid columns 1 and 4 start no cell: they are folded into their neighbours
    expect(t.columns).toBe(3);
    expect(shape(t)).toEqual([
      ["0:A", "1:B", "2:C"],
      ["0v3:x", "1:y", "2:z"],
      ["1:y2", "2:z2"],
      ["1:y3", "2:h1"],
      ["1:only"],
      ["0:new", "1:q", "2:r"],
    ]);
    expect(t.rows.map((r) => r.header)).toEqual([true, false, false, false, false, false]);
    // gridBefore and hMerge (which mammoth does not know) are no problem of the document
    expect(messages).toEqual([]);
  });

  it("flattens nested tables into the cell, keeps inserted and drops deleted text, hides vanished text", async () => {
    const nested = `<w:tbl><w:tr><w:tc>${p("inner 1")}</w:tc><w:tc>${p("inner 2")}</w:tc></w:tr></w:tbl>`;
    const tracked =
      `<w:p><w:r><w:t xml:space="preserve">keep </w:t></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del>` +
      `<w:ins><w:r><w:t>added</w:t></w:r></w:ins><w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r>` +
      `<w:r><w:rPr><w:caps/></w:rPr><w:t xml:space="preserve"> caps</w:t></w:r><w:r><w:br/><w:t>next line</w:t></w:r></w:p>`;
    const before = `<w:tbl><w:tr><w:tc>${p("first")}</w:tc><w:tc>${p("table")}</w:tc></w:tr></w:tbl>${p("between")}`;
    const body = `${before}<w:tbl><w:tr><w:tc>${p("outer")}${nested}</w:tc><w:tc>${tracked}</w:tc></w:tr></w:tbl>`;
    const { value: doc, messages } = await extractDocx(await makeDocx({ body }));
    expect(doc.tables).toHaveLength(2);
    expect(doc.tables[1].rows[0].cells.map((c) => c.lines)).toEqual([
      ["outer", "inner 1", "inner 2"],
      ["keep added CAPS", "next line"],
    ]);
    expect(messages.map((w) => w.code)).toEqual(["docx-nested-table"]);
    // the message names the table it concerns (the second of the document)
    expect(messages[0]).toMatchObject({ severity: "warning", stage: "extract-docx", place: { page: null, row: null, table: 1 } });
  });

  it("leaves out a paragraph whose text is all hidden without calling the table unreadable", async () => {
    const hidden = `<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>скрит</w:t></w:r></w:p>`;
    const body = `<w:tbl><w:tr><w:tc>${p("a")}</w:tc><w:tc>${p("b")}</w:tc></w:tr><w:tr><w:tc>${hidden}${p("c")}</w:tc><w:tc>${p("d")}</w:tc></w:tr></w:tbl>`;
    const { value: doc, messages } = await extractDocx(await makeDocx({ body }));
    expect(doc.tables[0].rows.map((r) => r.cells.map((c) => c.lines.join("/")))).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(messages).toEqual([]);
  });

  it("reads w:sym characters itself (mammoth leaves them out and warns) and says nothing of unmapped styles", async () => {
    const body = `<w:p><w:pPr><w:pStyle w:val="Custom"/></w:pPr><w:r><w:t>a</w:t></w:r><w:r><w:sym w:font="NoSuchFont" w:char="F0FF"/></w:r></w:p>`;
    const styles = `<w:style w:type="paragraph" w:styleId="Custom"><w:name w:val="My Style"/></w:style>`;
    const { value: doc, messages } = await extractDocx(await makeDocx({ body, styles }));
    expect(doc.text.map((t) => t.text)).toEqual(["a•"]);
    expect(messages).toEqual([]);
  });

  it("reads Word's usual markup: fields, bookmarks, proofing marks, content controls, symbols, hyphens", async () => {
    const para =
      `<w:p w:rsidR="00AB12CD"><w:pPr><w:rPr><w:lang w:val="bg-BG"/></w:rPr></w:pPr><w:bookmarkStart w:id="0" w:name="_Toc1"/>` +
      `<w:proofErr w:type="spellStart"/><w:r><w:t>Срок</w:t></w:r><w:proofErr w:type="spellEnd"/><w:bookmarkEnd w:id="0"/>` +
      `<w:r><w:tab/><w:t xml:space="preserve">до </w:t></w:r>` +
      `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DATE \\@ "dd.MM.yyyy" </w:instrText></w:r>` +
      `<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>30.06.2025</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
      `<w:r><w:lastRenderedPageBreak/><w:t xml:space="preserve"> г</w:t></w:r><w:smartTag w:uri="x" w:element="y"><w:r><w:t>.</w:t></w:r></w:smartTag>` +
      `<w:hyperlink r:id="rId9" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:r><w:t xml:space="preserve"> виж</w:t></w:r></w:hyperlink>` +
      `<w:r><w:t xml:space="preserve"> социално</w:t></w:r><w:r><w:noBreakHyphen/><w:t>икономически</w:t></w:r>` +
      `<w:r><w:t xml:space="preserve"> обра</w:t></w:r><w:r><w:softHyphen/><w:t>зование\u00ad</w:t></w:r>` +
      `<w:r><w:sym w:font="Symbol" w:char="F02D"/><w:t>x</w:t></w:r>` +
      `<w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t xml:space="preserve"> силно</w:t></w:r></w:p>`;
    const sdtRow = `<w:sdt><w:sdtPr><w:alias w:val="row"/></w:sdtPr><w:sdtContent><w:tr><w:sdt><w:sdtPr/><w:sdtContent><w:tc>${para}</w:tc></w:sdtContent></w:sdt></w:tr></w:sdtContent></w:sdt>`;
    const body =
      `<w:sdt><w:sdtPr/><w:sdtContent>${p("Заглавие")}</w:sdtContent></w:sdt>` +
      `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr><w:tblGrid><w:gridCol w:w="100"/></w:tblGrid>${sdtRow}</w:tbl>` +
      `<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr>`;
    const styles = `<w:style w:type="character" w:styleId="Strong"><w:rPr><w:b/></w:rPr></w:style>`;
    const { value: doc } = await extractDocx(await makeDocx({ body, styles }));
    expect(doc.text.map((t) => t.text)).toEqual(["Заглавие"]);
    expect(doc.tables[0].rows[0].cells[0].lines).toEqual(["Срок до 30.06.2025 г. виж социално-икономически образование-x силно"]);
  });

  it("reads a one-cell frame table around the plan as body content; honours only leading tblHeader rows", async () => {
    const row = (cells: string[], header = false) =>
      `<w:tr>${header ? "<w:trPr><w:tblHeader/></w:trPr>" : ""}${cells.map((c) => `<w:tc>${p(c)}</w:tc>`).join("")}</w:tr>`;
    const inner = `<w:tbl>${row(["№", "Дейност"], true)}${row(["1", "a"])}${row(["2", "b"], true)}</w:tbl>`;
    const body = `<w:tbl><w:tr><w:tc>${p("ПЛАН")}${inner}${p("Подпис")}</w:tc></w:tr></w:tbl>`;
    const { value: doc, messages } = await extractDocx(await makeDocx({ body }));
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0].rows.map((r) => r.header)).toEqual([true, false, false]);
    expect(doc.text.map((t) => [t.where, t.text])).toEqual([
      ["before", "ПЛАН"],
      ["after", "Подпис"],
    ]);
    expect(messages).toEqual([]);
  });

  it("reads text boxes (DrawingML choice only, not the VML fallback) after their paragraph", async () => {
    const box = (text: string) =>
      `<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps">` +
      `<w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData><wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:txbx><w:txbxContent>${p(text)}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>` +
      `</mc:Choice><mc:Fallback><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>${p(text)}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
    const body = `<w:p><w:r><w:t>Anchor</w:t></w:r>${box("В рамка")}</w:p>`;
    const { value: doc } = await extractDocx(await makeDocx({ body }));
    expect(doc.text.map((t) => t.text)).toEqual(["Anchor", "В рамка"]);
  });

  it("reads a main document stored as UTF-16 with a byte order mark", async () => {
    const zip = await JSZip.loadAsync(await makeDocx({ body: p("x") }));
    const xml = `<?xml version="1.0" encoding="UTF-16"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${p("Кирилица")}</w:body></w:document>`;
    zip.file("word/document.xml", new Uint8Array(Buffer.from("\ufeff" + xml, "utf16le")));
    const { value: doc, messages } = await extractDocx(await zip.generateAsync({ type: "uint8array" }));
    expect(doc.text.map((t) => t.text)).toEqual(["Кирилица"]);
    // (mammoth cannot parse UTF-16 parts; the XML reader can)
    expect(messages).toEqual([]);
  });

  it("returns no tables and only text for a document without tables", async () => {
    const { value: doc } = await extractDocx(await makeDocx({ body: p("Само текст") + p("") }));
    expect(doc.tables).toEqual([]);
    expect(doc.text).toEqual([{ text: "Само текст", page: null, where: "before" }]);
  });
});

describe("extractDocx: the block stream", () => {
  it("returns paragraphs and tables in reading order, with heading styles, outline levels and list numbers", async () => {
    const styles =
      `<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:rPr><w:b/></w:rPr></w:style>` +
      `<w:style w:type="paragraph" w:styleId="Zaglavie2"><w:name w:val="Моето заглавие"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>`;
    const table = (text: string) =>
      `<w:tbl><w:tblGrid><w:gridCol w:w="1000"/><w:gridCol w:w="4000"/></w:tblGrid><w:tr><w:tc>${p("1.")}</w:tc><w:tc>${p(text)}</w:tc></w:tr></w:tbl>`;
    const outline = `<w:p><w:pPr><w:outlineLvl w:val="2"/></w:pPr><w:r><w:t>Direct outline</w:t></w:r></w:p>`;
    const { value: doc } = await extractDocx(
      await makeDocx({
        styles,
        body:
          p("Оперативна цел 1: Достъп", undefined, "Heading1") +
          table("Ремонт") +
          p("Мярка 1.2. Транспорт", undefined, "Zaglavie2") +
          outline +
          table("Автобус") +
          p("Подпис"),
      }),
    );
    expect(
      doc.blocks.map((b) =>
        b.kind === "table"
          ? `table:${b.grid.rows[0].cells[1].lines[0]}`
          : `${b.text}|${b.outlineLevel ?? "-"}|${b.style ?? "-"}|${b.bold ?? false}`,
      ),
    ).toEqual([
      "Оперативна цел 1: Достъп|0|Heading1|true",
      "table:Ремонт",
      "Мярка 1.2. Транспорт|1|Zaglavie2|false",
      "Direct outline|2|-|false",
      "table:Автобус",
      "Подпис|-|-|false",
    ]);
    expect(doc.tables.map((t) => t.columnWidths)).toEqual([
      [1000, 4000],
      [1000, 4000],
    ]);
    expect(doc.text.map((t) => t.where)).toEqual(["before", "between", "between", "after"]);
  });
});

describe("extractDocx: files that are not readable DOCX", () => {
  it("rejects an empty file", async () => {
    expect((await failure(new Uint8Array())).code).toBe("empty");
  });

  it("rejects bytes that are not a ZIP", async () => {
    expect((await failure(new TextEncoder().encode("%PDF-1.7 hello"))).code).toBe("not-a-plan-format");
  });

  it("rejects a broken ZIP as damaged", async () => {
    const good = data("table-merge.docx");
    const broken = good.slice(0, Math.floor(good.length / 2));
    expect((await failure(broken)).code).toBe("damaged");
    const scrambled = good.slice();
    for (let i = 200; i < scrambled.length - 200; i += 7) scrambled[i] ^= 0x5a;
    expect(["damaged", "not-a-plan-format"]).toContain((await failure(scrambled)).code);
  });

  it("rejects a ZIP without word/document.xml", async () => {
    const zip = new JSZip();
    zip.file("hello.txt", "hi");
    const bytes = await zip.generateAsync({ type: "uint8array" });
    expect((await failure(bytes)).code).toBe("not-a-plan-format");
    const xlsx = new JSZip();
    xlsx.file("xl/workbook.xml", "<workbook/>");
    const err = await failure(await xlsx.generateAsync({ type: "uint8array" }));
    expect(err.code).toBe("not-a-plan-format");
    expect(err.message).toMatch(/Excel/);
  });

  it("rejects malformed document.xml as damaged", async () => {
    const zip = await JSZip.loadAsync(await makeDocx({ body: p("x") }));
    zip.file("word/document.xml", "<w:document><w:body><w:p></w:body>");
    expect((await failure(await zip.generateAsync({ type: "uint8array" }))).code).toBe("damaged");
  });

  it("reads a main document that is not well-formed XML with mammoth's lenient reader, and says so (docx-fallback)", async () => {
    const body =
      `${p("Заглавие")}<w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc>${p("№")}</w:tc><w:tc>${p("Дейност")}</w:tc></w:tr>` +
      `<w:tr><w:tc>${p("1.")}</w:tc><w:tc><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Първа</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:br/><w:t>дейност</w:t></w:r></w:p></w:tc></w:tr></w:tbl>` +
      p("Подпис");
    const zip = await JSZip.loadAsync(await makeDocx({ body }));
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    // an unescaped "&" (hand-written XML): saxes refuses it, mammoth's parser (xmldom) takes it as text
    zip.file("word/document.xml", xml.replace("Подпис", "Подпис & печат"));
    const { value: doc, messages } = await extractDocx(await zip.generateAsync({ type: "uint8array" }));
    expect(messages.map((w) => w.code)).toEqual(["docx-fallback"]);
    expect(messages[0].message).toMatch(/not well-formed XML.*mammoth/);
    expect(doc.tables).toHaveLength(1);
    expect(shape(doc.tables[0])).toEqual([
      ["0:№", "1:Дейност"],
      ["0:1.", "1:Първа/дейност"],
    ]);
    expect(doc.tables[0].rows.map((r) => r.header)).toEqual([true, false]);
    expect(doc.tables[0].rows[1].cells[1].bold).toBe(true);
    expect(doc.text.map((t) => [t.where, t.text])).toEqual([
      ["before", "Заглавие"],
      ["after", "Подпис & печат"],
    ]);
  });

  it("reads a document whose relationships part is damaged, and says so (docx-reader)", async () => {
    const zip = await JSZip.loadAsync(
      await makeDocx({ body: `<w:tbl><w:tr><w:tc>${p("№")}</w:tc><w:tc>${p("Дейност")}</w:tc></w:tr></w:tbl>` }),
    );
    zip.file("word/_rels/document.xml.rels", "<Relationships><Relationship");
    const { value: doc, messages } = await extractDocx(await zip.generateAsync({ type: "uint8array" }));
    expect(doc.tables).toHaveLength(1);
    expect(messages.map((m) => [m.code, m.severity, m.stage])).toEqual([["docx-reader", "warning", "extract-docx"]]);
    expect(messages[0].message).toMatch(/document\.xml\.rels.*read without it/);
  });

  it("tells a password-protected DOCX (OLE container) from a legacy .doc", async () => {
    const encrypted = compoundFile([
      { name: "EncryptionInfo", data: new Uint8Array(600) },
      { name: "EncryptedPackage", data: new Uint8Array(1200) },
    ]);
    expect((await failure(encrypted)).code).toBe("encrypted");
    const doc = await failure(compoundFile([{ name: "WordDocument", data: fib(false) }]));
    expect(doc.code).toBe("not-a-plan-format");
    expect(doc.message).toMatch(/\.doc\b/);
    expect((await failure(compoundFile([{ name: "WordDocument", data: fib(true) }]))).code).toBe("encrypted");
  });

  it("gives the code the format sniffer gives: an OLE file whose directory cannot be read is damaged", async () => {
    // Stream names in the bytes but no valid header: the directory cannot be read, so nothing says
    // the file is encrypted (a byte scan for the names once said so).
    for (const streamName of ["EncryptedPackage", "WordDocument"]) {
      const bytes = new Uint8Array(2048);
      bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      bytes.set(new Uint8Array(Buffer.from(streamName, "utf16le")), 1024);
      expect((await failure(bytes)).code).toBe("damaged");
      expect(() => detectFormat(bytes)).toThrow(expect.objectContaining({ code: "damaged" }));
    }
  });

  it("names what other files are", async () => {
    expect((await failure(new TextEncoder().encode("{\\rtf1 x}"))).message).toMatch(/RTF/);
    expect((await failure(new TextEncoder().encode("%PDF-1.7\n"))).message).toMatch(/PDF/);
  });
});
