/**
 * The plan workbook: one document → the per-document workbook, many → the all-plans workbook (same layout).
 * Sheets: "Дейности" (one row per activity), "За печат" (the plan laid out for A4, src/output/print-sheet.ts),
 * "Документи" (one row per source file), "Предупреждения";
 * all-plans.xlsx has "Обобщение" (one line per document) in front.
 */
import ExcelJS from "exceljs";
import { deflateStoredZip } from "./zip-deflate.js";
import { writeAtomically } from "./atomic-write.js";
import type { PlanDocument, Row, Warning } from "../model/schema.js";
import { addPrintSheet } from "./print-sheet.js";
import { hasDatedDeadline, hasNumericTarget, hasResponsible } from "./row-figures.js";
import { StyleSharer } from "./workbook-styles.js";
import { deadlineKindBg, reviewReasonBg, STATUS_CHECK, STATUS_OK, warningBg } from "./messages-bg.js";
import {
  type ColumnSpec,
  DATE_FORMAT,
  expandedParties,
  HEADER_FONT,
  indicatorNumber,
  isoToExcelDate,
  LINK_FONT,
  numberOrText,
  PAPER_A3,
  prepareColumns,
  sectionColumns,
  setupPrint,
  sourceLinkCell,
  styleTable,
  textCell,
} from "./workbook-cells.js";

export const ACTIVITIES_SHEET = "Дейности";
export const DOCUMENTS_SHEET = "Документи";
export const WARNINGS_SHEET = "Предупреждения";
export const PLANS_SUMMARY_SHEET = "Обобщение";

/** Options of the plan workbooks. */
export interface PlanWorkbookOptions {
  /**
   * Folder of the source files as seen from the workbook (a relative path such as "../plans", or a URL),
   * put in front of the file name in the "Източник" links. Default "": the sources beside the workbook.
   */
  sourceBase?: string;
}

/** The columns of the "Дейности" sheet, in order. */
export const ACTIVITY_COLUMNS: ColumnSpec[] = [
  { header: "Статус", width: 7 },
  { header: "Регион", width: 11 },
  { header: "Период", width: 9 },
  { header: "Документ", width: 16 },
  { header: "№", width: 6 },
  { header: "Раздел", width: 24 },
  { header: "Подраздел", width: 26 },
  { header: "Дейност", width: 60 },
  { header: "Срок", width: 16 },
  { header: "Вид срок", width: 11 },
  { header: "Начало", width: 10.5, numFmt: DATE_FORMAT, wrap: false },
  { header: "Край", width: 10.5, numFmt: DATE_FORMAT, wrap: false },
  { header: "Мерна единица", width: 10 },
  { header: "Текуща стойност", width: 13 },
  { header: "Текуща стойност (число)", width: 9 },
  { header: "Целева стойност", width: 13 },
  { header: "Целева стойност (число)", width: 9 },
  { header: "Очаквани резултати", width: 24 },
  { header: "Финансиране", width: 14 },
  { header: "Отговорници", width: 20 },
  { header: "Отговорници (разписани)", width: 28 },
  { header: "Забележка", width: 14 },
  { header: "Страници", width: 7 },
  { header: "Източник", width: 16 },
  { header: "За проверка", width: 26 },
];

/** Each document's warnings by the row they concern (computed once per document). */
const rowWarningsCache = new WeakMap<PlanDocument, Map<number, Warning[]>>();

function rowWarnings(doc: PlanDocument, index: number): Warning[] {
  let byRow = rowWarningsCache.get(doc);
  if (!byRow) {
    byRow = new Map();
    for (const w of doc.warnings) {
      if (w.row === null || w.row === undefined) continue;
      const list = byRow.get(w.row) ?? [];
      list.push(w);
      byRow.set(w.row, list);
    }
    rowWarningsCache.set(doc, byRow);
  }
  return byRow.get(index) ?? [];
}

/** Distinct Bulgarian texts, joined one per line. */
function joinDistinct(texts: string[]): string | null {
  const distinct = [...new Set(texts)];
  return distinct.length > 0 ? distinct.join("\n") : null;
}

