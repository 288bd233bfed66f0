/**
 * The DOCX as mammoth sees it: mammoth converts the document to HTML (tables with colspan/rowspan,
 * header rows as <thead>/<th>, paragraphs as <p>/<h1>…, numbered paragraphs as <ol>/<ul><li>
 * without their numbers), and cheerio walks that HTML into blocks: paragraphs with visible text
 * (one per <p>/<li>, <br> as a line break, bold/italic when all their text is in <strong>/<em>)
 * and tables (one-cell frame tables unwrapped, nested tables flattened into their cell).
 * It is the fallback reading of a document whose word/document.xml the XML reader cannot read
 * (`htmlBlocks` turns it into the XML reader's block model), and the second reading in the tests.
 */
import { load } from "cheerio";
import mammoth from "mammoth";
import { paragraphLines, type Block, type CellDraft, type Paragraph } from "./body.js";

export interface HtmlParagraph {
  /** The text, "\n" at each <br>. */
  text: string;
  bold: boolean;
  italic: boolean;
}

export interface HtmlCell {
  colSpan: number;
  rowSpan: number;
  /** Paragraphs with visible text, nested tables flattened in document order. */
  paragraphs: HtmlParagraph[];
}

export interface HtmlRow {
  /** A row of <thead> (mammoth puts the leading w:tblHeader rows there). */
  header: boolean;
  cells: HtmlCell[];
}

export type HtmlBlock = { kind: "text"; para: HtmlParagraph } | { kind: "table"; rows: HtmlRow[] };

export interface HtmlBody {
  blocks: HtmlBlock[];
  /** mammoth's messages (unsupported features and the like). */
  messages: string[];
}

/** The parts of cheerio's (domhandler's) nodes that are read here. */
interface Node {
  type: string;
  data?: string;
  children?: Node[];
}

interface ElementNode extends Node {
  name: string;
  attribs: Record<string, string>;
  children: Node[];
}

function isElement(node: Node, ...names: string[]): node is ElementNode {
  return node.type === "tag" && (names.length === 0 || names.includes((node as ElementNode).name));
}

function children(node: Node): Node[] {
  return node.children ?? [];
}

function childElements(node: Node, ...names: string[]): ElementNode[] {
  return children(node).filter((c): c is ElementNode => isElement(c, ...names));
}

/** Convert with mammoth and walk the HTML. */
export async function readHtml(bytes: Uint8Array): Promise<HtmlBody> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const result = await mammoth.convertToHtml(
    { buffer },
    {
      // images carry no text: do not unpack and base64-encode them
      convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: "" })),
      // never read files a document links to (linked images)
      externalFileAccess: false,
    },
  );
  const $ = load(result.value, null, false);
  // footnotes and endnotes: mammoth appends them as a list after the body and marks their
  // references with superscript links; neither is part of the body text
  $('a[href^="#footnote-"], a[href^="#endnote-"]').closest("sup").remove();
  $('li[id^="footnote-"], li[id^="endnote-"]').remove();
  const blocks: HtmlBlock[] = [];
  walkBody($.root()[0] as unknown as Node, blocks);
  return { blocks, messages: result.messages.map((m) => m.message) };
}

/** Body-level content: tables (frames unwrapped) and paragraphs. */
function walkBody(container: Node, out: HtmlBlock[]): void {
  walkFlow(children(container), {
    paragraph: (para) => out.push({ kind: "text", para }),
    table: (table) => {
      const rows = tableRows(table);
      const only = rows.length === 1 && rows[0].cells.length === 1 ? rows[0].cells[0] : undefined;
      if (only && childElements(only, "table").length > 0) {
        // a one-cell table used as a frame around content: what it holds is body content
        walkBody(only, out);
        return;
      }
      out.push({
        kind: "table",
        rows: rows.map((r) => ({
          header: r.header,
          cells: r.cells.map((cell) => ({
            colSpan: Math.max(1, parseInt(cell.attribs.colspan ?? "1", 10) || 1),
            rowSpan: Math.max(1, parseInt(cell.attribs.rowspan ?? "1", 10) || 1),
            paragraphs: cellParagraphs(cell),
          })),
        })),
      });
    },
  });
}

/** Paragraphs of a cell, a nested table's cells flattened into it in order. */
function cellParagraphs(cell: Node): HtmlParagraph[] {
  const out: HtmlParagraph[] = [];
  const visit = (container: Node): void =>
    walkFlow(children(container), {
      paragraph: (para) => out.push(para),
      table: (table) => {
        for (const row of tableRows(table)) for (const c of row.cells) visit(c);
      },
    });
  visit(cell);
  return out;
}

