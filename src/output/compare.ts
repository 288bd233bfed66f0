/**
 * The comparison workbook (`plan-extract compare`): plans of several regions and years side by side.
 * Renditions of one plan (PDF, DOCX …) count once (src/output/compare-plans.ts); all figures come from
 * buildComparison (src/output/compare-model.ts), which also gives the JSON of `compare --json`.
 * Sheets: "Обобщение" (one line per plan), "Теми" (activities per topic and per type, per plan, with in-cell
 * data bars), "Приоритети" (every plan's top-level sections with their topics), "Промени по години" and
 * "Дейности по години" (a region's plan against its plan of the period before), "Отговорници" (parties ×
 * plans), "Срокове по месеци" (deadline load per month, per plan), "Дейности" (every activity of every plan
 * with its type and topic), "Документи", "Предупреждения".
 */
import type ExcelJS from "exceljs";
import type { PlanDocument } from "../model/schema.js";
import type { ComparisonChange, ComparisonPlan } from "../model/compare-schema.js";
import { buildComparison, type ComparisonData } from "./compare-model.js";
import { share } from "./row-figures.js";
import { STATUS_CHECK, STATUS_OK, reviewReasonBg } from "./messages-bg.js";
import { monthName, monthStartDate, planMonths, type MonthIndex } from "./compare-months.js";
import { loadThemes, NO_TOPIC, NO_TYPE, type ActivityThemes, type ThemeTable } from "./themes.js";
import {
  addActivitiesSheet,
  addDocumentsSheet,
  addWarningsSheet,
  newWorkbook,
  styleStatusCell,
  writeWorkbookFile,
  type PlanWorkbookOptions,
} from "./workbook.js";
import {
  BODY_FONT,
  type ColumnSpec,
  fitRowHeights,
  setupPrint,
  styleHeaderCell,
  styleTable,
  textCell,
  THIN_BORDER,
} from "./workbook-cells.js";

export const SUMMARY_SHEET = "Обобщение";
export const THEMES_SHEET = "Теми";
export const PARTIES_SHEET = "Отговорници";
export const MONTHS_SHEET = "Срокове по месеци";
export const PRIORITIES_SHEET = "Приоритети";
export const CHANGES_SHEET = "Промени по години";
export const CHANGED_ACTIVITIES_SHEET = "Дейности по години";

export interface ComparisonOptions extends PlanWorkbookOptions {
  /** The theme table (default: loadThemes(), i.e. src/output/themes.json). */
  themes?: ThemeTable;
  /** The comparison, when already computed (buildComparison). */
  data?: ComparisonData;
}

const PERCENT = "0%";
const BAR_COLOR = "FF9DC3E6";
const TITLE_FONT: Partial<ExcelJS.Font> = { name: "Arial", size: 11, bold: true, color: { argb: "FF1F4E79" } };

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

