/**
 * Walks the body of word/document.xml in document order into a block model: every top-level
 * w:tbl becomes a table draft (gridSpan → span, vMerge → rowSpan, w:tblHeader → header), every
 * paragraph outside tables a text block (empty ones included, so another reader's paragraphs can
 * be matched against them). Automatic numbering labels are computed in the same pass, so each
 * numbered paragraph carries the label Word prints in front of it. `layoutBody` turns the model
 * into the grid model.
 */
import { MAX_TABLE_COLUMNS } from "../../limits.js";
import { ConversionFailure, message, type Message, type WarningCode } from "../../model/messages.js";
import type { DocumentBlock, Grid, GridCell, GridRow, ParagraphBlock } from "../grid.js";
import { TableBudget } from "../table-limits.js";
import { Numbering } from "./numbering.js";
import { readNumPr, readOutlineLevel, readRunProps, Styles, type RunProps } from "./styles.js";
import { elements, isMc, isW, onOff, textOf, wChild, wChildren, wVal, type XmlElement } from "./xml.js";

/** One paragraph as read: its lines (w:br splits), and formatting hints. */
export interface Paragraph {
  /** The lines as shown: the automatic number (if any) in front of the first. */
  lines: string[];
  /** The paragraph's own text (w:br as "\n"), without the automatic number. */
  text: string;
  /** The automatic number Word shows in front of the paragraph, and the formatting it is drawn in. */
  label?: { text: string; bold: boolean; italic: boolean };
  /** Every run with visible text is bold / italic (undefined when the paragraph has no text). */
  bold?: boolean;
  italic?: boolean;
  /** Largest font size (pt) among runs with text, when known. */
  size?: number;
  /** Some text of the paragraph is hidden (w:vanish) and was left out. */
  hiddenText?: boolean;
  /** The paragraph style id (w:pStyle), when set. */
  style?: string;
  /** Outline level 0–8 from the paragraph or its style (Heading 1 = 0); absent for body text. */
  outlineLevel?: number;
}

interface InlineState {
  text: string;
  bold: boolean;
  italic: boolean;
  /** Some run has visible text. */
  any: boolean;
  size: number | undefined;
  hiddenText: boolean;
}

/** A body read into blocks, in document order (one-cell frame tables already unwrapped). */
export interface BodyModel {
  blocks: Block[];
  messages: Message[];
}

export type Block = { kind: "text"; para: Paragraph } | { kind: "table"; table: TableDraft };

export interface TableDraft {
  /** Number of w:gridCol of the table grid. */
  gridCols: number;
  /** w:w of each w:gridCol (twips), when every column gives one. */
  widths?: number[];
  rows: RowDraft[];
}

export interface RowDraft {
  header: boolean;
  cells: CellDraft[];
}

export interface CellDraft {
  /** Index of the row the cell starts in. */
  row: number;
  col: number;
  span: number;
  rowSpan: number;
  paragraphs: Paragraph[];
}

/** Wrappers that may enclose block, row, cell or run content and carry no meaning here. */
const TRANSPARENT = new Set(["sdt", "sdtContent", "customXml", "smartTag", "ins", "moveTo", "hyperlink", "fldSimple", "dir", "bdo"]);

const PARAGRAPH_BREAK = "\n";

/**
 * The lines of a paragraph from its text ("\n" at each line break) and its automatic number:
 * the number goes in front of the first line, separated by a space; empty lines are dropped.
 */
export function paragraphLines(label: string | null | undefined, text: string): string[] {
  const full = label ? label + (text.trim() ? " " + text.replace(/^[ \t]+/, "") : "") : text;
  return full
    .split(PARAGRAPH_BREAK)
    .map((l) => l.replace(/[ \t]+/g, " ").trim())
    .filter((l) => l !== "");
}

