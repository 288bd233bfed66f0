/**
 * Table fragments of all pages → grids. A fragment that starts a page and whose columns match the
 * table that ended the previous page continues that table; its leading rows that repeat the table's
 * first rows (a repeated header) are dropped and the first remaining row is marked afterPageBreak.
 */
import type { Grid, GridCell, GridRow } from "../../grid.js";
import type { Fragment, FragmentCell } from "./lattice.js";
import { clusterValues } from "./lattice.js";
import { buildLines } from "./text-lines.js";
import { glyphExtent } from "./glyph-extent.js";
import {
  CELL_EDGE_PT,
  COLUMN_MATCH_PT,
  FRAME_MATCH_FACTOR,
  HEADER_TEXT_SHARE,
  SHARED_EDGES_AFTER_TEXT_SHARE,
  SHARED_EDGES_SHARE,
} from "../tolerances.js";

/** Position of a thing in document order. */
export interface DocPos {
  page: number;
  y: number;
}

export interface AssembledTable {
  grid: Grid;
  kind: Fragment["kind"];
  start: DocPos;
  end: DocPos;
}

function edgesOf(f: Fragment): number[] {
  return clusterValues(
    f.cells.flatMap((c) => [c.x0, c.x1]),
    CELL_EDGE_PT,
  );
}

/** Whether fragment `next` has the columns of `prev` (same frame, most inner edges shared). */
export function sameColumns(prev: Fragment, next: Fragment, share = SHARED_EDGES_SHARE): boolean {
  const tol = COLUMN_MATCH_PT;
  if (Math.abs(prev.box.x0 - next.box.x0) > tol * FRAME_MATCH_FACTOR || Math.abs(prev.box.x1 - next.box.x1) > tol * FRAME_MATCH_FACTOR)
    return false;
  const a = edgesOf(prev);
  const b = edgesOf(next);
  const shared = b.filter((x) => a.some((y) => Math.abs(x - y) <= tol)).length;
  return shared >= Math.max(2, Math.ceil(Math.max(a.length, b.length) * share));
}

interface BuiltCell {
  cell: GridCell;
  x0: number;
  x1: number;
  r0: number;
  r1: number;
}

interface BuiltFragment {
  fragment: Fragment;
  rows: { cells: BuiltCell[]; y: number }[];
}

function rowEdges(f: Fragment): number[] {
  return clusterValues(
    f.cells.flatMap((c) => [c.y0, c.y1]),
    CELL_EDGE_PT,
  );
}

function nearestIndex(edges: number[], v: number): number {
  let best = 0;
  for (let i = 1; i < edges.length; i++) if (Math.abs(edges[i] - v) < Math.abs(edges[best] - v)) best = i;
  return best;
}

function cellLines(c: FragmentCell): { lines: string[]; bold: boolean; italic: boolean } {
  const lines = buildLines(c.items);
  return {
    lines: lines.map((l) => l.text),
    bold: lines.length > 0 && lines.every((l) => l.bold),
    italic: lines.length > 0 && lines.every((l) => l.italic),
  };
}

/** The cell's area on its page, widened to enclose its glyphs (a borderless cell's text may stick out). */
function cellBox(page: number, c: FragmentCell): { page: number; x0: number; y0: number; x1: number; y1: number } {
  let { x0, y0, x1, y1 } = c;
  for (const it of c.items) {
    if (!it.str.trim()) continue;
    const e = glyphExtent(it);
    x0 = Math.min(x0, e.x0);
    x1 = Math.max(x1, e.x1);
    y0 = Math.min(y0, e.y0);
    y1 = Math.max(y1, e.y1);
  }
  const r = (v: number): number => Math.round(v * 100) / 100;
  return { page, x0: r(x0), y0: r(y0), x1: r(x1), y1: r(y1) };
}

function buildFragment(f: Fragment): BuiltFragment {
  const ys = rowEdges(f);
  const rows: { cells: BuiltCell[]; y: number }[] = ys.slice(0, -1).map((y) => ({ cells: [], y }));
  for (const c of f.cells) {
    const r0 = nearestIndex(ys, c.y0);
    const r1 = Math.max(r0 + 1, nearestIndex(ys, c.y1));
    const { lines, bold, italic } = cellLines(c);
    const cell: GridCell = { col: 0, colSpan: 1, rowSpan: r1 - r0, lines, pages: lines.length > 0 ? [f.page] : [] };
    cell.boxes = [cellBox(f.page, c)];
    if (bold) cell.bold = true;
    if (italic) cell.italic = true;
    rows[Math.min(r0, rows.length - 1)].cells.push({ cell, x0: c.x0, x1: c.x1, r0, r1 });
  }
  return { fragment: f, rows: rows.filter((r) => r.cells.length > 0) };
}

