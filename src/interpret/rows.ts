/**
 * Grid → raw plan rows: headings become sections, separator rows are skipped, rows cut by a page
 * break are joined cell by cell, repeated header rows are dropped. Text stays as lines here; it is
 * cleaned and normalised afterwards.
 */
import type { Grid, GridCell, GridRow } from "../extract/grid.js";
import { message, type Message } from "../model/messages.js";
import type { Box, Section } from "../model/schema.js";
import { isRepeatedHeader, type ColumnMap, type ColumnRole } from "./columns.js";
import {
  SectionPath,
  hasHeadingLabel,
  headingLevel,
  isSeparatorText,
  looksLikeHeading,
  numberDepth,
  parseHeading,
  partsLevel,
  splitHeading,
} from "./headings.js";
import { cellBoxes, mergeBoxes } from "./row-boxes.js";

export interface RawRow {
  number: string | null;
  sections: Section[];
  /** Lines per role (for "extra": per header text). */
  lines: Partial<Record<Exclude<ColumnRole, "extra">, string[]>>;
  extra: Record<string, string[]>;
  pages: number[];
  /** Page on which the row starts (PDF), for warnings. */
  page: number | null;
  /** PDF: the row's area on each page (its cells but a merged side cell); [] for DOCX. */
  boxes: Box[];
  /** Index in the grid's rows of the row the plan row starts in. */
  gridRow: number;
  /** Index of the row's table among the document's tables (CollectOptions.table; 0 when not given). */
  table: number;
}

type Cleaner = (lines: string[]) => string;

const NUMBER_RE = /^(\d+(?:\.\d+)*)\.?$/;

function cellText(cell: GridCell | undefined): string {
  return cell ? cell.lines.join(" ").replace(/\s+/g, " ").trim() : "";
}

function pushLines(target: string[] | undefined, lines: string[]): string[] {
  return [...(target ?? []), ...lines.filter((l) => l.trim() !== "")];
}

interface RowView {
  row: GridRow;
  /** Index of the row in the grid's rows. */
  index: number;
  /** Cells by the role of their first column. */
  byRole: Map<ColumnRole, GridCell>;
  extras: { header: string; cell: GridCell }[];
  nonEmpty: GridCell[];
  /** A cell other than number/measure spanning most of the table. */
  spanning: GridCell | null;
}

function viewRow(row: GridRow, index: number, map: ColumnMap): RowView {
  const byRole = new Map<ColumnRole, GridCell>();
  const extras: { header: string; cell: GridCell }[] = [];
  let spanning: GridCell | null = null;
  const dataColumns = map.roles.filter((r) => r !== "number" && r !== "measure").length;
  const activityCol = map.roles.indexOf("activity");
  for (const cell of row.cells) {
    const role = roleOfCell(cell, map);
    const wide = cell.colSpan >= Math.max(2, Math.ceil(dataColumns * 0.6)) && cellText(cell) !== "";
    // A merged cell from the number (or measure) column over the activity column is a heading
    // that holds its number, label and title together, not a number.
    const overActivity = activityCol > cell.col && activityCol < cell.col + cell.colSpan;
    if ((role === "number" || role === "measure") && wide && overActivity) {
      spanning = cell;
      byRole.set("activity", cell);
      continue;
    }
    if (role === "extra") extras.push({ header: map.headers[cell.col] || `Колона ${cell.col + 1}`, cell });
    else if (!byRole.has(role)) byRole.set(role, cell);
    if (role !== "number" && role !== "measure" && wide) {
      spanning = cell;
    }
  }
  const nonEmpty = row.cells.filter((c) => cellText(c) !== "");
  return { row, index, byRole, extras, nonEmpty, spanning };
}

/**
 * The role of a cell: that of its first column, or — for a cell that starts in a column without
 * a header (a borderless table's columns shift from page to page) — of the first headed column it covers.
 */
function roleOfCell(cell: GridCell, map: ColumnMap): ColumnRole {
  const own = map.roles[cell.col] ?? "extra";
  if (own !== "extra" || map.headers[cell.col]) return own;
  for (let c = cell.col + 1; c < cell.col + cell.colSpan && c < map.roles.length; c++) {
    if (map.roles[c] !== "extra") return map.roles[c];
    if (map.headers[c]) break;
  }
  return own;
}

