/**
 * Borderless tables ("stream"): no ruling lines, only aligned text.
 *
 * 1. Lines of the page (items grouped by baseline).
 * 2. Column starts: left edges of items that begin after a wide gap (or a line start) and that line
 *    up, within a small tolerance, on many lines.
 * 3. The table region: from the first to the last line with text in two or more columns, plus the
 *    continuation lines just below it.
 * 4. Rows: a row starts where the first (number) column has text, at a line that crosses columns
 *    (a heading), or after a vertical gap wider than the usual line step.
 * Items wider than their column that run into an empty next column make a spanning cell.
 */
import { clusterValues, type Box, type Fragment, type FragmentCell } from "./lattice.js";
import type { PageContent, TextItem } from "../page-content.js";
import {
  ALIGN_PT,
  COLUMN_GAP_EM,
  COLUMN_SUPPORT_SHARE,
  CROSSING_FACTOR,
  CROSSING_SHARE,
  DEFAULT_EM_PT,
  DEFAULT_LINE_STEP_EM,
  HEADING_GAP_STEPS,
  LAST_ROW_DESCENT_PT,
  LINE_STEP_MAX_EM,
  LINE_STEP_MIN_EM,
  LINE_STEP_QUANTILE,
  MIN_DENIED_COLUMN_SUPPORT,
  MIN_STREAM_ITEMS,
  MIN_STREAM_TABLE_LINES,
  NUMBER_COLUMN_SHARE,
  ROW_GAP_STEPS,
  SAME_COLUMN_EM,
  SHORT_NUMBER_CHARS,
  SPAN_OVERRUN_EM,
  TITLE_SPLIT_EM,
} from "../tolerances.js";
import { groupLines } from "./text-lines.js";

interface Line {
  items: TextItem[];
  y: number;
  size: number;
  x: number;
  x2: number;
}

function toLines(items: TextItem[]): Line[] {
  return groupLines(items).map((its) => {
    const main = its.reduce((a, b) => (b.str.length > a.str.length ? b : a));
    return { items: its, y: main.y, size: main.size, x: Math.min(...its.map((i) => i.x)), x2: Math.max(...its.map((i) => i.x2)) };
  });
}

/** Items of a line that start a chunk (first item, or after a column-wide gap). */
function chunkStarts(line: Line): TextItem[] {
  const out: TextItem[] = [];
  let prev: TextItem | null = null;
  for (const it of line.items) {
    if (!prev || it.x - prev.x2 > COLUMN_GAP_EM * Math.min(prev.size, it.size)) out.push(it);
    prev = prev && prev.x2 > it.x2 ? prev : it;
  }
  return out;
}

/** Column start positions supported by enough multi-chunk lines. */
/**
 * Column starts shared by all pages of a document (pages of one borderless table have the same
 * columns; a page with only a few table lines could not show them all by itself).
 */
export function documentColumnStarts(pages: { items: TextItem[] }[]): number[] {
  const lines = pages.flatMap((p) => toLines(p.items.filter((i) => i.str.trim().length > 0)));
  return columnStarts(lines);
}