/** The cells of one activity (the row at `index` of `doc`), matching ACTIVITY_COLUMNS. */
export function activityCells(doc: PlanDocument, row: Row, index: number, opts: PlanWorkbookOptions = {}): ExcelJS.CellValue[] {
  const { section, subsection } = sectionColumns(row);
  const warnings = rowWarnings(doc, index);
  return [
    warnings.length > 0 ? STATUS_CHECK : STATUS_OK,
    textCell(doc.document.region),
    textCell(doc.document.period?.label),
    textCell(doc.source.file),
    textCell(row.number),
    textCell(section),
    textCell(subsection),
    textCell(row.activity),
    textCell(row.deadline.text),
    deadlineKindBg(row.deadline.kind),
    isoToExcelDate(row.deadline.start),
    isoToExcelDate(row.deadline.end),
    numberOrText(row.indicator.unit),
    numberOrText(row.indicator.current),
    indicatorNumber(row.indicator.currentParts, row.indicator.current),
    numberOrText(row.indicator.target),
    indicatorNumber(row.indicator.targetParts, row.indicator.target),
    textCell(row.indicator.expected),
    textCell(row.financing),
    textCell(row.responsible.text),
    textCell(expandedParties(row)),
    textCell(row.note),
    textCell(row.pages.join(", ")),
    sourceLinkCell(doc, row, opts.sourceBase),
    textCell(joinDistinct(warnings.map(warningBg))),
  ];
}

export const DOCUMENT_COLUMNS: ColumnSpec[] = [
  { header: "Файл", width: 28 },
  { header: "Статус", width: 7 },
  { header: "Причини за проверка", width: 36 },
  { header: "Заглавие", width: 50 },
  { header: "Издател", width: 30 },
  { header: "Регион", width: 14 },
  { header: "Период", width: 10 },
  { header: "Начало на периода", width: 11, numFmt: DATE_FORMAT, wrap: false },
  { header: "Край на периода", width: 11, numFmt: DATE_FORMAT, wrap: false },
  { header: "Формат", width: 8 },
  { header: "Страници", width: 9 },
  { header: "SHA-256", width: 18 },
  { header: "Дейности", width: 9 },
  { header: "Предупреждения", width: 14 },
];

export const WARNING_COLUMNS: ColumnSpec[] = [
  { header: "Файл", width: 28 },
  { header: "Страница", width: 9 },
  { header: "№ на дейността", width: 11 },
  { header: "Ред (пореден)", width: 9 },
  { header: "Код", width: 22 },
  { header: "Съобщение", width: 60 },
  { header: "Подробности", width: 50 },
];

/** The cells of one source file's line in "Документи", matching DOCUMENT_COLUMNS. */
export function documentCells(doc: PlanDocument): ExcelJS.CellValue[] {
  const review = doc.review;
  return [
    textCell(doc.source.file),
    review.status === "check" ? STATUS_CHECK : STATUS_OK,
    textCell(joinDistinct(review.reasons.map(reviewReasonBg))),
    textCell(doc.document.title),
    textCell(doc.document.issuer),
    textCell(doc.document.region),
    textCell(doc.document.period?.label),
    isoToExcelDate(doc.document.period?.start),
    isoToExcelDate(doc.document.period?.end),
    doc.source.format,
    doc.source.pages,
    doc.source.sha256,
    doc.rows.length,
    doc.warnings.length,
  ];
}

/** The cells of one warning's line in "Предупреждения", matching WARNING_COLUMNS. */
export function warningCells(doc: PlanDocument, warning: Warning): ExcelJS.CellValue[] {
  const rowIndex = warning.row ?? null;
  const row = rowIndex !== null ? doc.rows[rowIndex] : undefined;
  const bg = warningBg(warning);
  return [
    textCell(doc.source.file),
    warning.page,
    textCell(row?.number),
    rowIndex !== null ? rowIndex + 1 : null,
    textCell(warning.code),
    textCell(bg),
    bg === warning.message ? null : textCell(warning.message),
  ];
}

