/**
 * The comparison workbook (`plan-extract compare`): plans of several regions and years side by side.
 * Sheets: "Обобщение" (region × period), "Теми" (activities per topic and per type, per plan, with in-cell
 * data bars), "Отговорници" (parties × plans), "Срокове по месеци" (deadline load per month, per plan),
 * "Дейности" (every activity with its type and topic), "Документи", "Предупреждения".
 */
import type ExcelJS from "exceljs";
import type { PlanDocument, Row } from "../model/schema.js";
import { canonicalParty } from "../normalize/parties.js";
import { countParties } from "./compare-parties.js";
import { monthName, monthStartDate, planMonths, type MonthIndex } from "./compare-months.js";
import { classifyActivity, compileThemes, loadThemes, NO_TOPIC, NO_TYPE, type ActivityThemes, type ThemeTable } from "./themes.js";
import { addActivitiesSheet, addDocumentsSheet, addWarningsSheet, newWorkbook, writeWorkbookFile } from "./workbook.js";
import {
  BODY_FONT,
  type ColumnSpec,
  distinctPlanNames,
  fitRowHeights,
  HEADER_FONT,
  parseBareNumber,
  setupPrint,
  styleTable,
  textCell,
} from "./workbook-cells.js";

export const SUMMARY_SHEET = "Обобщение";
export const THEMES_SHEET = "Теми";
export const PARTIES_SHEET = "Отговорници";
export const MONTHS_SHEET = "Срокове по месеци";

export interface ComparisonOptions {
  /** The theme table (default: loadThemes(), i.e. src/output/themes.json). */
  themes?: ThemeTable;
}

const PERCENT = "0%";
const BAR_COLOR = "FF9DC3E6";
const TITLE_FONT: Partial<ExcelJS.Font> = { name: "Arial", size: 11, bold: true, color: { argb: "FF1F4E79" } };

/** True when the row's deadline names a date (start or end). */
export function hasDatedDeadline(row: Row): boolean {
  return row.deadline.start !== null || row.deadline.end !== null;
}

/** True when the row's target is a number or starts with one ("3 детски градини", "9", "100%"). */
export function hasNumericTarget(row: Row): boolean {
  const parts = row.indicator.targetParts;
  if (parts && parts.some((part) => part.value !== null)) return true;
  const target = row.indicator.target?.trim();
  if (!target) return false;
  return parseBareNumber(target) !== null || /^[+-]?\d/.test(target);
}

/** One line of "Обобщение": the plans of one region and period. */
export interface SummaryLine {
  region: string | null;
  period: string | null;
  documents: number;
  activities: number;
  dated: number;
  numericTarget: number;
  withResponsible: number;
  warnings: number;
}

/** Region × period figures, sorted by region, then period. */
export function summarize(docs: PlanDocument[]): SummaryLine[] {
  const lines = new Map<string, SummaryLine>();
  for (const doc of docs) {
    const region = doc.document.region;
    const period = doc.document.period?.label ?? null;
    const key = JSON.stringify([region, period]);
    let line = lines.get(key);
    if (!line) {
      line = { region, period, documents: 0, activities: 0, dated: 0, numericTarget: 0, withResponsible: 0, warnings: 0 };
      lines.set(key, line);
    }
    line.documents++;
    line.activities += doc.rows.length;
    line.dated += doc.rows.filter(hasDatedDeadline).length;
    line.numericTarget += doc.rows.filter(hasNumericTarget).length;
    line.withResponsible += doc.rows.filter((row) => row.responsible.parties.length > 0 || !!row.responsible.text).length;
    line.warnings += doc.warnings.length;
  }
  const collator = new Intl.Collator("bg");
  return [...lines.values()].sort(
    (a, b) => collator.compare(a.region ?? "\uFFFF", b.region ?? "\uFFFF") || collator.compare(a.period ?? "", b.period ?? ""),
  );
}

function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

function addDataBar(sheet: ExcelJS.Worksheet, ref: string, priority: number): void {
  sheet.addConditionalFormatting({
    ref,
    rules: [
      {
        type: "dataBar",
        priority,
        // Solid bars, zero-length at 0: exceljs writes these as an Excel 2010 (x14) data bar with its
        // Excel 2007 twin, the pair Excel itself writes. (With gradient: true exceljs leaves an empty
        // x14:id reference behind, which Excel may "repair".)
        gradient: false,
        minLength: 0,
        maxLength: 100,
        border: false,
        cfvo: [{ type: "num", value: 0 }, { type: "max" }],
        color: { argb: BAR_COLOR },
      } as ExcelJS.DataBarRuleType,
    ],
  });
}