function columnStarts(lines: Line[]): number[] {
  const multi = lines.filter((l) => chunkStarts(l).length >= 2);
  if (multi.length < 2) return [];
  const xs = multi.flatMap((l) => chunkStarts(l).map((i) => i.x));
  const clusters = clusterValues(xs, ALIGN_PT);
  const minSupport = Math.max(2, Math.ceil(multi.length * COLUMN_SUPPORT_SHARE));
  const candidates = clusters
    .map((c) => ({ x: c, n: multi.filter((l) => chunkStarts(l).some((i) => Math.abs(i.x - c) <= ALIGN_PT)).length }))
    .filter((c) => c.n >= minSupport);
  const crosses = (i: TextItem, x: number): boolean => i.x < x - ALIGN_PT * CROSSING_FACTOR && i.x2 > x + ALIGN_PT * CROSSING_FACTOR;
  // Text that runs across a supposed start (a centred header over a wide column) denies it.
  const firstPass = candidates.filter((c) => c.n >= lines.filter((l) => l.items.some((i) => crosses(i, c.x))).length * CROSSING_SHARE);
  // A start denied only by lines that also run across two accepted starts (headings spanning the
  // table, over a column that is mostly empty) is a column after all.
  const supported = candidates.filter((c) => {
    if (firstPass.includes(c)) return true;
    const crossing = lines.filter((l) =>
      l.items.some((i) => crosses(i, c.x) && firstPass.filter((o) => crosses(i, o.x)).length < 2),
    ).length;
    return c.n >= MIN_DENIED_COLUMN_SUPPORT && c.n >= crossing * CROSSING_SHARE;
  });
  // Two starts closer than a couple of ems are one column (a centred "№" over left-aligned numbers):
  // keep the better supported one.
  const em = multi[0]?.size ?? DEFAULT_EM_PT;
  const kept: { x: number; n: number }[] = [];
  for (const c of supported) {
    const last = kept[kept.length - 1];
    if (last && c.x - last.x < em * SAME_COLUMN_EM) {
      if (c.n > last.n) kept[kept.length - 1] = c;
    } else kept.push(c);
  }
  return kept.map((c) => c.x);
}

function columnOf(starts: number[], x: number): number {
  let c = 0;
  for (let i = 0; i < starts.length; i++) if (starts[i] <= x + ALIGN_PT) c = i;
  return c;
}

const NUMBER_LIKE = /^(?:\d+|[IVXLC]+)(?:\.\d+)*\.?$/u;

interface LineCells {
  line: Line;
  /** column → items */
  cols: Map<number, TextItem[]>;
  /** column → last column its text runs into */
  spanEnd: Map<number, number>;
}

function splitLine(line: Line, starts: number[]): LineCells {
  const cols = new Map<number, TextItem[]>();
  for (const it of line.items) {
    const c = columnOf(starts, it.x);
    let arr = cols.get(c);
    if (!arr) cols.set(c, (arr = []));
    arr.push(it);
  }
  const spanEnd = new Map<number, number>();
  for (const [c, its] of cols) {
    const right = Math.max(...its.map((i) => i.x2));
    let end = c;
    while (end + 1 < starts.length && right > starts[end + 1] + its[0].size * SPAN_OVERRUN_EM && !cols.has(end + 1)) end++;
    spanEnd.set(c, end);
  }
  return { line, cols, spanEnd };
}

