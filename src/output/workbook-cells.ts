/**
 * Cell values and shared formatting for the plan-extract workbooks: how a field of the JSON output becomes
 * an Excel cell (text, number or date) and how a sheet is made readable (bold frozen header, filter,
 * wrapped text, column widths).
 */
import type ExcelJS from "exceljs";
import type { PlanDocument, Row, Section } from "../model/schema.js";

/** Excel refuses cells longer than this many characters. */
export const EXCEL_MAX_CELL_CHARS = 32_767;

/** Number format for dates, as Bulgarian readers write them. */
export const DATE_FORMAT = "dd.mm.yyyy";

/** Characters that XML 1.0 (and so .xlsx) cannot hold, plus lone UTF-16 surrogates. */
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A text cell value: characters Excel cannot store removed, cut to Excel's cell limit.
 * Always a plain string, so exceljs writes it as a (shared) string, never as a formula, whatever it
 * starts with ("=SUM(A1)", "-5 деца", "+359…", "@…").
 */
export function textCell(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  let text = value.replace(XML_INVALID, "");
  if (text.length > EXCEL_MAX_CELL_CHARS) text = text.slice(0, EXCEL_MAX_CELL_CHARS - 1) + "…";
  return text.trim() === "" ? null : text;
}

/**
 * A cell that is nothing but a number ("19", "2,5", "1 200", "-3") as a number; anything else
 * ("19 детски градини", "15%", "1.2.3") stays text.
 */
export function numberOrText(value: string | null | undefined): string | number | null {
  const text = textCell(value);
  if (text === null) return null;
  const number = parseBareNumber(text);
  return number ?? text;
}

/** The number a text consists of, or null. Bulgarian decimal comma and space-grouped thousands are accepted. */
export function parseBareNumber(text: string): number | null {
  const trimmed = text.trim();
  // Digits, optionally grouped by (narrow/no-break) spaces in threes, optional decimal part.
  const match = /^([+-]?)(\d{1,3}(?:[ \u00A0\u202F]\d{3})+|\d+)(?:[.,](\d+))?$/.exec(trimmed);
  if (!match) return null;
  const digits = match[2].replace(/[ \u00A0\u202F]/g, "");
  const number = Number(`${match[1]}${digits}${match[3] !== undefined ? "." + match[3] : ""}`);
  return Number.isFinite(number) ? number : null;
}

