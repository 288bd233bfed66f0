/**
 * What the word/document.xml reader does that mammoth's reading used to supply or got wrong, one
 * feature per test: the XML reader is the only DOCX reading at run time.
 */
import { describe, expect, it } from "vitest";
import { extractDocx } from "../../src/extract/docx/index.js";
import { makeDocx } from "./make-docx.js";

const run = (inner: string, rPr = "") => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}${inner}</w:r>`;
const t = (text: string) => `<w:t xml:space="preserve">${text}</w:t>`;

/** The lines of the only cell of a one-cell table holding this paragraph content. */
async function cellLines(paragraphs: string, styles?: string): Promise<string[]> {
  const body = `<w:tbl><w:tr><w:tc>${paragraphs}</w:tc></w:tr></w:tbl>`;
  const { value: doc, messages } = await extractDocx(await makeDocx({ body, ...(styles ? { styles } : {}) }));
  expect(messages).toEqual([]);
  return doc.tables[0]?.rows[0]?.cells[0]?.lines ?? [];
}

describe("the XML reader", () => {
  it("applies w:caps, directly and from a character style", async () => {
    const styles = `<w:style w:type="character" w:styleId="Caps"><w:rPr><w:caps/></w:rPr></w:style>`;
    expect(
      await cellLines(
        `<w:p>${run(t("срок "), "<w:caps/>")}${run(t("до"), '<w:rStyle w:val="Caps"/>')}${run(t(" юни"), '<w:caps w:val="0"/>')}</w:p>`,
        styles,
      ),
    ).toEqual(["СРОК ДО юни"]);
  });

  it("leaves hidden text (w:vanish) out, also when a style hides it", async () => {
    const styles = `<w:style w:type="character" w:styleId="Hidden"><w:rPr><w:vanish/></w:rPr></w:style>`;
    expect(
      await cellLines(
        `<w:p>${run(t("видим"))}${run(t(" скрит"), "<w:vanish/>")}${run(t(" също"), '<w:rStyle w:val="Hidden"/>')}</w:p>`,
        styles,
      ),
    ).toEqual(["видим"]);
  });

  it("reads w:sym characters from symbol fonts (F0xx) and shows other symbols as a bullet", async () => {
    expect(
      await cellLines(
        `<w:p>${run('<w:sym w:font="Symbol" w:char="F02D"/>')}${run(t("a "))}${run('<w:sym w:font="Wingdings" w:char="F0A7"/>')}${run(t(" b"))}</w:p>`,
      ),
    ).toEqual(["-a • b"]);
  });

  it("reads tabs as spaces and w:br / w:cr as line breaks", async () => {
    expect(
      await cellLines(
        `<w:p>${run(`${t("a")}<w:tab/>${t("b")}<w:br/>${t("c")}<w:cr/>${t("d")}`)}${run('<w:br w:type="page"/>')}${run(t("e"))}</w:p>`,
      ),
    ).toEqual(["a b", "c", "d", "e"]);
  });

  it("reads the result of complex and simple fields, not their instructions", async () => {
    const complex =
      run('<w:fldChar w:fldCharType="begin"/>') +
      run('<w:instrText xml:space="preserve"> PAGE </w:instrText>') +
      run('<w:fldChar w:fldCharType="separate"/>') +
      run(t("7")) +
      run('<w:fldChar w:fldCharType="end"/>');
    const simple = `<w:fldSimple w:instr=" NUMPAGES ">${run(t("12"))}</w:fldSimple>`;
    expect(await cellLines(`<w:p>${run(t("стр. "))}${complex}${run(t(" от "))}${simple}</w:p>`)).toEqual(["стр. 7 от 12"]);
  });

  it("reads text boxes (w:txbxContent) after the paragraph that anchors them", async () => {
    const box = `<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent><w:p>${run(t("в рамка"))}</w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>`;
    expect(await cellLines(`<w:p>${run(t("котва"))}${box}</w:p>`)).toEqual(["котва", "в рамка"]);
  });

  it("drops soft hyphens and reads non-breaking hyphens as hyphens", async () => {
    expect(
      await cellLines(
        `<w:p>${run(t("обра"))}${run("<w:softHyphen/>")}${run(t("зование\u00ad социално"))}${run("<w:noBreakHyphen/>")}${run(t("икономически"))}</w:p>`,
      ),
    ).toEqual(["образование социално-икономически"]);
  });

  it("takes bold from paragraph and character styles, which mammoth's HTML did not show", async () => {
    const styles =
      `<w:style w:type="paragraph" w:styleId="Heading"><w:rPr><w:b/></w:rPr></w:style>` +
      `<w:style w:type="character" w:styleId="Strong"><w:rPr><w:b/></w:rPr></w:style>`;
    const body =
      `<w:tbl><w:tr><w:tc><w:p><w:pPr><w:pStyle w:val="Heading"/></w:pPr>${run(t("a"))}</w:p></w:tc>` +
      `<w:tc><w:p>${run(t("b"), '<w:rStyle w:val="Strong"/>')}</w:p></w:tc><w:tc><w:p>${run(t("c"))}</w:p></w:tc></w:tr></w:tbl>`;
    const { value: doc } = await extractDocx(await makeDocx({ body, styles }));
    expect(doc.tables[0].rows[0].cells.map((c) => c.bold === true)).toEqual([true, true, false]);
  });
});