function addSummarySheet(workbook: ExcelJS.Workbook, data: ComparisonData): void {
  const sheet = workbook.addWorksheet(SUMMARY_SHEET);
  const columns: ColumnSpec[] = [
    { header: "Регион", width: 14 },
    { header: "Период", width: 10 },
    { header: "Документи", width: 10 },
    { header: "Дейности", width: 9 },
    { header: "Със срок с дати", width: 9 },
    { header: "Дял със срок с дати", width: 10, numFmt: PERCENT },
    { header: "С числова цел", width: 9 },
    { header: "Дял с числова цел", width: 10, numFmt: PERCENT },
    { header: "Дял с отговорник", width: 10, numFmt: PERCENT },
    { header: "Предупреждения", width: 13 },
    { header: "Статус", width: 7 },
    { header: "Причини за проверка", width: 30 },
    { header: "Файлове на плана", width: 34 },
    { header: "Редовете са от", width: 28 },
  ];
  sheet.addRow(columns.map((c) => c.header));
  const collator = new Intl.Collator("bg");
  const order = data.json.plans
    .map((plan, i) => ({ plan, i }))
    .sort(
      (a, b) =>
        collator.compare(a.plan.region ?? "\uFFFF", b.plan.region ?? "\uFFFF") ||
        collator.compare(a.plan.period?.start ?? a.plan.period?.label ?? "", b.plan.period?.start ?? b.plan.period?.label ?? "") ||
        a.i - b.i,
    );
  for (const { plan } of order) {
    sheet.addRow([
      textCell(plan.region),
      textCell(plan.period?.label),
      plan.documents.length,
      plan.activities,
      plan.dated.count,
      plan.dated.share,
      plan.numericTarget.count,
      plan.numericTarget.share,
      plan.withResponsible.share,
      plan.warnings,
      plan.status === "check" ? STATUS_CHECK : STATUS_OK,
      textCell([...new Set(plan.reasons.map(reviewReasonBg))].join("\n")),
      textCell(plan.documents.join("\n")),
      textCell(plan.rowsFrom),
    ]);
  }
  styleTable(sheet, columns);
  for (let r = 2; r <= order.length + 1; r++) styleStatusCell(sheet.getRow(r).getCell(11));
  if (order.length > 0) {
    const last = order.length + 1;
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
  header.eachCell(styleHeaderCell);
  rows.forEach((entry, i) => {
    const row = sheet.getRow(top + 2 + i);
    row.values = [entry.name, ...entry.values];
    for (let column = 1; column <= planNames.length + 1; column++) {
      const cell = row.getCell(column);
      cell.font = BODY_FONT;
      cell.border = THIN_BORDER;
      cell.alignment = { vertical: "top", wrapText: true };
      if (column > 1 && numFmt) cell.numFmt = numFmt;
    }
  });
  if (rows.length > 0 && planNames.length > 0) {
    addDataBar(sheet, `B${top + 2}:${columnLetter(planNames.length + 1)}${top + 1 + rows.length}`, priority);
  }
  return top + 2 + rows.length + 1;
}

function addThemesSheet(workbook: ExcelJS.Workbook, data: ComparisonData, themes: ThemeTable): void {
  const sheet = workbook.addWorksheet(THEMES_SHEET);
  const planNames = data.names;
  // The counts per plan are buildComparison's (json.plans[p].topics / .types); the line for activities
  // without a topic (type) is left out when no plan has any.
  const lines = (names: string[], none: string, pick: (plan: ComparisonPlan) => { name: string; count: number }[]) =>
    [...names, none]
      .map((name) => ({ name, counts: data.json.plans.map((plan) => pick(plan).find((e) => e.name === name)?.count ?? 0) }))
      .filter((line) => line.name !== none || line.counts.some((c) => c > 0));
  const topicLines = lines(themes.topics.map((t) => t.name), NO_TOPIC, (plan) => plan.topics);
  const typeLines = lines(themes.types.map((t) => t.name), NO_TYPE, (plan) => plan.types);
  const shares = (list: { name: string; counts: number[] }[]) =>
    list.map((line) => ({ name: line.name, values: line.counts.map((c, p) => share(c, data.json.plans[p].activities)) }));
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

function addPartiesSheet(workbook: ExcelJS.Workbook, data: ComparisonData): void {
  const planNames = data.names;
  const sheet = workbook.addWorksheet(PARTIES_SHEET);
  const columns: ColumnSpec[] = [
    { header: "Отговорник", width: 48 },
    { header: "Изписване в плановете", width: 40 },
    ...planNames.map((name) => ({ header: name, width: 16 })),
    { header: "Общо дейности", width: 11 },
    { header: "Брой планове", width: 10 },
  ];
  sheet.addRow(columns.map((c) => c.header));
  const lines = data.parties;
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

/** "Приоритети": every plan's top-level sections, with the topics of their activities. */
function addPrioritiesSheet(workbook: ExcelJS.Workbook, data: ComparisonData): void {
  const sheet = workbook.addWorksheet(PRIORITIES_SHEET);
  const columns: ColumnSpec[] = [
    { header: "План", width: 18 },
    { header: "Регион", width: 13 },
    { header: "Период", width: 10 },
    { header: "Приоритет (раздел от първо ниво)", width: 60 },
    { header: "Дейности", width: 9 },
    { header: "Дял от дейностите на плана", width: 11, numFmt: PERCENT },
    { header: "Основна тема", width: 24 },
    { header: "Теми на дейностите (брой)", width: 44 },
  ];
  sheet.addRow(columns.map((c) => c.header));
  for (const plan of data.json.plans) {
    for (const priority of plan.priorities) {
      sheet.addRow([
        textCell(plan.name),
        textCell(plan.region),
        textCell(plan.period?.label),
        textCell(priority.text),
        priority.activities,
        share(priority.activities, plan.activities),
        textCell(priority.topic ?? NO_TOPIC),
        textCell(priority.topics.map((t) => `${t.name} (${t.activities})`).join("; ")),
      ]);
    }
    if (plan.priorities.length === 0) {
      sheet.addRow([textCell(plan.name), textCell(plan.region), textCell(plan.period?.label), "(планът няма раздели)", plan.activities]);
    }
  }
  styleTable(sheet, columns);
  if (sheet.rowCount > 1) addDataBar(sheet, `F2:F${sheet.rowCount}`, 1);
  setupPrint(sheet);
}

const CHANGE_WORDS = { continued: "продължава", added: "нова", dropped: "отпада" } as const;
const PRIORITY_WORDS = { continued: "продължава", added: "нов", dropped: "отпада" } as const;

function periodsText(change: ComparisonChange): [string | null, string | null, string | null] {
  return [textCell(change.region), textCell(change.from.label), textCell(change.to.label)];
}

/** "Промени по години": per region, each period against the one before: counts, shares, priorities, topics, parties. */
function addChangesSheet(workbook: ExcelJS.Workbook, data: ComparisonData): void {
  const sheet = workbook.addWorksheet(CHANGES_SHEET);
  const columns: ColumnSpec[] = [
    { header: "Регион", width: 13 },
    { header: "От период", width: 10 },
    { header: "Към период", width: 10 },
    { header: "Група", width: 13 },
    { header: "Показател", width: 34 },
    { header: "Преди", width: 34 },
    { header: "Сега", width: 34 },
    { header: "Разлика", width: 9 },
    { header: "Промяна", width: 11 },
  ];
  sheet.addRow(columns.map((c) => c.header));
  const percentRows: number[] = [];
  for (const change of data.json.changes) {
    const head = periodsText(change);
    const add = (values: ExcelJS.CellValue[], percent = false) => {
      const row = sheet.addRow([...head, ...values]);
      if (percent) percentRows.push(row.number);
    };
    const figure = (name: string) => change.figures.find((f) => f.name === name)!;
    const activities = figure("activities");
    add(["Дейности", "Дейности (брой)", activities.from, activities.to, activities.difference, null]);
    add(["Дейности", "Продължават (по текста на дейността)", change.continued, change.continued, null, CHANGE_WORDS.continued]);
    add(["Дейности", "Нови", null, change.added, null, CHANGE_WORDS.added]);
    add(["Дейности", "Отпаднали", change.dropped, null, null, CHANGE_WORDS.dropped]);
    const shares: [string, string][] = [
      ["datedShare", "Дял със срок с дати"],
      ["numericTargetShare", "Дял с числова цел"],
      ["responsibleShare", "Дял с отговорник"],
    ];
    for (const [name, label] of shares) {
      const f = figure(name);
      add(["Дялове", label, f.from, f.to, f.difference, null], true);
    }
    for (const p of change.priorities.continued) add(["Приоритети", "Приоритет", textCell(p.from), textCell(p.to), null, PRIORITY_WORDS.continued]);
    for (const p of change.priorities.dropped) add(["Приоритети", "Приоритет", textCell(p), null, null, PRIORITY_WORDS.dropped]);
    for (const p of change.priorities.added) add(["Приоритети", "Приоритет", null, textCell(p), null, PRIORITY_WORDS.added]);
    for (const t of change.topics) add(["Теми", textCell(t.name), t.from, t.to, t.difference, null]);
    for (const t of change.parties) add(["Отговорници", textCell(t.name), t.from, t.to, t.difference, null]);
  }
  if (data.json.changes.length === 0) {
    sheet.addRow([null, null, null, null, "Няма регион с планове за повече от един период."]);
  }
  styleTable(sheet, columns);
  for (const r of percentRows) for (const c of [6, 7, 8]) sheet.getRow(r).getCell(c).numFmt = PERCENT;
  setupPrint(sheet);
}

/** "Дейности по години": every activity of a region's two consecutive plans: continued (both texts), new, dropped. */
function addChangedActivitiesSheet(workbook: ExcelJS.Workbook, data: ComparisonData): void {
  const sheet = workbook.addWorksheet(CHANGED_ACTIVITIES_SHEET);
  const columns: ColumnSpec[] = [
    { header: "Регион", width: 12 },
    { header: "От период", width: 10 },
    { header: "Към период", width: 10 },
    { header: "Промяна", width: 11 },
    { header: "№ преди", width: 7 },
    { header: "Дейност преди", width: 50 },
    { header: "Срок преди", width: 16 },
    { header: "№ сега", width: 7 },
    { header: "Дейност сега", width: 50 },
    { header: "Срок сега", width: 16 },
    { header: "Сходство", width: 9, numFmt: PERCENT },
  ];
  sheet.addRow(columns.map((c) => c.header));
  data.json.changes.forEach((change, c) => {
    const head = periodsText(change);
    const fromDoc = data.plans[data.names.indexOf(change.fromPlan)].chosen;
    const toDoc = data.plans[data.names.indexOf(change.toPlan)].chosen;
    for (const p of change.continuedPairs) {
      sheet.addRow([...head, CHANGE_WORDS.continued, textCell(p.fromNumber), textCell(p.from), textCell(p.fromDeadline), textCell(p.toNumber), textCell(p.to), textCell(p.toDeadline), p.similarity]);
    }
    for (const row of data.changeRows[c].dropped.map((i) => fromDoc.rows[i])) {
      sheet.addRow([...head, CHANGE_WORDS.dropped, textCell(row.number), textCell(row.activity), textCell(row.deadline.text), null, null, null, null]);
    }
    for (const row of data.changeRows[c].added.map((j) => toDoc.rows[j])) {
      sheet.addRow([...head, CHANGE_WORDS.added, null, null, null, textCell(row.number), textCell(row.activity), textCell(row.deadline.text), null]);
    }
  });
  if (data.json.changes.length === 0) {
    sheet.addRow([null, null, null, null, null, "Няма регион с планове за повече от един период."]);
  }
  styleTable(sheet, columns);
  setupPrint(sheet);
}

/** The comparison workbook in memory. */
export function buildComparisonWorkbook(docs: PlanDocument[], opts: ComparisonOptions = {}): ExcelJS.Workbook {
  const themes = opts.themes ?? loadThemes();
  const data = opts.data ?? buildComparison(docs, themes);
  const chosen = data.plans.map((p) => p.chosen);
  const planNames = data.names;
  const tags = data.tags;
  const workbook = newWorkbook();
  addSummarySheet(workbook, data);
  addThemesSheet(workbook, data, themes);
  addPrioritiesSheet(workbook, data);
  addChangesSheet(workbook, data);
  addChangedActivitiesSheet(workbook, data);
  addPartiesSheet(workbook, data);
  addMonthsSheet(workbook, chosen, planNames);
  const planIndex = new Map(chosen.map((doc, i) => [doc, i]));
  addActivitiesSheet(
    workbook,
    chosen,
    {
      columns: [
        { header: "Вид дейност", width: 18 },
        { header: "Тема", width: 22 },
        { header: "Всички теми", width: 28 },
      ],
      cells: (doc, _row, index) => {
        const t: ActivityThemes = tags[planIndex.get(doc)!][index];
        return [t.type ?? NO_TYPE, t.topic ?? NO_TOPIC, t.topics.length > 0 ? t.topics.join("; ") : null];
      },
    },
    opts,
  );
  addDocumentsSheet(workbook, docs);
  addWarningsSheet(workbook, docs);
  return workbook;
}

/** Write the comparison workbook to `path` (atomically). */
export async function writeComparisonWorkbook(docs: PlanDocument[], path: string, opts: ComparisonOptions = {}): Promise<void> {
  await writeWorkbookFile(buildComparisonWorkbook(docs, opts), path);
}
