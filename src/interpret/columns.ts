/**
 * Column roles from header text: which grid column holds the number, the activity, the deadline, …
 * Works over one or two header rows, in any column order; unknown columns are kept as "extra".
 */
import type { Grid, GridRow } from "../extract/grid.js";

export type ColumnRole =
  | "number"
  | "measure"
  | "activity"
  | "deadline"
  | "unit"
  | "current"
  | "target"
  | "expected"
  | "financing"
  | "source"
  | "responsible"
  | "partners"
  | "month"
  | "note"
  | "extra";

export interface ColumnMap {
  /** Role of each grid column (index = grid column). */
  roles: ColumnRole[];
  /** Header text of each grid column (group header and sub-header joined with " / "). */
  headers: string[];
  /** How many leading rows of the grid are header rows. */
  headerRowCount: number;
  /** Each header row's cells as header keys (headerKey), to recognise the row when it repeats. */
  headerSignature: string[][];
}

/** Lower case, no punctuation or extra spaces: the form header words are compared in. */
export function headerKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/\u00ad/g, "")
    .replace(/[-‐‑]\s+/g, "")
    .replace(/[^\p{L}\p{N}№%]+/gu, " ")
    .trim();
}

interface RoleRule {
  role: ColumnRole;
  test: (key: string) => boolean;
}

/**
 * The header words of real plans, by the field they fill (documented in the README, "What works").
 * Keys are compared in headerKey form (lower case, punctuation as spaces). Order matters: the
 * first rule that matches decides.
 *
 * - number: "№", "№ по ред", "No", "Номер"
 * - unit / current / target: "Мерна единица", "Текуща (базова, изходна) стойност", "Целева (очаквана) стойност"
 * - expected (indicator.expected): "Очакван резултат", "Очаквани резултати", "Индикатор(и) за изпълнение"
 * - deadline: "Срок", "Срок за изпълнение", "Срокове"
 * - month (the deadline when there is no deadline column, else extra): "Месец", "Период", "Време на провеждане"
 * - source (financing, after the amount): "Източник на финансиране", "Източници на финансиране"
 * - financing (amount): "Финансиране", "Финансиране (лв.)", "Бюджет", "Бюджет (лв.)", "Необходими средства", "Сума", "Ресурси"
 * - responsible: "Отговорник", "Отговорници", "Отговорни институции", "Отговорни лица", "Отговорна институция", "Изпълнител(и)"
 * - partners (responsible, after the responsible column): "Партньори"
 * - note: "Забележка", "Бележки", "Коментар(и)"; measure: "Мярка", "Мерки"
 * - activity: "Дейност", "Дейности", "Мерки и дейности", "Цели/мерки/дейности по:", "Задачи", "Мероприятия"
 */
const ROLE_RULES: RoleRule[] = [
  { role: "number", test: (k) => /^(№|no|n|номер|пореден номер)( по ред)?$/.test(k) || /^№/.test(k) },
  { role: "unit", test: (k) => /мерна единица|^единица/.test(k) },
  { role: "current", test: (k) => /текуща стойност|базова стойност|изходна стойност/.test(k) },
  { role: "target", test: (k) => /целева стойност|очаквана стойност/.test(k) },
  { role: "source", test: (k) => /^източни(к|ци) (на|за) финансиране/.test(k) },
  { role: "expected", test: (k) => /очаквани резултати|очакван резултат|резултат|индикатор/.test(k) },
  { role: "deadline", test: (k) => /^срок|срок за изпълнение/.test(k) },
  { role: "month", test: (k) => /^месец|^период|^време/.test(k) },
  { role: "financing", test: (k) => /финансиране|^бюджет|ресурси|необходими средства|^сума/.test(k) },
  { role: "partners", test: (k) => /^партньор/.test(k) },
  { role: "responsible", test: (k) => /отговорн|изпълнител|^отговаря/.test(k) },
  { role: "note", test: (k) => /^забележк|^бележк|^коментар/.test(k) },
  { role: "measure", test: (k) => /^(мярка|мерки)$/.test(k) },
  { role: "activity", test: (k) => /дейност|мерки|^цели|^задачи|^мероприят/.test(k) },
];

export function roleOfHeader(text: string): ColumnRole | null {
  const key = headerKey(text);
  if (!key) return null;
  for (const rule of ROLE_RULES) if (rule.test(key)) return rule.role;
  return null;
}

function cellKeys(row: GridRow): string[] {
  return row.cells.map((c) => headerKey(c.lines.join(" ")));
}

/**
 * Whether the row's cells are the header row's keys, read cell by cell up to the first that differs
 * (a data row differs at once, and its long cells are never keyed).
 */
function hasSignature(row: GridRow, signature: string[]): boolean {
  return signature.length === row.cells.length && row.cells.every((c, i) => headerKey(c.lines.join(" ")) === signature[i]);
}

/**
 * A cell that holds a value, not a header word: long text, a date or a year, a month range.
 * A data row is never taken for a header (a header row has header words, not a deadline and a party).
 */