export function findStreamTables(
  items: TextItem[],
  page: PageContent,
  sharedStarts?: number[],
): { fragments: Fragment[]; outside: TextItem[] } {
  const none = { fragments: [], outside: items };
  const visible = items.filter((i) => i.str.trim().length > 0);
  if (visible.length < MIN_STREAM_ITEMS) return none;
  const lines = toLines(visible);
  const starts = sharedStarts && sharedStarts.length >= 2 ? sharedStarts : columnStarts(lines);
  if (starts.length < 2) return none;

  const split = lines.map((l) => splitLine(l, starts));
  const isTableLine = (s: LineCells): boolean => s.cols.size >= 2;
  let first = split.findIndex(isTableLine);
  let last = split.length - 1;
  while (last >= 0 && !isTableLine(split[last])) last--;
  if (first < 0 || last <= first) return none;
  if (split.slice(first, last + 1).filter(isTableLine).length < MIN_STREAM_TABLE_LINES) return none;

  // The usual baseline step: between consecutive lines of one column (a header with vertically
  // centred cells interleaves the lines of different columns).
  const steps: number[] = [];
  for (let c = 0; c < starts.length; c++) {
    const ys = split
      .slice(first, last + 1)
      .filter((x) => x.cols.has(c))
      .map((x) => x.line);
    for (let k = 1; k < ys.length; k++) {
      const d = ys[k].y - ys[k - 1].y;
      if (d > ys[k].size * LINE_STEP_MIN_EM && d < ys[k].size * LINE_STEP_MAX_EM) steps.push(d);
    }
  }
  steps.sort((a, b) => a - b);
  const step = steps.length ? steps[Math.floor(steps.length * LINE_STEP_QUANTILE)] : split[first].line.size * DEFAULT_LINE_STEP_EM;
  const bigGap = step * ROW_GAP_STEPS;
  // Header lines just above the first table line (a cell title centred over several columns).
  const boldLine = (x: LineCells): boolean => x.line.items.every((i) => i.bold);
  while (
    first > 0 &&
    split[first].line.y - split[first - 1].line.y <= bigGap &&
    boldLine(split[first]) &&
    boldLine(split[first - 1]) &&
    split[first - 1].line.x > starts[0] + ALIGN_PT * CROSSING_FACTOR
  ) {
    first--;
  }
  // Continuation lines just below the last table line (the rest of its last row).
  while (last + 1 < split.length && split[last + 1].line.y - split[last].line.y <= bigGap && !split[last + 1].cols.has(0)) last++;

  const region = split.slice(first, last + 1);
  const col0 = region.map((s) => s.cols.get(0)).filter((x): x is TextItem[] => Boolean(x));
  const col0Texts = col0.map((its) =>
    its
      .map((i) => i.str)
      .join(" ")
      .trim(),
  );
  const numberColumn =
    col0Texts.length >= 2 &&
    col0Texts.filter((t) => NUMBER_LIKE.test(t) || t.length <= SHORT_NUMBER_CHARS).length >= col0Texts.length * NUMBER_COLUMN_SHARE;

  // Rows.
  const rows: LineCells[][] = [];
  // The table's header: the bold lines it starts with, up to the first numbered or plain line.
  let inHeader = region.length > 0 && region[0].line.items.every((i) => i.bold) && region[0].cols.size >= 1;
  for (let i = 0; i < region.length; i++) {
    const s = region[i];
    const prev = region[i - 1];
    if (inHeader && prev) {
      const c0 = (s.cols.get(0) ?? [])
        .map((it) => it.str)
        .join(" ")
        .trim();
      const stillHeader =
        s.line.items.every((it) => it.bold) &&
        !NUMBER_LIKE.test(c0) &&
        s.line.y - prev.line.y <= bigGap &&
        !(s.cols.size === 1 && [...s.spanEnd.values()][0] > [...s.spanEnd.keys()][0]);
      if (stillHeader) {
        rows[rows.length - 1].push(s);
        continue;
      }
      inHeader = false;
      rows.push([s]); // the body starts below the header
      continue;
    }
    const spans = [...s.spanEnd].some(([c, e]) => e > c);
    const prevSpans = prev ? [...prev.spanEnd].some(([c, e]) => e > c) : false;
    const gap = prev ? s.line.y - prev.line.y : Infinity;
    const allBold = (x: LineCells): boolean => x.line.items.every((i) => i.bold);
    // A header (bold, several columns) ends where the body text (not bold) begins.
    const rowStart = rows.length > 0 ? rows[rows.length - 1][0] : undefined;
    const headerEnds =
      prev !== undefined &&
      rowStart !== undefined &&
      rowStart.cols.size >= 2 &&
      rows[rows.length - 1].every(allBold) &&
      s.line.items.every((i) => !i.bold);
    const col0Text = (s.cols.get(0) ?? [])
      .map((i) => i.str)
      .join(" ")
      .trim();
    const rowSpansTable = rowStart !== undefined && [...rowStart.spanEnd].some(([c, e]) => e > c && rowStart.cols.size <= 2);
    const newRow =
      !prev ||
      // With a number column, rows start at numbers; a wider gap alone (paragraphs of one cell)
      // starts a row only where the weight of the text changes.
      (gap > bigGap && (!numberColumn || allBold(s) !== allBold(prev) || rowSpansTable || rows[rows.length - 1].every(allBold))) ||
      headerEnds ||
      (numberColumn && s.cols.has(0) && NUMBER_LIKE.test(col0Text)) ||
      (spans && s.cols.size === 1 && !prevSpans) ||
      // after a heading that spans the table, a line that does not span and is not at the heading's
      // own line step ("Дейности:") starts a row; the heading's last short line does not
      (prevSpans && !spans && prev.cols.size <= 2 && (gap > step * HEADING_GAP_STEPS || s.cols.size > 1));
    if (newRow) rows.push([s]);
    else rows[rows.length - 1].push(s);
  }

  const right = Math.max(...region.map((s) => s.line.x2));
  const colX0 = (c: number): number => (c === 0 ? Math.min(starts[0], ...region.map((s) => s.line.x)) : starts[c] - ALIGN_PT);
  const colX1 = (c: number): number => (c + 1 < starts.length ? starts[c + 1] - ALIGN_PT : right);
  const cells: FragmentCell[] = [];
  const top = (r: LineCells[]): number => Math.min(...r.flatMap((s) => s.line.items.map((i) => i.y - i.size)));
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    const y0 = k === 0 ? top(r) : (top(r) + Math.max(...rows[k - 1].map((s) => s.line.y))) / 2;
    const y1 =
      k + 1 < rows.length
        ? (top(rows[k + 1]) + Math.max(...r.map((s) => s.line.y))) / 2
        : Math.max(...r.map((s) => s.line.y)) + LAST_ROW_DESCENT_PT;
    // A title over several columns whose own headings sit below it ("Индикатори за изпълнение"
    // over "Мерна единица | Текуща | Целева"): two grid rows, the other columns span both.
    const group = groupTitle(r);
    if (group) {
      const { line, c, e } = group;
      const splitY = line.line.y + line.line.size * TITLE_SPLIT_EM;
      const own = (s: LineCells, j: number): TextItem[] => (s === line && j >= c && j <= e ? [] : (s.cols.get(j) ?? []));
      const titleItems: TextItem[] = [];
      for (let j = c; j <= e; j++) titleItems.push(...(line.cols.get(j) ?? []));
      cells.push({ x0: colX0(c), x1: colX1(e), y0, y1: splitY, items: titleItems });
      for (let j = 0; j < starts.length; j++) {
        const its = r.flatMap((s) => own(s, j));
        if (j >= c && j <= e) cells.push({ x0: colX0(j), x1: colX1(j), y0: splitY, y1, items: its });
        else cells.push({ x0: colX0(j), x1: colX1(j), y0, y1, items: its });
      }
      continue;
    }
    // Column spans of the row: decided by its first line that has the column.
    const spanOf = new Map<number, number>();
    for (const s of r) for (const [c, e] of s.spanEnd) if (!spanOf.has(c)) spanOf.set(c, e);
    const covered = new Set<number>();
    for (const [c, e] of [...spanOf].sort((a, b) => a[0] - b[0])) {
      if (covered.has(c)) continue;
      for (let j = c + 1; j <= e; j++) covered.add(j);
    }
    for (let c = 0; c < starts.length; c++) {
      if (covered.has(c)) continue;
      const end = spanOf.get(c) ?? c;
      const its = r.flatMap((s) => {
        const out: TextItem[] = [];
        for (let j = c; j <= end; j++) out.push(...(s.cols.get(j) ?? []));
        return out;
      });
      cells.push({ x0: colX0(c), x1: colX1(end), y0, y1, items: its });
    }
  }
  function groupTitle(r: LineCells[]): { line: LineCells; c: number; e: number } | null {
    if (r.length < 2) return null;
    for (const line of r) {
      for (const [c, e] of line.spanEnd) {
        if (e <= c) continue;
        const below = r.some((s) => s !== line && s.line.y > line.line.y && [...s.cols.keys()].some((j) => j > c && j <= e));
        if (below) return { line, c, e };
      }
    }
    return null;
  }
  const box: Box = { x0: colX0(0), x1: right, y0: Math.min(...cells.map((c) => c.y0)), y1: Math.max(...cells.map((c) => c.y1)) };
  const inTable = new Set(region.flatMap((s) => s.line.items));
  return {
    fragments: [{ kind: "stream", page: page.number, box, cells }],
    outside: items.filter((i) => !inTable.has(i)),
  };
}