function rowSignature(cells: BuiltCell[]): string {
  return cells
    .map((c) => c.cell.lines.join(" "))
    .join("|")
    .replace(/\s+/g, "")
    .toLowerCase();
}

/**
 * Groups fragments (document order) into tables. A fragment continues the table of the page before
 * when it is the next page's first and has its columns, and no text stands between the two; text
 * after the table on the earlier page (a note) is allowed when every column edge matches.
 */
export function groupFragments(
  fragments: Fragment[],
  textBetween: (a: Fragment, b: Fragment) => { after: boolean; before: boolean },
): Fragment[][] {
  const groups: Fragment[][] = [];
  for (const f of fragments) {
    const cur = groups[groups.length - 1];
    const last = cur?.[cur.length - 1];
    const between = last ? textBetween(last, f) : { after: true, before: true };
    const continues =
      last !== undefined &&
      f.page === last.page + 1 &&
      f.kind === last.kind &&
      !between.before &&
      sameColumns(last, f) &&
      (!between.after || sameColumns(last, f, SHARED_EDGES_AFTER_TEXT_SHARE));
    if (continues) {
      cur.push(f);
    } else groups.push([f]);
  }
  return groups;
}

/** One table (its fragments in page order) → a Grid. */
export function buildGrid(fragments: Fragment[]): AssembledTable {
  const built = fragments.map(buildFragment);
  const xs = clusterValues(
    built.flatMap((b) => b.rows.flatMap((r) => r.cells.flatMap((c) => [c.x0, c.x1]))),
    CELL_EDGE_PT,
  );
  for (const b of built) {
    for (const r of b.rows) {
      for (const c of r.cells) {
        const c0 = nearestIndex(xs, c.x0);
        const c1 = Math.max(c0 + 1, nearestIndex(xs, c.x1));
        c.cell.col = c0;
        c.cell.colSpan = c1 - c0;
      }
      r.cells.sort((a, b2) => a.cell.col - b2.cell.col);
    }
  }
  const rows: GridRow[] = [];
  const first = built[0];
  // Header rows of the first fragment: those repeated on later pages, else a bold first row.
  let headerCount = 0;
  const firstSigs = first.rows.map((r) => rowSignature(r.cells));
  const dropCounts: number[] = built.map(() => 0);
  for (let k = 1; k < built.length; k++) {
    let n = 0;
    while (
      n < built[k].rows.length &&
      n < firstSigs.length - 1 &&
      firstSigs[n].length > 0 &&
      rowSignature(built[k].rows[n].cells) === firstSigs[n]
    ) {
      n++;
    }
    dropCounts[k] = n;
    headerCount = Math.max(headerCount, n);
  }
  if (headerCount === 0 && first.rows.length > 1) {
    const top = first.rows[0].cells;
    const withText = top.filter((c) => c.cell.lines.length > 0);
    if (withText.length >= 2 && withText.every((c) => c.cell.bold) && withText.length >= Math.ceil(top.length * HEADER_TEXT_SHARE)) {
      headerCount = Math.max(...top.map((c) => c.cell.rowSpan));
      headerCount = Math.min(headerCount, first.rows.length - 1);
    }
  }
  built.forEach((b, k) => {
    const page = b.fragment.page;
    const kept = b.rows.slice(dropCounts[k]);
    kept.forEach((r, i) => {
      rows.push({
        cells: r.cells.map((c) => c.cell),
        header: k === 0 && i < headerCount,
        page,
        afterPageBreak: k > 0 && i === 0,
      });
    });
  });
  const lastF = fragments[fragments.length - 1];
  return {
    grid: { columns: Math.max(1, xs.length - 1), rows },
    kind: fragments[0].kind,
    start: { page: fragments[0].page, y: fragments[0].box.y0 },
    end: { page: lastF.page, y: lastF.box.y1 },
  };
}