/** An ISO date (YYYY-MM-DD) as a Date at UTC midnight, which exceljs stores as a whole Excel day number. */
export function isoToExcelDate(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A section as one line: "1.2 Цел: …", "Мярка 2: …", "1 Повишаване …", or the bare title. */
export function sectionText(section: Section): string {
  const head = [section.number, section.label].filter((part): part is string => !!part && part.trim() !== "");
  if (section.label) return `${head.join(" ")}: ${section.title}`;
  if (head.length > 0) return `${head.join(" ")} ${section.title}`;
  return section.title;
}

/** The outermost section, and the inner ones joined with " / ". */
export function sectionColumns(row: Row): { section: string | null; subsection: string | null } {
  const [outer, ...inner] = row.sections;
  return {
    section: outer ? sectionText(outer) : null,
    subsection: inner.length > 0 ? inner.map(sectionText).join(" / ") : null,
  };
}

/** The responsible parties with abbreviations spelled out, joined with "; " (the printed form where none is known). */
export function expandedParties(row: Row): string | null {
  const names = row.responsible.parties.map((party) => party.expanded ?? party.text).filter((name) => name.trim() !== "");
  return names.length > 0 ? names.join("; ") : null;
}

/** A short human name of a plan: "Кюстендил 2024/2025", falling back on the file name. */
export function planName(doc: PlanDocument): string {
  const parts = [doc.document.region, doc.document.period?.label].filter((part): part is string => !!part);
  return parts.length > 0 ? parts.join(" ") : doc.source.file;
}

/**
 * Distinct names for a list of plans (a name used twice gets its file name added), in input order.
 */
export function distinctPlanNames(docs: PlanDocument[]): string[] {
  const base = docs.map(planName);
  const seen = new Map<string, number>();
  for (const name of base) seen.set(name, (seen.get(name) ?? 0) + 1);
  const names = base.map((name, i) => ((seen.get(name) ?? 0) > 1 && name !== docs[i].source.file ? `${name} (${docs[i].source.file})` : name));
  // Still equal (same file name twice): number them.
  const used = new Map<string, number>();
  return names.map((name) => {
    const count = (used.get(name) ?? 0) + 1;
    used.set(name, count);
    return count > 1 ? `${name} #${count}` : name;
  });
}

/** A column of a sheet: header, width in characters, and how its cells look. */
export interface ColumnSpec {
  header: string;
  width: number;
  /** Number format for the cells (dates, percentages). */
  numFmt?: string;
  /** Wrap long text (default true). */
  wrap?: boolean;
}

/** The font of every cell: Arial is on every office suite (LibreOffice maps it to the metric-equal Liberation Sans). */
export const BODY_FONT: Partial<ExcelJS.Font> = { name: "Arial", size: 10 };
export const HEADER_FONT: Partial<ExcelJS.Font> = { name: "Arial", size: 10, bold: true };

/** Height in points of one line of BODY_FONT, and Excel's largest row height. */
const LINE_HEIGHT = 12.75;
const MAX_ROW_HEIGHT = 409;

/** Thin grey lines around every cell of a table, so a printed sheet reads as a table. */
const LINE: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FFA6A6A6" } };
export const THIN_BORDER: Partial<ExcelJS.Borders> = { top: LINE, left: LINE, bottom: LINE, right: LINE };

/** The look of a header cell: bold, light blue, thin lines around. */
export function styleHeaderCell(cell: ExcelJS.Cell): void {
  cell.font = HEADER_FONT;
  cell.alignment = { vertical: "middle", wrapText: true };
  cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
  cell.border = { ...THIN_BORDER, bottom: { style: "thin", color: { argb: "FF8EA9C1" } } };
}

/** The look of a hyperlink cell. */
export const LINK_FONT: Partial<ExcelJS.Font> = { name: "Arial", size: 10, color: { argb: "FF0563C1" }, underline: true };

/**
 * Header row, widths, bold frozen header, autofilter over the used range, top-aligned wrapped cells,
 * and row heights fitted to the wrapped text. Call after the data rows have been added.
 */
export function styleTable(sheet: ExcelJS.Worksheet, columns: ColumnSpec[], headerRow = 1): void {
  if (!preparedSheets.has(sheet)) {
    columns.forEach((spec, i) => {
      const column = sheet.getColumn(i + 1);
      column.width = spec.width;
      column.font = BODY_FONT;
      if (spec.numFmt) column.numFmt = spec.numFmt;
      column.alignment = { vertical: "top", wrapText: spec.wrap ?? true };
    });
    for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      for (let c = 1; c <= columns.length; c++) row.getCell(c).border = THIN_BORDER;
    }
  }
  sheet.getRow(headerRow).eachCell(styleHeaderCell);
  fitRowHeights(sheet, columns, headerRow);
  sheet.views = [{ state: "frozen", xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }];
  const lastRow = Math.max(sheet.rowCount, headerRow);
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: lastRow, column: columns.length } };
}

/** Sheets whose columns got their style before the rows were added (prepareColumns). */
const preparedSheets = new WeakSet<ExcelJS.Worksheet>();

/**
 * Give the columns their width and style (font, thin border, wrapping, number format) before any row is
 * added: every new cell then takes the style once, instead of styleTable restyling each cell afterwards.
 */
export function prepareColumns(sheet: ExcelJS.Worksheet, columns: ColumnSpec[]): void {
  columns.forEach((spec, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = spec.width;
    column.style = {
      font: BODY_FONT,
      border: THIN_BORDER,
      alignment: { vertical: "top", wrapText: spec.wrap ?? true },
      ...(spec.numFmt ? { numFmt: spec.numFmt } : {}),
    };
  });
  preparedSheets.add(sheet);
}

/**
 * Set each row's height from its wrapped text. Office suites do not reliably fit row heights of a
 * generated file when they open it (LibreOffice leaves them one line high, so wrapped text overlaps),
 * so the height is estimated here: greedy word wrap at about 1.25 characters of Arial 10 per unit of width.
 */