/** Turn a body model into the block stream: tables → grids, non-empty paragraphs → paragraph blocks. */
export function layoutBody(blocks: Block[]): DocumentBlock[] {
  const out: DocumentBlock[] = [];
  for (const b of blocks) {
    if (b.kind === "table") {
      out.push({ kind: "table", grid: compactGrid(b.table.rows, b.table.gridCols, b.table.widths) });
      continue;
    }
    const joined = b.para.lines.join(" ").replace(/\s+/g, " ").trim();
    if (!joined) continue;
    const block: ParagraphBlock = { kind: "paragraph", text: joined, page: null };
    if (b.para.bold) block.bold = true;
    if (b.para.size !== undefined) block.size = b.para.size;
    if (b.para.style !== undefined) block.style = b.para.style;
    if (b.para.outlineLevel !== undefined) block.outlineLevel = b.para.outlineLevel;
    if (b.para.label) block.numbering = b.para.label.text;
    out.push(block);
  }
  return out;
}

/** A gridSpan / gridBefore value; one above MAX_TABLE_COLUMNS fails the file as too-complex. */
function spanValue(raw: string | undefined, fallback: number): number {
  const n = parseInt(raw ?? "", 10);
  if (!Number.isFinite(n)) return fallback;
  if (n > MAX_TABLE_COLUMNS) throw tooComplex(`a table cell spanning ${raw} columns (a page holds at most ${MAX_TABLE_COLUMNS})`);
  return n;
}

function tooComplex(what: string): ConversionFailure {
  return new ConversionFailure("too-complex", `the DOCX has ${what}, beyond what a plan holds (see Limits in the README)`);
}

export class BodyReader {
  private readonly blocks: Block[] = [];
  private readonly messages: Message[] = [];
  private readonly warned = new Set<string>();
  /** Rows and cells of all tables so far, against the document limits on tables. */
  private readonly budget = new TableBudget("DOCX");
  /** Tables read so far, and the index of the one being read (its place in the document's tables). */
  private tableCount = 0;
  private currentTable: number | null = null;

  constructor(
    private readonly styles: Styles,
    private readonly numbering: Numbering,
  ) {}

  read(document: XmlElement): BodyModel {
    const body = wChild(document, "body");
    if (body) this.walkBlocks(body);
    for (const numId of this.numbering.missing) {
      this.warn("docx-numbering", `paragraphs refer to list ${numId}, which word/numbering.xml does not define; their numbers are missing`);
    }
    return { blocks: this.blocks, messages: this.messages };
  }

