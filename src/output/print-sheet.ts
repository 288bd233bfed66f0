/**
 * "За печат": the plan laid out to be printed and followed on A4 — few columns (№, Дейност, Срок,
 * Индикатори, Отговорници, Статус), the plan's headings as full-width rows where they change (as in the
 * printed plan), one title row per document. The same lines are written by the in-memory workbooks and by
 * the streamed all-plans.xlsx.
 */
import type ExcelJS from "exceljs";
import type { PlanDocument, Row, Section } from "../model/schema.js";
import { STATUS_CHECK, STATUS_OK, warningBg } from "./messages-bg.js";
import { BODY_FONT, type ColumnSpec, HEADER_FONT, rowHeightFor, sectionText, setupPrint, styleHeaderCell, textCell } from "./workbook-cells.js";

export const PRINT_SHEET = "За печат";

export const PRINT_COLUMNS: ColumnSpec[] = [
  { header: "№", width: 7 },
  { header: "Дейност", width: 62 },
  { header: "Срок", width: 18 },
  { header: "Индикатори", width: 30 },
  { header: "Отговорници", width: 28 },
  { header: "Статус", width: 22 },
];

/** One printed line: a document title, a heading (at its nesting level), or an activity. */
export interface PrintLine {
  kind: "document" | "section" | "activity";
  level: number;
  cells: ExcelJS.CellValue[];
}

/** The indicator cells as one text: unit, current, target, expected results, each on its line. */
function indicatorText(row: Row): string | null {
  const parts: string[] = [];
  const { unit, current, target, expected } = row.indicator;
  if (unit) parts.push(`Мерна единица: ${unit}`);
  if (current) parts.push(`Текуща: ${current}`);
  if (target) parts.push(`Целева: ${target}`);
  if (expected) parts.push(expected);
  return parts.length > 0 ? parts.join("\n") : null;
}

function sameSection(a: Section | undefined, b: Section | undefined): boolean {
  return !!a && !!b && a.number === b.number && a.label === b.label && a.title === b.title;
}

/** The printed lines of one document. */
export function printLines(doc: PlanDocument): PrintLine[] {
  const lines: PrintLine[] = [];
  const place = [doc.document.region, doc.document.period?.label].filter(Boolean).join(", ");
  const title = doc.document.title ?? doc.source.file;
  lines.push({ kind: "document", level: 0, cells: [textCell(`${title}${place ? ` (${place})` : ""} — ${doc.source.file}`)] });
  const byRow = new Map<number, string[]>();
  for (const w of doc.warnings) {
    if (w.row === null || w.row === undefined) continue;
    byRow.set(w.row, [...(byRow.get(w.row) ?? []), warningBg(w)]);
  }
  let previous: Section[] = [];
  doc.rows.forEach((row, index) => {
    let level = 0;
    while (level < row.sections.length && sameSection(previous[level], row.sections[level])) level++;
    for (let l = level; l < row.sections.length; l++) {
      lines.push({ kind: "section", level: l, cells: [textCell(sectionText(row.sections[l]))] });
    }
    previous = row.sections;
    const reasons = [...new Set(byRow.get(index) ?? [])];
    lines.push({
      kind: "activity",
      level: row.sections.length,
      cells: [
        textCell(row.number),
        textCell(row.activity),
        textCell(row.deadline.text),
        textCell(indicatorText(row)),
        textCell(row.responsible.text),
        reasons.length > 0 ? textCell(`${STATUS_CHECK}: ${reasons.join(" ")}`) : STATUS_OK,
      ],
    });
  });
  return lines;
}

const TOTAL_WIDTH = PRINT_COLUMNS.reduce((s, c) => s + c.width, 0);
const FILLS = ["FFD9E1F2", "FFE7ECF6", "FFF2F4FA"];
const LINE: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FFA6A6A6" } };
const BORDER: Partial<ExcelJS.Borders> = { top: LINE, left: LINE, bottom: LINE, right: LINE };

/** The style of every column of the sheet: new cells take it, so activity rows need no per-cell styling. */
export const PRINT_COLUMN_STYLE: Partial<ExcelJS.Style> = { font: BODY_FONT, border: BORDER, alignment: { vertical: "top", wrapText: true } };

/** Style a written line (and merge a heading over the whole width). Call before the row is committed. */
export function stylePrintLine(sheet: ExcelJS.Worksheet, row: ExcelJS.Row, line: PrintLine): void {
  const columns = PRINT_COLUMNS.length;
  if (line.kind === "activity") {
    // Font, border and wrapping come from the column styles (PRINT_COLUMN_STYLE).
    const status = row.getCell(columns);
    if (typeof status.value === "string" && status.value.startsWith(STATUS_CHECK)) {
      status.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFCE4D6" } };
    }
    const height = rowHeightFor(line.cells, PRINT_COLUMNS);
    if (height !== undefined) row.height = height;
    return;
  }
  const cell = row.getCell(1);
  cell.font = line.kind === "document" ? { ...HEADER_FONT, size: 11 } : { ...HEADER_FONT, italic: line.level > 0 };
  cell.alignment = { vertical: "top", wrapText: true, indent: line.kind === "section" ? line.level : 0 };
  cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: line.kind === "document" ? "FFBDD7EE" : FILLS[Math.min(line.level, FILLS.length - 1)] } };
  cell.border = BORDER;
  sheet.mergeCells(row.number, 1, row.number, columns);
  const height = rowHeightFor([line.cells[0]], [{ header: "", width: TOTAL_WIDTH - 2 * line.level }]);
  if (height !== undefined) row.height = height;
}

/** Add "За печат" to an in-memory workbook. */
export function addPrintSheet(workbook: ExcelJS.Workbook, docs: PlanDocument[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(PRINT_SHEET, { views: [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "A2" }] });
  PRINT_COLUMNS.forEach((spec, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = spec.width;
    column.style = PRINT_COLUMN_STYLE;
  });
  const header = sheet.addRow(PRINT_COLUMNS.map((c) => c.header));
  header.eachCell(styleHeaderCell);
  for (const doc of docs) {
    for (const line of printLines(doc)) stylePrintLine(sheet, sheet.addRow(line.cells), line);
  }
  setupPrint(sheet);
  return sheet;
}