function isValueText(text: string): boolean {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > 80 || /\d{4}|\d{1,2}\.\d{1,2}\./.test(t);
}

/** How many header roles a row's cells name (a header row names at least two). */
function headerScore(row: GridRow): number {
  let n = 0;
  let values = 0;
  for (const cell of row.cells) {
    const text = cell.lines.join(" ");
    if (isValueText(text)) values++;
    else if (roleOfHeader(text)) n++;
  }
  return values > 0 ? 0 : n;
}

/**
 * Find the header rows of a grid and the role of every column. Returns null when the grid has no
 * header that names at least an activity column (then it is not a plan table).
 */
export function mapColumns(grid: Grid): ColumnMap | null {
  // The header starts at the first row (among the first few) that names two or more roles.
  let start = -1;
  const scan = Math.min(grid.rows.length, 8);
  for (let i = 0; i < scan; i++) {
    if (headerScore(grid.rows[i]) >= 2) {
      start = i;
      break;
    }
  }
  if (start < 0) return null;

  // Header rows: the first one, plus following rows marked as header or that carry sub-headers
  // under a group header (a cell spanning several columns).
  let end = start + 1;
  while (end < grid.rows.length && end < start + 3) {
    const row = grid.rows[end];
    const prev = grid.rows[end - 1];
    const prevHasGroup = prev.cells.some((c) => c.colSpan > 1 && roleOfHeader(c.lines.join(" ")));
    const prevSpansDown = prev.cells.some((c) => c.rowSpan > 1);
    if ((row.header || prevHasGroup || prevSpansDown) && headerScore(row) >= 1 && !looksLikeData(row)) end++;
    else break;
  }

  const headers: string[] = Array.from({ length: grid.columns }, () => "");
  const groupOf: (string | null)[] = Array.from({ length: grid.columns }, () => null);
  const subOf: (string | null)[] = Array.from({ length: grid.columns }, () => null);
  // The lowest header cell over each column, to tell one wide header from two equal headers.
  const headerCellOf: (object | null)[] = Array.from({ length: grid.columns }, () => null);
  for (let r = start; r < end; r++) {
    for (const cell of grid.rows[r].cells) {
      for (let c = cell.col; c < Math.min(grid.columns, cell.col + cell.colSpan); c++) headerCellOf[c] = cell;
      const text = cell.lines.join(" ").replace(/\s+/g, " ").trim();
      if (!text) continue;
      for (let c = cell.col; c < Math.min(grid.columns, cell.col + cell.colSpan); c++) {
        if (cell.colSpan > 1 && end - start > 1 && r < end - 1) groupOf[c] = text;
        else subOf[c] = subOf[c] ? `${subOf[c]} ${text}` : text;
      }
    }
  }
  const roles: ColumnRole[] = [];
  for (let c = 0; c < grid.columns; c++) {
    const parts = [groupOf[c], subOf[c]].filter((p): p is string => !!p);
    headers[c] = parts.join(" / ");
    const role = (subOf[c] && roleOfHeader(subOf[c]!)) || (groupOf[c] && roleOfHeader(groupOf[c]!)) || null;
    roles.push(role ?? "extra");
  }
  if (!roles.includes("activity")) return null;
  // A month or period column stands for the deadline only when the plan has no deadline column.
  if (roles.includes("deadline")) for (let c = 0; c < roles.length; c++) if (roles[c] === "month") roles[c] = "extra";
  // Only one column per single-valued role: later duplicates become extra, except the columns
  // under one and the same header cell (a "№" cell over two grid columns).
  const seen = new Set<ColumnRole>();
  for (let c = 0; c < roles.length; c++) {
    const role = roles[c];
    if (role === "extra") continue;
    if (seen.has(role) && !(c > 0 && roles[c - 1] === role && headerCellOf[c] !== null && headerCellOf[c] === headerCellOf[c - 1])) {
      roles[c] = "extra";
    }
    seen.add(role);
  }
  const headerSignature = grid.rows.slice(start, end).map(cellKeys);
  return { roles, headers, headerRowCount: end, headerSignature };
}

/** A row that starts with a row number or a date is data, not a header continuation. */
function looksLikeData(row: GridRow): boolean {
  const first = row.cells[0]?.lines.join(" ").trim() ?? "";
  return /^\d+(\.\d+)*\.?$/.test(first) && first.length > 0 && row.cells.length > 2 && headerScore(row) < 2;
}

/** Whether a row repeats the table header (a repeated header row on a later page). */
export function isRepeatedHeader(row: GridRow, map: ColumnMap): boolean {
  if (map.headerSignature.some((signature) => hasSignature(row, signature))) return true;
  // A row whose every non-empty cell is a header word of the same column is a header too.
  const nonEmpty = row.cells.filter((c) => c.lines.join("").trim());
  if (nonEmpty.length < 2) return false;
  return nonEmpty.every((c) => roleOfHeader(c.lines.join(" ")) !== null && headerKey(c.lines.join(" ")).length < 60);
}