  /** One message per code and text: it names the first table it concerns. */
  private warn(code: WarningCode, text: string): void {
    const key = `${code}:${text}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.messages.push(message(code, text, { table: this.currentTable }));
  }

  /** Body-level content: paragraphs become text blocks, tables become grids. */
  private walkBlocks(container: XmlElement): void {
    for (const el of elements(container)) {
      if (isW(el, "p")) {
        for (const para of this.readParagraph(el)) this.blocks.push({ kind: "text", para });
      } else if (isW(el, "tbl")) {
        const frame = this.frameCell(el);
        if (frame) {
          // a one-cell table used as a frame around content: read what it holds as body content
          this.walkBlocks(frame);
          continue;
        }
        // every table block becomes one grid (layoutBody), so this is its index in the document's tables
        this.currentTable = this.tableCount++;
        this.blocks.push({ kind: "table", table: this.readTable(el) });
        this.currentTable = null;
      } else if (isW(el) && TRANSPARENT.has(el.name)) {
        this.walkBlocks(el);
      } else if (isMc(el, "AlternateContent")) {
        const branch = elements(el)[0];
        if (branch) this.walkBlocks(branch);
      }
    }
  }

  /** Paragraphs of a cell (or of a nested table flattened into it). */
  private cellParagraphs(container: XmlElement, out: Paragraph[]): void {
    for (const el of elements(container)) {
      if (isW(el, "p")) {
        out.push(...this.readParagraph(el));
      } else if (isW(el, "tbl")) {
        this.warn("docx-nested-table", "a table nested inside a table cell was flattened into the text of that cell");
        for (const row of this.rowElements(el)) {
          for (const tc of this.cellElements(row)) this.cellParagraphs(tc, out);
        }
      } else if (isW(el) && TRANSPARENT.has(el.name)) {
        this.cellParagraphs(el, out);
      } else if (isMc(el, "AlternateContent")) {
        const branch = elements(el)[0];
        if (branch) this.cellParagraphs(branch, out);
      }
    }
  }

  /** The only cell of a table that has one row and one cell and holds a table, else undefined. */
  private frameCell(tbl: XmlElement): XmlElement | undefined {
    const rows = this.rowElements(tbl);
    if (rows.length !== 1) return undefined;
    const cells = this.cellElements(rows[0]);
    if (cells.length !== 1) return undefined;
    const holdsTable = (el: XmlElement): boolean =>
      elements(el).some((c) => isW(c, "tbl") || ((isW(c, "sdt") || isW(c, "sdtContent") || isW(c, "customXml")) && holdsTable(c)));
    return holdsTable(cells[0]) ? cells[0] : undefined;
  }

  private rowElements(tbl: XmlElement): XmlElement[] {
    const out: XmlElement[] = [];
    const visit = (el: XmlElement): void => {
      for (const c of elements(el)) {
        if (isW(c, "tr")) out.push(c);
        else if (isW(c) && (c.name === "sdt" || c.name === "sdtContent" || c.name === "customXml")) visit(c);
      }
    };
    visit(tbl);
    return out;
  }

  private cellElements(tr: XmlElement): XmlElement[] {
    const out: XmlElement[] = [];
    const visit = (el: XmlElement): void => {
      for (const c of elements(el)) {
        if (isW(c, "tc")) out.push(c);
        else if (isW(c) && (c.name === "sdt" || c.name === "sdtContent" || c.name === "customXml")) visit(c);
      }
    };
    visit(tr);
    return out;
  }

  private readTable(tbl: XmlElement): TableDraft {
    const cols = elements(wChild(tbl, "tblGrid") ?? { ns: "", name: "", attrs: {}, children: [] }).filter((c) => isW(c, "gridCol"));
    const gridCols = cols.length;
    const widths = cols.map((c) => Number(c.attrs.w));
    const rows: RowDraft[] = [];
    /** Cells open for vertical merging, by starting grid column. */
    const open = new Map<number, CellDraft>();
    for (const tr of this.rowElements(tbl)) {
      const trPr = wChild(tr, "trPr");
      if (wChild(trPr, "del")) continue; // a row deleted with tracked changes
      // Word repeats (and we mark) only the leading rows flagged w:tblHeader
      const header = (onOff(trPr, "tblHeader") ?? false) && rows.every((r) => r.header);
      // A span wider than a page can hold is refused here, before mammoth (which trusts spans) sees
      // it; spans that only run past the last column are clamped.
      let col = Math.max(0, spanValue(wVal(trPr, "gridBefore"), 0));
      const cells: CellDraft[] = [];
      const rowIndex = rows.length;
      this.budget.row();
      for (const tc of this.cellElements(tr)) {
        const tcPr = wChild(tc, "tcPr");
        this.budget.cell();
        if (col >= MAX_TABLE_COLUMNS) throw tooComplex(`a table row wider than ${MAX_TABLE_COLUMNS} columns`);
        const span = Math.min(MAX_TABLE_COLUMNS - col, Math.max(1, spanValue(wVal(tcPr, "gridSpan"), 1)));
        const vMergeEl = wChild(tcPr, "vMerge");
        const vMerge = vMergeEl ? (vMergeEl.attrs.val === "restart" ? "restart" : "continue") : null;
        const hMergeEl = wChild(tcPr, "hMerge");
        const paragraphs: Paragraph[] = [];
        this.cellParagraphs(tc, paragraphs);
        this.budget.cellText(paragraphs.reduce((n, p) => n + p.text.length, 0));
        const prev = cells[cells.length - 1];
        if (hMergeEl && hMergeEl.attrs.val !== "restart" && prev) {
          // legacy horizontal merge: this cell continues the one on its left
          prev.span += span;
          prev.paragraphs.push(...paragraphs);
          col += span;
          continue;
        }
        if (vMerge === "continue") {
          const above = open.get(col);
          if (above) {
            above.rowSpan = rowIndex - above.row + 1;
            above.paragraphs.push(...paragraphs);
            col += span;
            continue;
          }
          this.warn("docx-vmerge", "a vertically merged cell continues no cell above it; it was kept as a cell of its own");
        }
        const cell: CellDraft = { col, span, rowSpan: 1, paragraphs, row: rowIndex };
        for (let c = col; c < col + span; c++) open.delete(c);
        if (vMerge === "restart" || vMerge === "continue") open.set(col, cell);
        cells.push(cell);
        col += span;
      }
      // a vertical merge runs over consecutive rows only: one not continued in this row has ended
      for (const [c, cell] of open) {
        if (cell.row + cell.rowSpan - 1 !== rowIndex) open.delete(c);
      }
      rows.push({ header, cells });
    }
    const draft: TableDraft = { gridCols, rows };
    if (gridCols > 0 && widths.every((w) => Number.isFinite(w) && w > 0)) draft.widths = widths;
    return draft;
  }

  /**
   * Read one w:p: its text (with the automatic number Word shows in front of it), split into
   * lines at w:br / w:cr. Text boxes anchored in it follow as extra paragraphs (their own
   * numbered paragraphs are counted before this paragraph's number).
   */
  private readParagraph(p: XmlElement): Paragraph[] {
    const pPr = wChild(p, "pPr");
    const pStyle = wVal(pPr, "pStyle");
    const base = this.styles.paragraphRun(pStyle);
    const extra: Paragraph[] = [];
    const state: InlineState = { text: "", bold: true, italic: true, any: false, size: undefined, hiddenText: false };
    const mark: RunProps = { ...base, ...readRunProps(wChild(pPr, "rPr")) };
    this.walkInline(p, base, state, extra);
    // a paragraph hidden altogether (hidden mark, no visible text) shows no number and counts none
    const hidden = mark.vanish === true && state.text.trim() === "";
    const label = hidden ? null : this.numberLabel(pPr, pStyle);
    if (label) {
      // Word draws the number with the formatting of the paragraph mark
      state.any = true;
      state.bold &&= mark.bold === true;
      state.italic &&= mark.italic === true;
    }
    const para: Paragraph = { lines: paragraphLines(label, state.text), text: state.text };
    if (state.hiddenText) para.hiddenText = true;
    if (label) para.label = { text: label, bold: mark.bold === true, italic: mark.italic === true };
    if (pStyle) para.style = pStyle;
    const outline = readOutlineLevel(pPr) ?? this.styles.paragraphOutlineLevel(pStyle);
    if (outline !== undefined && outline < 9) para.outlineLevel = outline;
    if (state.any) {
      para.bold = state.bold;
      para.italic = state.italic;
      if (state.size !== undefined) para.size = state.size;
    }
    return [para, ...extra];
  }

  private numberLabel(pPr: XmlElement | undefined, pStyle: string | undefined): string | null {
    if (wChild(wChild(pPr, "rPr"), "del")) return null; // paragraph mark deleted with tracked changes
    const direct = readNumPr(pPr);
    const fromStyle = this.styles.paragraphNumPr(pStyle);
    const numId = direct?.numId ?? fromStyle?.numId;
    if (numId === undefined || numId === "0") return null;
    const ilvl = direct?.ilvl ?? this.numbering.levelForStyle(numId, pStyle) ?? fromStyle?.ilvl ?? 0;
    return this.numbering.next(numId, ilvl)?.text ?? null;
  }

  private walkInline(el: XmlElement, base: RunProps, state: InlineState, extra: Paragraph[]): void {
    for (const c of elements(el)) {
      if (isW(c, "r")) {
        this.readRun(c, base, state, extra);
      } else if (isW(c) && TRANSPARENT.has(c.name)) {
        this.walkInline(c, base, state, extra);
      } else if (isMc(c, "AlternateContent")) {
        const branch = elements(c)[0];
        if (branch) this.walkInline(branch, base, state, extra);
      }
    }
  }

  private readRun(r: XmlElement, base: RunProps, state: InlineState, extra: Paragraph[]): void {
    const rPr = wChild(r, "rPr");
    const props: RunProps = { ...base, ...this.styles.characterRun(wVal(rPr, "rStyle")), ...readRunProps(rPr) };
    if (props.vanish) {
      if (wChildren(r, "t").some((t) => textOf(t).trim() !== "")) state.hiddenText = true;
      return;
    }
    let text = "";
    const visit = (parent: XmlElement): void => {
      for (const c of elements(parent)) {
        if (isW(c)) {
          switch (c.name) {
            case "t":
              text += props.caps ? textOf(c).toUpperCase() : textOf(c);
              break;
            case "tab":
            case "ptab":
              text += "\t";
              break;
            case "br":
            case "cr":
              text += PARAGRAPH_BREAK;
              break;
            case "noBreakHyphen":
              text += "-";
              break;
            case "sym": {
              const code = parseInt(c.attrs.char ?? "", 16);
              if (Number.isFinite(code)) {
                // symbol fonts address their glyphs at F0xx; map the common ones
                const ch = code >= 0xf000 && code <= 0xf0ff ? String.fromCharCode(code - 0xf000) : String.fromCodePoint(code);
                text += /[\x20-\x7e]/.test(ch) ? ch : "•";
              }
              break;
            }
            default:
              if (c.name === "drawing" || c.name === "pict" || c.name === "object") this.textBoxes(c, extra);
          }
        } else if (isMc(c, "AlternateContent")) {
          const branch = elements(c)[0];
          if (branch) visit(branch);
        }
      }
    };
    visit(r);
    text = text.replace(/\u00ad/g, "");
    if (text.trim()) {
      state.any = true;
      state.bold &&= props.bold === true;
      state.italic &&= props.italic === true;
      if (props.size !== undefined) state.size = Math.max(state.size ?? 0, props.size);
    }
    state.text += text;
  }

  /** Paragraphs of text boxes inside a drawing, as extra paragraphs. */
  private textBoxes(el: XmlElement, extra: Paragraph[]): void {
    for (const c of elements(el)) {
      if (isW(c, "txbxContent")) this.cellParagraphs(c, extra);
      else if (isMc(c, "AlternateContent")) {
        const branch = elements(c)[0];
        if (branch) this.textBoxes(branch, extra);
      } else this.textBoxes(c, extra);
    }
  }
}

/**
 * Turn drafted rows into a Grid. Grid columns at which no cell starts in any row (left by
 * gridBefore/gridAfter or by column borders that do not line up) are merged with their left
 * neighbour, so `columns` counts only boundaries some cell actually uses.
 */
export function compactGrid(rows: RowDraft[], gridCols: number, widths?: number[]): Grid {
  const starts = new Set<number>();
  for (const row of rows) for (const c of row.cells) starts.add(c.col);
  const width = Math.max(gridCols, ...rows.flatMap((r) => r.cells.map((c) => c.col + c.span)), 0);
  const kept: number[] = [];
  for (let c = 0; c < width; c++) if (starts.has(c)) kept.push(c);
  const index = new Map(kept.map((c, i) => [c, i]));
  const newIndexOfEnd = (end: number): number => kept.filter((c) => c < end).length;
  const gridRows: GridRow[] = rows.map((row) => ({
    header: row.header,
    page: null,
    afterPageBreak: false,
    cells: row.cells.map((d): GridCell => {
      const col = index.get(d.col) ?? 0;
      const cell: GridCell = {
        col,
        colSpan: Math.max(1, newIndexOfEnd(d.col + d.span) - col),
        rowSpan: d.rowSpan,
        lines: d.paragraphs.flatMap((p) => p.lines),
        pages: [],
      };
      const withText = d.paragraphs.filter((p) => p.bold !== undefined);
      if (withText.length > 0 && withText.every((p) => p.bold)) cell.bold = true;
      if (withText.length > 0 && withText.every((p) => p.italic)) cell.italic = true;
      return cell;
    }),
  }));
  const grid: Grid = { columns: kept.length, rows: gridRows };
  if (widths && widths.length === width) {
    // a kept column is as wide as the grid columns from it to the next kept one
    grid.columnWidths = kept.map((c, i) => widths.slice(c, kept[i + 1] ?? width).reduce((a, b) => a + b, 0));
  }
  return grid;
}
