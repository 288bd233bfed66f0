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
}

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

/** A problem noticed while reading a document; never printed from inside the library. */
export interface ExtractWarning {
  code: string;
  message: string;
  page: number | null;
  row?: number | null;
}

/** What an extractor returns. */
export interface ExtractedDocument {
  format: "pdf" | "docx";
  /** PDF page count; null for DOCX. */
  pages: number | null;
  /** Every table found, in document order. A PDF table continuing over pages is one grid. */
  tables: Grid[];
  text: TextBlock[];
  warnings: ExtractWarning[];
}

/** Errors an extractor may throw for a file that cannot be read at all. */
export type ConversionErrorCode =
  | "empty"
  | "not-a-plan-format"
  | "damaged"
  | "encrypted"
  | "no-text-layer"
  | "needs-libreoffice"
  | "no-plan-table"
  | "too-large"
  | "io"
  /** Beyond a structural limit of src/limits.ts (nesting, spans, rows, cells, ruling lines) or the memory cap. */
  | "too-complex"
  /** Beyond the per-file time limit. */
  | "timeout"
  /** A bug in plan-extract. */
  | "internal";

export class ConversionFailure extends Error {
  constructor(
    readonly code: ConversionErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ConversionFailure";
  }
}