/** Deepest row number among rows that carry more than a number and an activity: the activity level. */
function activityDepth(views: RowView[]): number {
  let depth = 0;
  for (const v of views) {
    const num = cellText(v.byRole.get("number")).replace(/\.$/, "");
    const others = v.nonEmpty.filter((c) => c !== v.byRole.get("number") && c !== v.byRole.get("activity"));
    if (NUMBER_RE.test(num) && others.length > 0 && !v.spanning) depth = Math.max(depth, numberDepth(num));
  }
  return depth;
}

export interface RowsResult {
  rows: RawRow[];
  /** Placed on their page; the caller adds the table. */
  messages: Message[];
}

export interface CollectOptions {
  /**
   * The document's open headings, shared across tables and paragraphs. When given, the rows keep
   * the live section objects (the caller copies them); otherwise the table has its own path.
   */
  path?: SectionPath;
  /**
   * The last row of the table this one continues on a new page: the first rows may be its rest
   * (a row cut by the page break), joined to it as within one table.
   */
  previous?: RawRow;
  /** Index of the table among the document's tables, written to every row. */
  table?: number;
}

/** Roles whose merged cell (a month or deadline over several rows) applies to every row it spans. */
const CARRIED: ColumnRole[] = ["deadline", "month"];

/**
 * Walk one table's grid. `clean` turns a cell's lines into cleaned text (used for heading titles).
 */
