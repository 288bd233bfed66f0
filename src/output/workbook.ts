/**
 * The plan workbook: one document → the per-document workbook, many → the all-plans workbook (same layout).
 * Sheets: "Дейности" (one row per activity), "Документи" (one row per source file), "Предупреждения".
 */
import ExcelJS from "exceljs";
import { writeAtomically } from "./atomic-write.js";
import type { PlanDocument, Row, Warning } from "../model/schema.js";
import {
  type ColumnSpec,
  DATE_FORMAT,
  expandedParties,
  isoToExcelDate,
  numberOrText,
  sectionColumns,
  setupPrint,
  styleTable,
  textCell,
} from "./workbook-cells.js";

export const ACTIVITIES_SHEET = "Дейности";
export const DOCUMENTS_SHEET = "Документи";
export const WARNINGS_SHEET = "Предупреждения";

/** The columns of the "Дейности" sheet, in order. */
export const ACTIVITY_COLUMNS: ColumnSpec[] = [
  { header: "Регион", width: 14 },
  { header: "Период", width: 11 },
  { header: "Документ", width: 22 },
  { header: "№", width: 8 },
  { header: "Раздел", width: 30, wrap: false },
  { header: "Подраздел", width: 30, wrap: false },
  { header: "Дейност", width: 70 },
  { header: "Срок", width: 22 },
  { header: "Начало", width: 11.5, numFmt: DATE_FORMAT, wrap: false },
  { header: "Край", width: 11.5, numFmt: DATE_FORMAT, wrap: false },
  { header: "Мерна единица", width: 14 },
  { header: "Текуща стойност", width: 16 },
  { header: "Целева стойност", width: 16 },
  { header: "Очаквани резултати", width: 34 },
  { header: "Финансиране", width: 20 },
  { header: "Отговорници", width: 28 },
  { header: "Отговорници (разписани)", width: 40 },
  { header: "Забележка", width: 20 },
  { header: "Страници", width: 9 },
];

/** The cells of one activity, matching ACTIVITY_COLUMNS. */
export function activityCells(doc: PlanDocument, row: Row): ExcelJS.CellValue[] {
  const { section, subsection } = sectionColumns(row);
  return [
    textCell(doc.document.region),
    textCell(doc.document.period?.label),
    textCell(doc.source.file),
    textCell(row.number),
    textCell(section),
    textCell(subsection),
    textCell(row.activity),
    textCell(row.deadline.text),
    isoToExcelDate(row.deadline.start),
    isoToExcelDate(row.deadline.end),
    numberOrText(row.indicator.unit),
    numberOrText(row.indicator.current),
    numberOrText(row.indicator.target),
    textCell(row.indicator.expected),
    textCell(row.financing),
    textCell(row.responsible.text),
    textCell(expandedParties(row)),
    textCell(row.note),
    textCell(row.pages.join(", ")),
  ];
}

export const DOCUMENT_COLUMNS: ColumnSpec[] = [
  { header: "Файл", width: 28 },
  { header: "Заглавие", width: 50 },
  { header: "Издател", width: 36 },
  { header: "Регион", width: 14 },
  { header: "Период", width: 11 },
  { header: "Начало на периода", width: 12, numFmt: DATE_FORMAT, wrap: false },
  { header: "Край на периода", width: 12, numFmt: DATE_FORMAT, wrap: false },
  { header: "Формат", width: 8 },
  { header: "Страници", width: 10 },
  { header: "SHA-256", width: 24, wrap: false },
  { header: "Дейности", width: 10 },
  { header: "Предупреждения", width: 15 },
];

export const WARNING_COLUMNS: ColumnSpec[] = [
  { header: "Файл", width: 28 },
  { header: "Страница", width: 10 },
  { header: "№ на дейността", width: 12 },
  { header: "Ред (пореден)", width: 10 },
  { header: "Код", width: 24 },
  { header: "Съобщение", width: 90 },
];

/** The cells of one source file's line in "Документи", matching DOCUMENT_COLUMNS. */
export function documentCells(doc: PlanDocument): ExcelJS.CellValue[] {
  return [
    textCell(doc.source.file),
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
  return [
    textCell(doc.source.file),
    warning.page,
    textCell(row?.number),
    rowIndex !== null ? rowIndex + 1 : null,
    textCell(warning.code),
    textCell(warning.message),
  ];
}

/** Add the "Дейности" sheet with extra columns after the standard ones (used by the comparison workbook). */
export function addActivitiesSheet(
  workbook: ExcelJS.Workbook,
  docs: PlanDocument[],
  extra?: { columns: ColumnSpec[]; cells: (doc: PlanDocument, row: Row, index: number) => ExcelJS.CellValue[] },
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(ACTIVITIES_SHEET);
  const columns = [...ACTIVITY_COLUMNS, ...(extra?.columns ?? [])];
  sheet.addRow(columns.map((c) => c.header));
  for (const doc of docs) {
    doc.rows.forEach((row, index) => {
      sheet.addRow([...activityCells(doc, row), ...(extra ? extra.cells(doc, row, index) : [])]);
    });
  }
  styleTable(sheet, columns);
  setupPrint(sheet, 1, { scale: 60 });
  return sheet;
}

/** Add the "Документи" sheet: one row per source file. */
export function addDocumentsSheet(workbook: ExcelJS.Workbook, docs: PlanDocument[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(DOCUMENTS_SHEET);
  sheet.addRow(DOCUMENT_COLUMNS.map((c) => c.header));
  for (const doc of docs) sheet.addRow(documentCells(doc));
  styleTable(sheet, DOCUMENT_COLUMNS);
  setupPrint(sheet);
  return sheet;
}

/** Add the "Предупреждения" sheet: every warning of every document. */
export function addWarningsSheet(workbook: ExcelJS.Workbook, docs: PlanDocument[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(WARNINGS_SHEET);
  sheet.addRow(WARNING_COLUMNS.map((c) => c.header));
  for (const doc of docs) for (const warning of doc.warnings) sheet.addRow(warningCells(doc, warning));
  styleTable(sheet, WARNING_COLUMNS);
  setupPrint(sheet);
  return sheet;
}

/** A new workbook with plan-extract's metadata. */
export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "plan-extract";
  workbook.created = new Date();
  return workbook;
}

/** The plan workbook in memory (one document or many; the same layout). */
export function buildPlanWorkbook(docs: PlanDocument[]): ExcelJS.Workbook {
  const workbook = newWorkbook();
  addActivitiesSheet(workbook, docs);
  addDocumentsSheet(workbook, docs);
  addWarningsSheet(workbook, docs);
  return workbook;
}

/** Write the plan workbook to `path` (atomically: a temporary file in the same folder, then renamed). */
export async function writePlanWorkbook(docs: PlanDocument[], path: string): Promise<void> {
  await writeWorkbookFile(buildPlanWorkbook(docs), path);
}

/**
 * Write a workbook so that `path` is either the old file or the complete new one, never half-written:
 * the workbook goes to a temporary name in the same folder and is renamed at the end.
 */
export async function writeWorkbookFile(workbook: ExcelJS.Workbook, path: string): Promise<void> {
  await writeAtomically(path, (temporary) => workbook.xlsx.writeFile(temporary));
}