function columnLetter(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function addSummarySheet(workbook: ExcelJS.Workbook, docs: PlanDocument[]): void {
  const sheet = workbook.addWorksheet(SUMMARY_SHEET);
  const columns: ColumnSpec[] = [
    { header: "Регион", width: 16 },
    { header: "Период", width: 11 },
    { header: "Документи", width: 11 },
    { header: "Дейности", width: 10 },
    { header: "Със срок с дати", width: 11 },
    { header: "Дял със срок с дати", width: 12, numFmt: PERCENT },
    { header: "С числова цел", width: 11 },
    { header: "Дял с числова цел", width: 12, numFmt: PERCENT },
    { header: "Дял с отговорник", width: 12, numFmt: PERCENT },
    { header: "Предупреждения", width: 15 },
  ];
  sheet.addRow(columns.map((c) => c.header));
  const lines = summarize(docs);
  for (const line of lines) {
    sheet.addRow([
      textCell(line.region),
      textCell(line.period),
      line.documents,
      line.activities,
      line.dated,
      share(line.dated, line.activities),
      line.numericTarget,
      share(line.numericTarget, line.activities),
      share(line.withResponsible, line.activities),
      line.warnings,
    ]);
  }
  styleTable(sheet, columns);
  if (lines.length > 0) {
    const last = lines.length + 1;
    addDataBar(sheet, `D2:D${last}`, 1);
    addDataBar(sheet, `F2:F${last}`, 2);
    addDataBar(sheet, `H2:H${last}`, 3);
    addDataBar(sheet, `I2:I${last}`, 4);
  }
  setupPrint(sheet);
}

/**
 * A titled block "name × plans" at `top`: title row, header row, one row per name. Returns the next free row.
 * Counts get one data bar over the whole block (so bars compare across plans); shares likewise.
 */
function addMatrixBlock(
  sheet: ExcelJS.Worksheet,
  top: number,
  title: string,
  firstHeader: string,
  planNames: string[],
  rows: { name: string; values: (number | null)[] }[],
  numFmt: string | undefined,
  priority: number,
): number {
  const titleCell = sheet.getCell(top, 1);
  titleCell.value = title;
  titleCell.font = TITLE_FONT;
  const header = sheet.getRow(top + 1);
  header.values = [firstHeader, ...planNames];
  header.eachCell((cell) => {
    cell.font = HEADER_FONT;
    cell.alignment = { vertical: "middle", wrapText: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
    cell.border = { bottom: { style: "thin", color: { argb: "FF8EA9C1" } } };
  });
  rows.forEach((entry, i) => {
    const row = sheet.getRow(top + 2 + i);
    row.values = [entry.name, ...entry.values];
    row.eachCell((cell, column) => {
      cell.font = BODY_FONT;
      if (column > 1 && numFmt) cell.numFmt = numFmt;
    });
  });
  if (rows.length > 0 && planNames.length > 0) {
    addDataBar(sheet, `B${top + 2}:${columnLetter(planNames.length + 1)}${top + 1 + rows.length}`, priority);
  }
  return top + 2 + rows.length + 1;
}

function addThemesSheet(
  workbook: ExcelJS.Workbook,
  docs: PlanDocument[],
  planNames: string[],
  tags: ActivityThemes[][],
  themes: ThemeTable,
): void {
  const sheet = workbook.addWorksheet(THEMES_SHEET);
  const tally = (names: string[], none: string, pickName: (t: ActivityThemes) => string | null) => {
    const all = [...names, none];
    const counts = all.map((name) => docs.map((_, p) => tags[p].filter((t) => (pickName(t) ?? none) === name).length));
    return all
      .map((name, i) => ({ name, counts: counts[i] }))
      .filter((line) => line.name !== none || line.counts.some((c) => c > 0));
  };
  const topicLines = tally(themes.topics.map((t) => t.name), NO_TOPIC, (t) => t.topic);
  const typeLines = tally(themes.types.map((t) => t.name), NO_TYPE, (t) => t.type);
  const shares = (lines: { name: string; counts: number[] }[]) =>
    lines.map((line) => ({ name: line.name, values: line.counts.map((c, p) => share(c, docs[p].rows.length)) }));
  let next = 1;
  next = addMatrixBlock(sheet, next, "Дейности по теми (брой)", "Тема", planNames, topicLines.map((l) => ({ name: l.name, values: l.counts })), undefined, 1);
  next = addMatrixBlock(sheet, next, "Дейности по теми (дял от дейностите на плана)", "Тема", planNames, shares(topicLines), PERCENT, 2);
  next = addMatrixBlock(sheet, next, "Дейности по вид (брой)", "Вид дейност", planNames, typeLines.map((l) => ({ name: l.name, values: l.counts })), undefined, 3);
  next = addMatrixBlock(sheet, next, "Дейности по вид (дял от дейностите на плана)", "Вид дейност", planNames, shares(typeLines), PERCENT, 4);
  const note = sheet.getCell(next, 1);
  note.value =
    "Видът и темата на всяка дейност се определят по ключови думи (основи на думи) от таблицата с теми " +
    "(src/output/themes.json, или файл, подаден с --themes). Всяка дейност е отнесена към един вид и една тема. " +
    "Лентите в клетките са условно форматиране (data bars).";
  note.font = { ...BODY_FONT, italic: true, color: { argb: "FF595959" } };
  note.alignment = { wrapText: true, vertical: "top" };
  sheet.mergeCells(next, 1, next, Math.max(2, planNames.length + 1));
  sheet.getRow(next).height = 40;
  sheet.getColumn(1).width = 38;
  for (let p = 0; p < planNames.length; p++) sheet.getColumn(p + 2).width = 18;
  sheet.views = [{ state: "frozen", xSplit: 1, ySplit: 0 }];
  setupPrint(sheet, 2);
}

function addPartiesSheet(workbook: ExcelJS.Workbook, docs: PlanDocument[], planNames: string[]): void {
  const sheet = workbook.addWorksheet(PARTIES_SHEET);
  const columns: ColumnSpec[] = [
    { header: "Отговорник", width: 48 },
    { header: "Изписване в плановете", width: 40 },
    ...planNames.map((name) => ({ header: name, width: 16 })),
    { header: "Общо дейности", width: 11 },
    { header: "Брой планове", width: 10 },
  ];
  sheet.addRow(columns.map((c) => c.header));
  const lines = countParties(docs, (name) => canonicalParty(name));
  for (const line of lines) {
    const total = line.counts.reduce((s, c) => s + c, 0);
    sheet.addRow([
      textCell(line.name),
      textCell(line.printed.join("; ")),
      ...line.counts.map((c) => (c > 0 ? c : null)),
      total,
      line.counts.filter((c) => c > 0).length,
    ]);
  }
  styleTable(sheet, columns);
  if (lines.length > 0 && planNames.length > 0) {
    addDataBar(sheet, `C2:${columnLetter(planNames.length + 2)}${lines.length + 1}`, 1);
  }
  setupPrint(sheet);
}

function addMonthsSheet(workbook: ExcelJS.Workbook, docs: PlanDocument[], planNames: string[]): void {
  const sheet = workbook.addWorksheet(MONTHS_SHEET);
  const plans = docs.map(planMonths);
  const months = new Set<MonthIndex>();
  for (const plan of plans) for (const m of plan.counts.keys()) months.add(m);
  const ordered = [...months].sort((a, b) => a - b);
  const columns: ColumnSpec[] = [
    { header: "Месец", width: 10, numFmt: "mm.yyyy", wrap: false },
    { header: "Име на месеца", width: 17 },
    ...planNames.map((name) => ({ header: name, width: 16 })),
  ];
  sheet.addRow(columns.map((c) => c.header));
  for (const month of ordered) {
    sheet.addRow([monthStartDate(month), monthName(month), ...plans.map((plan) => plan.counts.get(month) ?? null)]);
  }
  const last = ordered.length + 1;
  styleTable(sheet, columns);
  // Footer rows below the filtered block: what the monthly counts include and leave out.
  const footer = [
    [null, "Обхващат целия период", ...plans.map((plan) => plan.wholePeriod)],
    [null, "Без дати в срока", ...plans.map((plan) => plan.undated)],
    [null, "Всички дейности", ...docs.map((doc) => doc.rows.length)],
  ];
  sheet.addRow([]);
  for (const values of footer) {
    const row = sheet.addRow(values);
    row.eachCell((cell) => {
      cell.font = { ...BODY_FONT, italic: true };
    });
  }
  fitRowHeights(sheet, columns, 1);
  // One data bar per plan: each plan's own busiest month is the full bar.
  if (ordered.length > 0) {
    planNames.forEach((_, p) => {
      const letter = columnLetter(p + 3);
      addDataBar(sheet, `${letter}2:${letter}${last}`, p + 1);
    });
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: last, column: columns.length } };
  setupPrint(sheet);
}

/** The comparison workbook in memory. */
export function buildComparisonWorkbook(docs: PlanDocument[], opts: ComparisonOptions = {}): ExcelJS.Workbook {
  const themes = opts.themes ?? loadThemes();
  const matcher = compileThemes(themes);
  const planNames = distinctPlanNames(docs);
  const tags = docs.map((doc) => doc.rows.map((row) => classifyActivity(row, matcher)));
  const workbook = newWorkbook();
  addSummarySheet(workbook, docs);
  addThemesSheet(workbook, docs, planNames, tags, themes);
  addPartiesSheet(workbook, docs, planNames);
  addMonthsSheet(workbook, docs, planNames);
  const planIndex = new Map(docs.map((doc, i) => [doc, i]));
  addActivitiesSheet(workbook, docs, {
    columns: [
      { header: "Вид дейност", width: 22 },
      { header: "Тема", width: 26 },
      { header: "Всички теми", width: 34 },
    ],
    cells: (doc, _row, index) => {
      const t = tags[planIndex.get(doc)!][index];
      return [t.type ?? NO_TYPE, t.topic ?? NO_TOPIC, t.topics.length > 0 ? t.topics.join("; ") : null];
    },
  });
  addDocumentsSheet(workbook, docs);
  addWarningsSheet(workbook, docs);
  return workbook;
}

/** Write the comparison workbook to `path` (atomically). */
export async function writeComparisonWorkbook(docs: PlanDocument[], path: string, opts: ComparisonOptions = {}): Promise<void> {
  await writeWorkbookFile(buildComparisonWorkbook(docs, opts), path);
}