export function collectRows(grid: Grid, map: ColumnMap, clean: Cleaner, options: CollectOptions = {}): RowsResult {
  const warnings: Message[] = [];
  const rows: RawRow[] = [];
  const path = options.path ?? new SectionPath();
  const carried = new Map<ColumnRole, { cell: GridCell; lastRow: number }>();
  /** Cells standing for a merged cell above: not joined again when their row continues another. */
  const carriedCopies = new WeakSet<GridCell>();
  const views = grid.rows.slice(map.headerRowCount).map((r, i) => viewRow(r, map.headerRowCount + i, map));
  const actDepth = activityDepth(views);
  const hasNumberColumn = map.roles.includes("number");
  const hasDeadlineColumn = map.roles.includes("deadline");
  // A deadline column, or a month column standing for it (kindergarten plans): the rows carry dates.
  const hasDateColumn = hasDeadlineColumn || map.roles.includes("month");
  let measureLevel: number | null = null;
  if (options.previous) rows.push(options.previous);
  let lastWasRow = options.previous !== undefined;
  let lastWasHeading = false;
  // A page break before a repeated header row applies to the first row after that header.
  let pendingBreak = options.previous !== undefined;

  // In a borderless table a month column's empty cell is the lower part of a merged month cell:
  // the month above applies, until the next heading.
  const carryEmptyMonths = grid.borderless === true && map.roles.includes("month") && !map.roles.includes("deadline");
  views.forEach((v, i) => {
    for (const role of CARRIED) {
      const cell = v.byRole.get(role);
      if (v.spanning) {
        carried.delete(role);
        continue;
      }
      if (cell && cellText(cell) && (cell.rowSpan > 1 || (carryEmptyMonths && role === "month"))) {
        carried.set(role, { cell, lastRow: cell.rowSpan > 1 ? i + cell.rowSpan - 1 : Infinity });
      } else if (carried.has(role) && carried.get(role)!.lastRow >= i && (!cell || !cellText(cell))) {
        if (!cellText(v.byRole.get("activity")) || isRepeatedHeader(v.row, map)) continue;
        const copy = { ...carried.get(role)!.cell, pages: [] };
        carriedCopies.add(copy);
        v.byRole.set(role, copy);
      }
    }
  });

  for (const v of views) {
    const { row } = v;
    pendingBreak ||= row.afterPageBreak;
    if (isRepeatedHeader(row, map)) continue;
    const afterBreak = pendingBreak;
    pendingBreak = false;
    const numberCell = v.byRole.get("number");
    const numberText = numberOf(numberCell);
    const number = numberText || null;

    // A merged side cell ("Мярка 2: …") opens a section over the rows it groups.
    const measureCell = v.byRole.get("measure");
    const measureText = measureCell ? clean(measureCell.lines) : "";
    let measureContinued = false;
    if (measureCell && measureText) {
      const heading = parseHeading(measureText);
      const current = path.last();
      if (afterBreak && !hasHeadingLabel(measureText) && current && measureLevel !== null && path.lastLevel() === measureLevel) {
        // The merged cell was cut by the page break: its text goes on.
        current.title = clean([current.title, ...measureCell.lines]);
        measureContinued = true;
      } else {
        measureLevel = headingLevel(null, heading.rank === null ? { ...heading, rank: 4 } : heading);
        path.push({ number: null, label: heading.label, title: heading.title }, measureLevel);
      }
    }

    const content = v.nonEmpty.filter((c) => c !== measureCell && c !== numberCell);
    if (content.length === 0) {
      pendingBreak = afterBreak;
      // A merged cell that alone runs onto the next page: that page is one of the last row's pages.
      if (measureContinued && lastWasRow && rows.length) {
        rows[rows.length - 1].pages = mergePages(rows[rows.length - 1].pages, measureCell!.pages);
        rows[rows.length - 1].boxes = mergeBoxes(rows[rows.length - 1].boxes, cellBoxes([measureCell!]));
      }
      if (number && !measureText) {
        warnings.push(message("row-number-only", `Row ${number} has a number and no text; skipped.`, { page: row.page }));
      }
      continue;
    }

    // Separator rows ("Дейности:") are neither rows nor sections.
    if (content.length === 1 && isSeparatorText(cellText(content[0]))) continue;

    const activityCell = v.byRole.get("activity");
    const only = content.length === 1 ? content[0] : null;
    const headingCell = v.spanning && only === v.spanning ? v.spanning : null;
    const headingByLabel =
      only &&
      only === activityCell &&
      hasHeadingLabel(cellText(only)) &&
      !(hasNumberColumn && numberDepth(number) >= actDepth && actDepth > 0);
    const headingByNumber =
      only && only === activityCell && number && NUMBER_RE.test(numberText) && actDepth > 0 && numberDepth(numberText) < actDepth;

    const prev = rows[rows.length - 1];
    const startsLower = /^[\p{Ll}]/u.test(cellText(activityCell ?? content[0]));
    const isContinuation =
      afterBreak &&
      lastWasRow &&
      prev !== undefined &&
      !(measureCell && measureText && hasHeadingLabel(measureText)) &&
      !(headingCell && looksLikeHeading(cellText(headingCell))) &&
      ((hasNumberColumn && !number && !headingCell) ||
        (!hasNumberColumn && hasDeadlineColumn && !cellText(v.byRole.get("deadline")) && (prev.lines.deadline?.length ?? 0) > 0) ||
        (!number && startsLower) ||
        // A number that wrapped in a narrow column and was cut by the page break ("20.1.2" / "2").
        (!!number && startsLower && NUMBER_RE.test(numberText) && actDepth > 0 && numberDepth(numberText) < actDepth && !headingCell));

    // A heading cut by the page break: its text goes on in the first row of the next page.
    if (afterBreak && lastWasHeading && !number && startsLower && content.length === 1 && path.last()) {
      const last = path.last()!;
      last.title = clean([last.title, ...content[0].lines]);
      continue;
    }

    if (isContinuation) {
      if (number) prev.number = (prev.number ?? "") + number;
      for (const [role, cell] of v.byRole) {
        if (role === "number" || role === "measure" || carriedCopies.has(cell)) continue;
        const key = role as Exclude<ColumnRole, "extra">;
        prev.lines[key] = pushLines(prev.lines[key], cell.lines);
      }
      for (const { header, cell } of v.extras) prev.extra[header] = pushLines(prev.extra[header], cell.lines);
      prev.pages = mergePages(prev.pages, rowPages(row));
      prev.boxes = mergeBoxes(prev.boxes, rowBoxes(row, measureCell));
      continue;
    }

    if (headingCell || headingByLabel || headingByNumber) {
      const cell = headingCell ?? only!;
      const text = clean(cell.lines);
      if (afterBreak && !number && startsLower && path.last()) {
        const last = path.last()!;
        last.title = clean([last.title, ...cell.lines]);
        continue;
      }
      if (number) {
        const heading = parseHeading(text);
        path.push({ number, label: heading.label, title: heading.title }, headingLevel(number, heading));
      } else {
        const parts = splitHeading(text);
        path.push({ number: parts.number, label: parts.label, title: parts.title }, partsLevel(parts));
      }
      lastWasRow = false;
      lastWasHeading = true;
      continue;
    }

    if (!activityCell || !cellText(activityCell)) {
      warnings.push(
        message(
          "row-without-activity",
          `A table row${number ? ` numbered ${number}` : ""} has no activity text; its cells were kept in the row before it.`,
          { page: row.page },
        ),
      );
      if (prev) {
        for (const [role, cell] of v.byRole) {
          if (role === "number" || role === "measure") continue;
          const key = role as Exclude<ColumnRole, "extra">;
          prev.lines[key] = pushLines(prev.lines[key], cell.lines);
        }
        prev.pages = mergePages(prev.pages, rowPages(row));
        prev.boxes = mergeBoxes(prev.boxes, rowBoxes(row, measureCell));
      }
      continue;
    }

    const raw: RawRow = {
      number,
      sections: path.current(),
      lines: {},
      extra: {},
      pages: rowPages(row),
      page: row.page,
      boxes: rowBoxes(row, measureCell),
      gridRow: v.index,
      table: options.table ?? 0,
    };
    for (const [role, cell] of v.byRole) {
      if (role === "number" || role === "measure") continue;
      raw.lines[role as Exclude<ColumnRole, "extra">] = pushLines(undefined, cell.lines);
    }
    for (const { header, cell } of v.extras) if (cellText(cell)) raw.extra[header] = pushLines(undefined, cell.lines);
    rows.push(raw);
    // A row with nothing but heading-like text ("2. Качество", "Цел: …") that did not qualify as a
    // heading is kept as a row, and the document is flagged for a check. Only in a table with a date
    // column (deadline or month), where a row without its date stands out.
    if (content.length === 1 && only === activityCell && !number && looksLikeHeading(cellText(only)) && hasDateColumn) {
      warnings.push(
        message(
          "skipped-heading",
          `The row "${cellText(only).slice(0, 80)}" looks like a heading but has the form of a table row (no merged cell); it was kept as a row.`,
          {
            page: row.page,
          },
        ),
      );
    }
    lastWasRow = true;
    lastWasHeading = false;
  }
  if (options.previous) rows.shift();
  // Rows shared their section objects while headings could still grow; give each its own copy.
  if (!options.path) for (const r of rows) r.sections = r.sections.map((s) => ({ ...s }));
  return { rows, messages: warnings };
}

/** The number cell as printed: lines of a number that wrapped are joined without a space ("20.1." + "22"). */
function numberOf(cell: GridCell | undefined): string {
  if (!cell) return "";
  const lines = cell.lines.map((l) => l.trim()).filter(Boolean);
  const joined = lines.every((l) => /^[\d.]+$/.test(l)) ? lines.join("") : lines.join(" ");
  return joined.replace(/\s+/g, " ").replace(/\.$/, "");
}

/** The row's area on each page (PDF): the union of its cells' boxes but the merged side cell's. */
function rowBoxes(row: GridRow, measureCell: GridCell | undefined): Box[] {
  return cellBoxes(measureCell ? row.cells.filter((c) => c !== measureCell) : row.cells);
}

function rowPages(row: GridRow): number[] {
  const pages = new Set<number>();
  for (const cell of row.cells) if (cellText(cell)) for (const p of cell.pages) pages.add(p);
  return [...pages].sort((a, b) => a - b);
}

function mergePages(a: number[], b: number[]): number[] {
  return [...new Set([...a, ...b])].sort((x, y) => x - y);
}