/** The columns of the summary sheet at the front of all-plans.xlsx: one line per document. */
export const PLANS_SUMMARY_COLUMNS: ColumnSpec[] = [
  { header: "Файл", width: 30 },
  { header: "Регион", width: 14 },
  { header: "Период", width: 10 },
  { header: "Статус", width: 7 },
  { header: "Причини за проверка", width: 40 },
  { header: "Дейности", width: 9 },
  { header: "Дял със срок с дати", width: 10, numFmt: "0%" },
  { header: "Дял с числова цел", width: 10, numFmt: "0%" },
  { header: "Дял с отговорник", width: 10, numFmt: "0%" },
  { header: "Дейности за проверка", width: 10 },
  { header: "Предупреждения", width: 13 },
];

/** The cells of one document's line in the all-plans summary, matching PLANS_SUMMARY_COLUMNS. */
export function planSummaryCells(doc: PlanDocument): ExcelJS.CellValue[] {
  const review = doc.review;
  const n = doc.rows.length;
  const part = (test: (row: Row) => boolean) => (n > 0 ? doc.rows.filter(test).length / n : null);
  return [
    textCell(doc.source.file),
    textCell(doc.document.region),
    textCell(doc.document.period?.label),
    review.status === "check" ? STATUS_CHECK : STATUS_OK,
    textCell(joinDistinct(review.reasons.map(reviewReasonBg))),
    n,
    part(hasDatedDeadline),
    part(hasNumericTarget),
    part(hasResponsible),
    rowsWithWarnings(doc),
    doc.warnings.length,
  ];
}

/** Add the "Дейности" sheet with extra columns after the standard ones (used by the comparison workbook). */
export function addActivitiesSheet(
  workbook: ExcelJS.Workbook,
  docs: PlanDocument[],
  extra?: { columns: ColumnSpec[]; cells: (doc: PlanDocument, row: Row, index: number) => ExcelJS.CellValue[] },
  opts: PlanWorkbookOptions = {},
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(ACTIVITIES_SHEET);
  const columns = [...ACTIVITY_COLUMNS, ...(extra?.columns ?? [])];
  prepareColumns(sheet, columns);
  sheet.addRow(columns.map((c) => c.header));
  for (const doc of docs) {
    doc.rows.forEach((row, index) => {
      sheet.addRow([...activityCells(doc, row, index, opts), ...(extra ? extra.cells(doc, row, index) : [])]);
    });
  }
  styleTable(sheet, columns);
  styleActivityCells(sheet);
  setupPrint(sheet, 1, { paper: PAPER_A3 });
  return sheet;
}