function tableRows(table: Node): { header: boolean; cells: ElementNode[] }[] {
  const rows: { header: boolean; cells: ElementNode[] }[] = [];
  const addRows = (parent: Node, header: boolean): void => {
    for (const tr of childElements(parent, "tr")) rows.push({ header, cells: childElements(tr, "td", "th") });
  };
  for (const el of childElements(table)) {
    if (el.name === "thead") addRows(el, true);
    else if (el.name === "tbody" || el.name === "tfoot") addRows(el, false);
    else if (el.name === "tr") rows.push({ header: false, cells: childElements(el, "td", "th") });
  }
  return rows;
}

interface FlowHandlers {
  paragraph: (para: HtmlParagraph) => void;
  table: (table: ElementNode) => void;
}

/**
 * Block content in document order: <table> goes to `table`; every <p>, <h1>… and the own content
 * of every <li> (without its nested lists) with visible text goes to `paragraph`.
 */
function walkFlow(nodes: Node[], on: FlowHandlers): void {
  for (const el of nodes) {
    if (!isElement(el)) continue;
    if (el.name === "table") on.table(el);
    else if (el.name === "ol" || el.name === "ul") walkList(el, on);
    else if (el.name === "li") walkItem(el, on);
    else
      emit(
        inlineParagraph(el.children, () => true),
        on,
      );
  }
}

function walkList(list: Node, on: FlowHandlers): void {
  for (const el of childElements(list)) {
    if (el.name === "li") walkItem(el, on);
    else if (el.name === "ol" || el.name === "ul") walkList(el, on);
  }
}

/** A list item: its own text is one paragraph; nested lists (mammoth's deeper levels) follow. */
function walkItem(li: ElementNode, on: FlowHandlers): void {
  const nested = (n: Node): boolean => isElement(n, "ol", "ul", "table", "p");
  emit(
    inlineParagraph(li.children, (n) => !nested(n)),
    on,
  );
  walkFlow(li.children.filter(nested), on);
}

function emit(para: HtmlParagraph, on: FlowHandlers): void {
  if (paragraphLines(null, para.text).length > 0) on.paragraph(para);
}

/** Text of inline content: text nodes, <br> as "\n"; bold/italic when every visible character is. */
function inlineParagraph(nodes: Node[], keep: (n: Node) => boolean): HtmlParagraph {
  const state = { text: "", bold: true, italic: true };
  const visit = (node: Node, bold: boolean, italic: boolean): void => {
    if (node.type === "text") {
      const data = (node.data ?? "").replace(/\u00ad/g, "");
      if (data.trim()) {
        state.bold &&= bold;
        state.italic &&= italic;
      }
      state.text += data;
    } else if (isElement(node)) {
      if (node.name === "br") state.text += "\n";
      const b = bold || node.name === "strong" || node.name === "b";
      const i = italic || node.name === "em" || node.name === "i";
      for (const c of node.children) visit(c, b, i);
    }
  };
  for (const n of nodes) if (keep(n)) visit(n, false, false);
  return state;
}

/** Grid column of each cell of mammoth's rows, from colspan and the rowspans above. */
export function htmlColumns(rows: HtmlRow[]): number[][] {
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

function htmlParagraph(h: HtmlParagraph): Paragraph {
  return { lines: paragraphLines(null, h.text), text: h.text, bold: h.bold, italic: h.italic };
}

/** mammoth's reading as the XML reader's block model (no automatic numbers: mammoth drops them). */
export function htmlBlocks(html: HtmlBody): Block[] {
  return html.blocks.map((b): Block => {
    if (b.kind === "text") return { kind: "text", para: htmlParagraph(b.para) };
    const cols = htmlColumns(b.rows);
    let gridCols = 0;
    const rows = b.rows.map((row, r) => ({
      header: row.header,
      cells: row.cells.map((cell, c): CellDraft => {
        const col = cols[r]?.[c] ?? 0;
        gridCols = Math.max(gridCols, col + cell.colSpan);
        return { row: r, col, span: cell.colSpan, rowSpan: cell.rowSpan, paragraphs: cell.paragraphs.map(htmlParagraph) };
      }),
    }));
    return { kind: "table", table: { gridCols, rows } };
  });
}
