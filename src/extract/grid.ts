/**
 * The grid model: where the PDF and DOCX extractors meet. Everything after extraction
 * (src/interpret, src/normalize, src/output) works on this and never on PDF or DOCX specifics.
 */

export interface GridCell {
  /** Column index of the cell's first grid column (0-based). */
  col: number;
  /** How many grid columns the cell covers (gridSpan / colspan / a merged PDF cell). */
  colSpan: number;
  /** How many grid rows the cell covers (vMerge / rowspan / a PDF cell spanning several rows). */
  rowSpan: number;
  /**
   * The cell's text as lines, in reading order, before cleaning. For PDF these are the printed
   * lines (so a line-end hyphen can be judged); for DOCX one entry per paragraph.
   */
  lines: string[];
  /** 1-based pages on which this cell has text (PDF); [] for DOCX. */
  pages: number[];
  /**
   * PDF: the cell's area on each page it lies on, in points with the origin at the page's top-left
   * (the ruled cell, widened to the glyphs it holds). Absent for DOCX.
   */
  boxes?: { page: number; x0: number; y0: number; x1: number; y1: number }[];
  /** Lines that were set in bold / italic throughout (hints for headings); optional. */
  bold?: boolean;
  italic?: boolean;
}

export interface GridRow {
  /** Cells that start in this row, ordered by `col`. Cells covered by a rowSpan from above are absent. */
  cells: GridCell[];
  /** True for a row the source marks or shows as a header row (w:tblHeader, <thead>, repeated header). */
  header: boolean;
  /** 1-based page on which the row starts (PDF); null for DOCX. */
  page: number | null;
  /**
   * True when this row is the first row of its table fragment on a new page, i.e. a page break
   * falls just before it (PDF). The interpreter decides whether it continues the row before.
   */
  afterPageBreak: boolean;
}

export interface Grid {
  /** Number of grid columns. */
  columns: number;
  rows: GridRow[];
  /** Width of each grid column when the source gives it (DOCX twips, PDF points), for continued tables. */
  columnWidths?: number[];
  /**
   * True for a PDF table inferred without ruling lines: merged cells are not seen as such, a merged
   * cell's text stands in the first row it covers and the rows below show it empty.
   */
  borderless?: boolean;
}

/**
 * A paragraph outside tables, in reading order: the text between and around the tables (title
 * block, headings, notes, signatures), with the hints headings are recognised by.
 */
export interface ParagraphBlock {
  kind: "paragraph";
  /** The paragraph's text, its lines joined with single spaces (automatic numbering in front). */
  text: string;
  /** The printed lines (PDF), so a word broken at a line end can be joined again. */
  lines?: string[];
  /** 1-based page (PDF); null for DOCX. */
  page: number | null;
  /** Set in bold throughout. */
  bold?: boolean;
  /** Font size in points when known. */
  size?: number;
  /** Word paragraph style id (DOCX), e.g. "Heading1". */
  style?: string;
  /** Outline level 0–8 from the paragraph or its style (DOCX Heading 1 = 0); absent for body text. */
  outlineLevel?: number;
  /** The automatic list number Word shows in front of the paragraph (DOCX), also part of `text`. */
  numbering?: string;
}

/** A table in the reading order. A PDF table continuing over pages is one grid. */
export interface TableBlock {
  kind: "table";
  grid: Grid;
}

/** The document in reading order: paragraphs and tables. */
export type DocumentBlock = ParagraphBlock | TableBlock;

/** Text outside tables, in document order (title block, signatures), for document metadata. */
export interface TextBlock {
  text: string;
  page: number | null;
  /** Position relative to the tables: "before" the first table, "between" or "after". */
  where: "before" | "between" | "after";
  bold?: boolean;
  /** Font size in points when known (PDF), for spotting titles. */
  size?: number;
}

/** What an extractor returns (as the value of a Result: its problems are the Result's messages). */
export interface ExtractedDocument {
  format: "pdf" | "docx";
  /** PDF page count; null for DOCX. */
  pages: number | null;
  /** The document in reading order: the one stream src/interpret reads. */
  blocks: DocumentBlock[];
  /** The tables of `blocks`, in order (a view kept for callers that need only the grids). */
  tables: Grid[];
  /** The paragraphs of `blocks` placed relative to the tables (a view, see `documentFromBlocks`). */
  text: TextBlock[];
  /**
   * Words OCR read with low confidence that the dictionary does not know either, page by page
   * (PDF pages read by OCR; absent otherwise). Not output as such: reported per row once rows exist.
   */
  ocrDoubtfulWords?: DoubtfulWord[];
}

/** A word OCR was unsure of, and the page it was read on. */
export interface DoubtfulWord {
  page: number;
  word: string;
}

/** Build an ExtractedDocument from its block stream (tables and text are views of it). */
export function documentFromBlocks(format: ExtractedDocument["format"], pages: number | null, blocks: DocumentBlock[]): ExtractedDocument {
  const tableIndexes = blocks.flatMap((b, i) => (b.kind === "table" ? [i] : []));
  const first = tableIndexes[0] ?? Infinity;
  const last = tableIndexes[tableIndexes.length - 1] ?? Infinity;
  const tables: Grid[] = [];
  const text: TextBlock[] = [];
  blocks.forEach((b, i) => {
    if (b.kind === "table") {
      tables.push(b.grid);
      return;
    }
    const t: TextBlock = { text: b.text, page: b.page, where: i < first ? "before" : i > last ? "after" : "between" };
    if (b.bold) t.bold = true;
    if (b.size !== undefined) t.size = b.size;
    text.push(t);
  });
  return { format, pages, blocks, tables, text };
}