/** Add the "Документи" sheet: one row per source file. */
export function addDocumentsSheet(workbook: ExcelJS.Workbook, docs: PlanDocument[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(DOCUMENTS_SHEET);
  prepareColumns(sheet, DOCUMENT_COLUMNS);
  sheet.addRow(DOCUMENT_COLUMNS.map((c) => c.header));
  for (const doc of docs) sheet.addRow(documentCells(doc));
  styleTable(sheet, DOCUMENT_COLUMNS);
  setupPrint(sheet);
  return sheet;
}

/** Add the "Предупреждения" sheet: every warning of every document. */
export function addWarningsSheet(workbook: ExcelJS.Workbook, docs: PlanDocument[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(WARNINGS_SHEET);
  prepareColumns(sheet, WARNING_COLUMNS);
  sheet.addRow(WARNING_COLUMNS.map((c) => c.header));
  for (const doc of docs) for (const warning of doc.warnings) sheet.addRow(warningCells(doc, warning));
  styleTable(sheet, WARNING_COLUMNS);
  setupPrint(sheet);
  return sheet;
}

/** Status cells coloured (check: light orange) and the source links styled as links. */
export function styleActivityCells(sheet: ExcelJS.Worksheet): void {
  const status = ACTIVITY_COLUMNS.findIndex((c) => c.header === "Статус") + 1;
  const source = ACTIVITY_COLUMNS.findIndex((c) => c.header === "Източник") + 1;
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    styleStatusCell(row.getCell(status));
    const link = row.getCell(source);
    if (link.value !== null && typeof link.value === "object") link.font = LINK_FONT;
  }
}

/** A "check" status cell gets a light orange fill. */
export function styleStatusCell(cell: ExcelJS.Cell): void {
  if (cell.value === STATUS_CHECK) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFCE4D6" } };
}

/** Add the summary sheet of all-plans.xlsx: one line per document, with a total line. */
export function addPlansSummarySheet(workbook: ExcelJS.Workbook, docs: PlanDocument[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(PLANS_SUMMARY_SHEET);
  prepareColumns(sheet, PLANS_SUMMARY_COLUMNS);
  sheet.addRow(PLANS_SUMMARY_COLUMNS.map((c) => c.header));
  for (const doc of docs) sheet.addRow(planSummaryCells(doc));
  sheet.addRow(plansTotalCells(docs.map(tallyDocument)));
  styleTable(sheet, PLANS_SUMMARY_COLUMNS);
  finishPlansSummary(sheet, docs.length);
  return sheet;
}

/** What the total line of the all-plans summary adds up, per document. */
export interface DocumentTally {
  rows: number;
  check: boolean;
  rowsToCheck: number;
  warnings: number;
}

/** Rows with at least one warning. */
function rowsWithWarnings(doc: PlanDocument): number {
  return new Set(doc.warnings.map((w) => w.row).filter((r) => r !== null && r !== undefined)).size;
}

export function tallyDocument(doc: PlanDocument): DocumentTally {
  return { rows: doc.rows.length, check: doc.review.status === "check", rowsToCheck: rowsWithWarnings(doc), warnings: doc.warnings.length };
}

/** The total line of the all-plans summary. */
export function plansTotalCells(tallies: DocumentTally[]): ExcelJS.CellValue[] {
  const sum = (f: (t: DocumentTally) => number) => tallies.reduce((s, t) => s + f(t), 0);
  return [
    `Общо: ${tallies.length} документ(а)`,
    null,
    null,
    `${sum((t) => (t.check ? 1 : 0))} × ${STATUS_CHECK}`,
    null,
    sum((t) => t.rows),
    null,
    null,
    null,
    sum((t) => t.rowsToCheck),
    sum((t) => t.warnings),
  ];
}

/** Bold total line, coloured status cells, print setup. */
export function finishPlansSummary(sheet: ExcelJS.Worksheet, documents: number): void {
  const status = PLANS_SUMMARY_COLUMNS.findIndex((c) => c.header === "Статус") + 1;
  for (let r = 2; r <= documents + 1; r++) styleStatusCell(sheet.getRow(r).getCell(status));
  sheet.getRow(documents + 2).eachCell((cell) => {
    cell.font = HEADER_FONT;
  });
  setupPrint(sheet);
}

/** A new workbook with plan-extract's metadata. */
export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "plan-extract";
  workbook.created = new Date();
  return workbook;
}

/**
 * The plan workbook in memory (one document or many; the same layout). With `summary: true` (all-plans.xlsx)
 * a summary sheet comes first.
 */
export function buildPlanWorkbook(docs: PlanDocument[], opts: PlanWorkbookOptions & { summary?: boolean } = {}): ExcelJS.Workbook {
  const workbook = newWorkbook();
  if (opts.summary) addPlansSummarySheet(workbook, docs);
  addActivitiesSheet(workbook, docs, undefined, opts);
  addPrintSheet(workbook, docs);
  addDocumentsSheet(workbook, docs);
  addWarningsSheet(workbook, docs);
  return workbook;
}

/** Write the plan workbook to `path` (atomically: a temporary file in the same folder, then renamed). */
export async function writePlanWorkbook(docs: PlanDocument[], path: string, opts: PlanWorkbookOptions & { summary?: boolean } = {}): Promise<void> {
  await writeWorkbookFile(buildPlanWorkbook(docs, opts), path);
}

/**
 * Write a workbook so that `path` is either the old file or the complete new one, never half-written:
 * the workbook goes to a temporary name in the same folder and is renamed at the end.
 */
export async function writeWorkbookFile(workbook: ExcelJS.Workbook, path: string): Promise<void> {
  // Cells of the same look share one style object, so exceljs renders each style once (same file).
  new StyleSharer().shareWorkbook(workbook);
  // Packed without compression by exceljs (JSZip's deflate is JavaScript), then deflated natively.
  const stored = await workbook.xlsx.writeBuffer({ zip: { compression: "STORE" } });
  await writeAtomically(path, deflateStoredZip(Buffer.from(stored)));
}
