/**
 * Putting mammoth's reading of a DOCX (html.ts) together with the XML reader's (body.ts).
 *
 * mammoth gives the tables, cells, header rows, paragraph text and bold/italic; the XML reader
 * gives what mammoth leaves out: the automatic numbers of numbered paragraphs (and numbered
 * paragraphs with no text of their own, which show only their number), bold/italic inherited
 * from styles, font sizes of text outside tables. The two are matched table by table (same index), row by row, cell by cell,
 * and paragraph by paragraph (paragraphs with text of their own, in order). A table whose shape
 * differs between the readers is taken from the XML reader as a whole, with a "docx-structure"
 * warning. A paragraph whose text differs is taken from the XML reader: it applies what mammoth
 * does not (hidden text w:vanish, w:caps, symbol-font characters, the DrawingML choice of text
 * boxes), and that is not a problem of the document.
 */
import type { ExtractWarning } from "../grid.js";
import { paragraphLines, type Block, type BodyModel, type CellDraft, type Paragraph, type TableDraft } from "./body.js";
import type { HtmlBlock, HtmlBody, HtmlParagraph, HtmlRow } from "./html.js";

export interface Combined {
  blocks: Block[];
  warnings: ExtractWarning[];
}

const ownLines = (text: string): string[] => paragraphLines(null, text);

const sameLines = (a: string[], b: string[]): boolean => a.length === b.length && a.every((l, i) => l === b[i]);

/**
 * Match mammoth's paragraphs to the XML reader's; null when they do not pair up. Paragraphs
 * without visible text of their own (empty, all hidden, or showing only their automatic number)
 * are the XML reader's.
 */
export function alignParagraphs(xml: Paragraph[], html: HtmlParagraph[]): Paragraph[] | null {
  // mammoth shows hidden text: a paragraph whose text is all hidden is one of its paragraphs too
  const paired = (p: Paragraph): boolean => ownLines(p.text).length > 0 || p.hiddenText === true;
  if (xml.filter(paired).length !== html.length) return null;
  let k = 0;
  return xml.map((p) => {
    if (!paired(p)) return p;
    const h = html[k++] as HtmlParagraph;
    if (ownLines(p.text).length === 0) return p;
    if (!sameLines(ownLines(h.text), ownLines(p.text))) return p;
    const para: Paragraph = { lines: paragraphLines(p.label?.text, h.text), text: h.text };
    if (p.label) para.label = p.label;
    // <strong>/<em> show only direct formatting (mammoth does not resolve bold or italic set by a
    // paragraph or character style), which the XML reader's value includes; Word draws the
    // number with the formatting of the paragraph mark
    para.bold = (h.bold && (p.label ? p.label.bold : true)) || p.bold === true;
    para.italic = (h.italic && (p.label ? p.label.italic : true)) || p.italic === true;
    if (p.size !== undefined) para.size = p.size;
    if (p.style !== undefined) para.style = p.style;
    if (p.outlineLevel !== undefined) para.outlineLevel = p.outlineLevel;
    return para;
  });
}

/** Grid column of each cell of mammoth's rows, from colspan and the rowspans above. */
function htmlColumns(rows: HtmlRow[]): number[][] {
  const busyUntil = new Map<number, number>(); // grid column → last row a rowspan covers
  return rows.map((row, r) => {
    let col = 0;
    return row.cells.map((cell) => {
      while ((busyUntil.get(col) ?? -1) >= r) col++;
      const start = col;
      for (let c = col; c < col + cell.colSpan; c++) busyUntil.set(c, r + cell.rowSpan - 1);
      col += cell.colSpan;
      return start;
    });
  });
}

/** The table with mammoth's text in the XML reader's cells; a reason string when shapes differ. */
export function alignTable(xml: TableDraft, html: HtmlRow[]): TableDraft | string {
  if (xml.rows.length !== html.length) return `${html.length} rows in mammoth's reading, ${xml.rows.length} in word/document.xml`;
  const cols = htmlColumns(html);
  const rows: TableDraft["rows"] = [];
  for (let r = 0; r < html.length; r++) {
    const x = xml.rows[r];
    const h = html[r];
    if (x.header !== h.header) return `row ${r + 1} is a header row in one reading only`;
    if (x.cells.length !== h.cells.length) return `row ${r + 1} has ${h.cells.length} cells in mammoth's reading, ${x.cells.length} in word/document.xml`;
    const cells: CellDraft[] = [];
    for (let c = 0; c < x.cells.length; c++) {
      const xc = x.cells[c];
      const hc = h.cells[c];
      if (xc.col !== cols[r][c] || xc.span !== hc.colSpan || xc.rowSpan !== hc.rowSpan) {
        return `cell ${c + 1} of row ${r + 1} is placed or merged differently`;
      }
      const paragraphs = alignParagraphs(xc.paragraphs, hc.paragraphs);
      if (!paragraphs) return `cell ${c + 1} of row ${r + 1} has different paragraphs`;
      cells.push({ ...xc, paragraphs });
    }
    rows.push({ header: x.header, cells });
  }
  return { ...xml, rows };
}

/** Split blocks into the runs of text between tables and the tables. */
function segments<T extends { kind: string }>(blocks: T[]): { texts: T[][]; tables: T[] } {
  const texts: T[][] = [[]];
  const tables: T[] = [];
  for (const b of blocks) {
    if (b.kind === "table") {
      tables.push(b);
      texts.push([]);
    } else (texts[texts.length - 1] as T[]).push(b);
  }
  return { texts, tables };
}

/** Both readings of a body, put together (see the top of this file). */
export function combine(xml: BodyModel, html: HtmlBody): Combined {
  const warnings: ExtractWarning[] = [];
  const structure = (message: string): void => {
    warnings.push({ code: "docx-structure", message, page: null });
  };
  const x = segments(xml.blocks);
  const h = segments<HtmlBlock>(html.blocks);
  if (x.tables.length !== h.tables.length) {
    structure(
      `mammoth read ${h.tables.length} tables and word/document.xml has ${x.tables.length}; the document was read from word/document.xml alone`,
    );
    return { blocks: xml.blocks, warnings };
  }
  const blocks: Block[] = [];
  x.texts.forEach((xText, i) => {
    const xParas = xText.flatMap((b) => (b.kind === "text" ? [b.para] : []));
    const hParas = (h.texts[i] ?? []).flatMap((b) => (b.kind === "text" ? [b.para] : []));
    const paras = alignParagraphs(xParas, hParas);
    if (!paras) {
      const where = i === 0 ? "before the first table" : i === x.tables.length ? "after the last table" : `after table ${i}`;
      structure(`the paragraphs ${where} differ between mammoth's reading and word/document.xml; read from word/document.xml`);
    }
    for (const para of paras ?? xParas) blocks.push({ kind: "text", para });
    const xTable = x.tables[i];
    const hTable = h.tables[i];
    if (xTable?.kind !== "table" || hTable?.kind !== "table") return;
    const aligned = alignTable(xTable.table, hTable.rows);
    if (typeof aligned === "string") {
      structure(`table ${i + 1}: ${aligned}; the table was read from word/document.xml`);
      blocks.push(xTable);
    } else blocks.push({ kind: "table", table: aligned });
  });
  return { blocks, warnings };
}