export function fitRowHeights(sheet: ExcelJS.Worksheet, columns: ColumnSpec[], fromRow = 1): void {
  for (let r = fromRow; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const height = rowHeightFor(columns.map((_, i) => row.getCell(i + 1).value), columns);
    if (height !== undefined) row.height = height;
  }
}

/** The height a row of these values needs (points), or undefined when one line is enough. */
export function rowHeightFor(values: ExcelJS.CellValue[], columns: ColumnSpec[]): number | undefined {
  let lines = 1;
  columns.forEach((spec, i) => {
    const value = values[i];
    if (spec.wrap === false || typeof value !== "string") return;
    lines = Math.max(lines, wrappedLineCount(value, Math.max(1, Math.floor(spec.width * 1.25) - 1)));
  });
  return lines > 1 ? Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + 2) : undefined;
}

/** How many lines `text` takes when wrapped at word boundaries to `capacity` characters a line. */
export function wrappedLineCount(text: string, capacity: number): number {
  let count = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    let line = 0;
    count++;
    for (const word of paragraph.split(/\s+/).filter((w) => w !== "")) {
      const length = word.length;
      if (line === 0) {
        line = length;
      } else if (line + 1 + length <= capacity) {
        line += 1 + length;
      } else {
        count++;
        line = length;
      }
      while (line > capacity) {
        count++;
        line -= capacity;
      }
    }
  }
  return count;
}

/** Paper sizes of the OOXML page setup. */
export const PAPER_A4 = 9;
export const PAPER_A3 = 8;

/**
 * Print setup shared by every sheet: landscape, fitted to the page width (as many pages down as needed),
 * the header row repeated at the top of every page, page numbers in the footer. The wide activity sheets
 * are set on A3 (`paper: PAPER_A3`), the others on A4.
 */
export function setupPrint(sheet: ExcelJS.Worksheet, headerRow = 1, opts: { paper?: number } = {}): void {
  sheet.pageSetup = printSetup(headerRow, opts);
  sheet.headerFooter = PRINT_FOOTER;
}

/** The page setup of setupPrint (also given to streamed sheets when they are created). */
export function printSetup(headerRow = 1, opts: { paper?: number } = {}): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: opts.paper ?? PAPER_A4,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${headerRow}:${headerRow}`,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

/** Footer of every printed page: the sheet's name on the left, "page / pages" on the right. */
export const PRINT_FOOTER: Partial<ExcelJS.HeaderFooter> = { oddFooter: "&L&8&A&R&8&P / &N" };

/**
 * The row's source as a link, relative to the workbook (or to `base`): "plan.pdf, с. 3" → plan.pdf#page=3
 * (the row's first page, from `pages`, else `boxes`); "plan.docx, табл. 2, ред 5" → plan.docx (the table
 * row from `origin`, when the reader gave it).
 */
export function sourceLinkCell(doc: PlanDocument, row: Row, base = ""): ExcelJS.CellValue {
  const file = textCell(doc.source.file);
  if (file === null) return null;
  const page = doc.source.format === "pdf" ? (row.pages[0] ?? row.boxes?.[0]?.page ?? null) : null;
  const prefix = base === "" || base.endsWith("/") ? base : `${base}/`;
  const target = encodeURI(`${prefix}${file}`).replace(/#/g, "%23") + (page !== null ? `#page=${page}` : "");
  // A DOCX row read from a known table row says where (1-based, as a person counts).
  const where = page !== null ? `, с. ${page}` : row.origin ? `, табл. ${row.origin.table + 1}, ред ${row.origin.row + 1}` : "";
  return { text: `${file}${where}`, hyperlink: target };
}

/** The one number of an indicator: the value of its only numeric part, or null (none, or several). */
export function indicatorNumber(parts: { value: number | null }[] | undefined, text: string | null): number | null {
  const numeric = (parts ?? []).filter((part) => part.value !== null);
  if (numeric.length === 1) return numeric[0].value;
  if (numeric.length === 0 && text) return parseBareNumber(text);
  return null;
}
