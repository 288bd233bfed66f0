import { describe, expect, it } from "vitest";
import { extractDocx } from "../../src/extract/docx/index.js";
import { formatNumber } from "../../src/extract/docx/numbering.js";
import { lvl, makeDocx, p } from "./make-docx.js";

/** Labels (first token) of the text blocks of a document built from paragraphs. */
async function labels(body: string, numbering: string, styles?: string): Promise<string[]> {
  const { value: doc } = await extractDocx(await makeDocx({ body, numbering, ...(styles ? { styles } : {}) }));
  return doc.text.map((t) => t.text);
}

const MULTI = `<w:abstractNum w:abstractNumId="0">${lvl(0, "%1.")}${lvl(1, "%1.%2.")}${lvl(2, "%1.%2.%3.")}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;

describe("Word automatic numbering", () => {
  it("counts multi-level lists; deeper levels restart when a higher level is used", async () => {
    const seq = [0, 1, 2, 2, 1, 2, 0, 2, 1];
    const body = seq.map((l, i) => p(`t${i}`, { numId: 1, ilvl: l })).join("");
    expect(await labels(body, MULTI)).toEqual([
      "1. t0",
      "1.1. t1",
      "1.1.1. t2",
      "1.1.2. t3",
      "1.2. t4",
      "1.2.1. t5",
      "2. t6",
      "2.1.1. t7", // level 2 not used under 2.: shows its start value and counts as used
      "2.2. t8",
    ]);
  });

  it("counts a higher level that a deeper item opens as used (Word: H2, H2, H1 → 1.1, 1.2, 2)", async () => {
    const body = [1, 1, 0].map((l, i) => p(`t${i}`, { numId: 1, ilvl: l })).join("");
    expect(await labels(body, MULTI)).toEqual(["1.1. t0", "1.2. t1", "2. t2"]);
  });

  it("uses w:start and w:lvlRestart (0 = never restart)", async () => {
    const numbering = `<w:abstractNum w:abstractNumId="0">${lvl(0, "%1.", { start: 5 })}${lvl(1, "%1.%2", { restart: 0 })}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    const body = [0, 1, 1, 0, 1].map((l, i) => p(`t${i}`, { numId: 1, ilvl: l })).join("");
    expect(await labels(body, numbering)).toEqual(["5. t0", "5.1 t1", "5.2 t2", "6. t3", "6.3 t4"]);
  });

  it("lvlRestart n restarts a level only after levels 1..n", async () => {
    const numbering = `<w:abstractNum w:abstractNumId="0">${lvl(0, "%1.")}${lvl(1, "%1.%2.")}${lvl(2, "(%3)", { restart: 1 })}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    const body = [0, 2, 1, 2, 0, 2].map((l, i) => p(`t${i}`, { numId: 1, ilvl: l })).join("");
    expect(await labels(body, numbering)).toEqual(["1. t0", "(1) t1", "1.2. t2", "(2) t3", "2. t4", "(1) t5"]);
  });

  it("nums sharing an abstractNum continue; a num with startOverride restarts", async () => {
    const numbering =
      `<w:abstractNum w:abstractNumId="0">${lvl(0, "%1.")}</w:abstractNum>` +
      `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
      `<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>` +
      `<w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>` +
      `<w:num w:numId="4"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride></w:num>`;
    const body = [1, 1, 2, 2, 3, 4, 1].map((n, i) => p(`t${i}`, { numId: n })).join("");
    expect(await labels(body, numbering)).toEqual(["1. t0", "2. t1", "1. t2", "2. t3", "3. t4", "10. t5", "4. t6"]);
  });

  it("keeps separate lists apart and honours a full level override", async () => {
    const numbering =
      `<w:abstractNum w:abstractNumId="0">${lvl(0, "%1.")}</w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="1">${lvl(0, "%1)", { fmt: "lowerLetter" })}</w:abstractNum>` +
      `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
      `<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>` +
      `<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">${lvl(0, "%1 -", { fmt: "upperRoman", start: 3 })}</w:lvlOverride></w:num>`;
    const body = [1, 2, 2, 1, 3, 3].map((n, i) => p(`t${i}`, { numId: n })).join("");
    expect(await labels(body, numbering)).toEqual(["1. t0", "a) t1", "b) t2", "2. t3", "III - t4", "IV - t5"]);
  });

  it("takes numbering from paragraph styles (w:pStyle, basedOn, level bound by w:lvl/w:pStyle)", async () => {
    const numbering = `<w:abstractNum w:abstractNumId="0">${lvl(0, "%1.", { pStyle: "H1" })}${lvl(1, "%1.%2", { pStyle: "H2" })}</w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="0"/></w:num>`;
    const styles =
      `<w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>` +
      `<w:style w:type="paragraph" w:styleId="H2"><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="7"/></w:numPr></w:pPr></w:style>` +
      `<w:style w:type="paragraph" w:styleId="H2x"><w:basedOn w:val="H2"/></w:style>`;
    const body =
      p("a", undefined, "H1") +
      p("b", undefined, "H2") +
      p("c", undefined, "H2x") +
      p("d", undefined, "H1") +
      `<w:p><w:pPr><w:pStyle w:val="H1"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>no number</w:t></w:r></w:p>`;
    expect(await labels(body, numbering, styles)).toEqual(["1. a", "1.1 b", "1.2 c", "2. d", "no number"]);
  });

  it("isLgl shows every level in decimal; bullets give their character; numFmt none gives nothing", async () => {
    const numbering =
      `<w:abstractNum w:abstractNumId="0">${lvl(0, "%1.", { fmt: "upperRoman" })}${lvl(1, "%1.%2.", { isLgl: true })}</w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="1">${lvl(0, "\uF0B7", { fmt: "bullet" })}${lvl(1, "", { fmt: "none" })}</w:abstractNum>` +
      `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>`;
    const body =
      p("a", { numId: 1 }) + p("b", { numId: 1 }) + p("c", { numId: 1, ilvl: 1 }) + p("d", { numId: 2 }) + p("e", { numId: 2, ilvl: 1 });
    expect(await labels(body, numbering)).toEqual(["I. a", "II. b", "2.1. c", "• d", "e"]);
  });

  it("does not count a hidden numbered paragraph", async () => {
    const hidden = `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:rPr><w:vanish/></w:rPr></w:pPr><w:r><w:rPr><w:vanish/></w:rPr><w:t>secret</w:t></w:r></w:p>`;
    const body = p("a", { numId: 1 }) + hidden + p("b", { numId: 1 });
    expect(await labels(body, MULTI)).toEqual(["1. a", "2. b"]);
  });

  it("reports a list that numbering.xml does not define", async () => {
    const { value: doc, messages } = await extractDocx(await makeDocx({ body: p("x", { numId: 9 }), numbering: MULTI }));
    expect(doc.text.map((t) => t.text)).toEqual(["x"]);
    expect(messages.map((w) => w.code)).toContain("docx-numbering");
  });

  it("numbers paragraphs inside table cells in document order, as separate first token", async () => {
    const cell = (inner: string) => `<w:tc>${inner}</w:tc>`;
    const row = (...cells: string[]) => `<w:tr>${cells.join("")}</w:tr>`;
    const body =
      p("Intro", { numId: 1, ilvl: 0 }) +
      `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>` +
      row(cell(p("", { numId: 1, ilvl: 1 })), cell(p("Goal"))) +
      row(cell(p("", { numId: 1, ilvl: 2 })), cell(p("Act one"))) +
      row(cell(p("", { numId: 1, ilvl: 2 })), cell(p("Act two") + p("more", { numId: 1, ilvl: 2 }))) +
      `</w:tbl>`;
    const { value: doc } = await extractDocx(await makeDocx({ body, numbering: MULTI }));
    expect(doc.tables[0].rows.map((r) => r.cells.map((c) => c.lines))).toEqual([
      [["1.1."], ["Goal"]],
      [["1.1.1."], ["Act one"]],
      [["1.1.2."], ["Act two", "1.1.3. more"]],
    ]);
  });
});

describe("formatNumber", () => {
  it("formats Word's numFmt values", () => {
    expect(formatNumber(4, "upperRoman")).toBe("IV");
    expect(formatNumber(14, "lowerRoman")).toBe("xiv");
    expect(formatNumber(27, "upperLetter")).toBe("AA");
    expect(formatNumber(2, "lowerLetter")).toBe("b");
    expect(formatNumber(3, "russianLower")).toBe("в");
    expect(formatNumber(10, "russianLower")).toBe("к");
    expect(formatNumber(7, "decimalZero")).toBe("07");
    expect(formatNumber(12, "decimal")).toBe("12");
  });
});
