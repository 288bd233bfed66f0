/**
 * Ruled tables ("lattice"): ruling segments → merged lines → connected groups of lines (one per
 * table) → grid edges → cells. Neighbouring grid cells with no ruling line between them are one
 * (spanning) cell.
 */
import { MAX_LATTICE_CELLS, MAX_RULING_LINES } from "../../../limits.js";
import { ConversionFailure } from "../../../model/messages.js";
import type { Segment, TextItem } from "../page-content.js";
import {
  ANCHOR_INSET_EM,
  CELL_PAD_PT,
  EDGE_COVERED_SHARE,
  EDGE_INSET_PT,
  GRID_EDGE_PT,
  LETTER_MIDDLE_EM,
  LINE_GAP_PT,
  LINE_MEET_PT,
  LINE_MERGE_PT,
  MIN_TABLE_HEIGHT_PT,
  MIN_TABLE_WIDTH_PT,
  SLIVER_PT,
} from "../tolerances.js";

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface FragmentCell extends Box {
  items: TextItem[];
}

/** A table as found on one page. */
export interface Fragment {
  kind: "lattice" | "stream";
  page: number;
  box: Box;
  cells: FragmentCell[];
}

export interface LatticeOptions {
  /** Lines whose positions differ by less than this are one line. */
  posTol?: number;
  /** Collinear pieces with a gap smaller than this are joined. */
  gapTol?: number;
  /** How far a line may stop short of another and still meet it. */
  meetTol?: number;
}

/** Merges collinear, overlapping or touching segments of one direction. */
export function mergeSegments(segs: Segment[], posTol = LINE_MERGE_PT, gapTol = LINE_GAP_PT): Segment[] {
  const sorted = [...segs].sort((a, b) => a.pos - b.pos);
  const clusters: Segment[][] = [];
  for (const s of sorted) {
    const last = clusters[clusters.length - 1];
    if (last && Math.abs(s.pos - last[last.length - 1].pos) <= posTol) last.push(s);
    else clusters.push([s]);
  }
  const out: Segment[] = [];
  for (const c of clusters) {
    const pos =
      c.reduce((a, s) => a + s.pos * (s.to - s.from), 0) /
      Math.max(
        1e-9,
        c.reduce((a, s) => a + (s.to - s.from), 0),
      );
    const thickness = Math.max(...c.map((s) => s.thickness));
    const byFrom = [...c].sort((a, b) => a.from - b.from);
    let cur: Segment | null = null;
    for (const s of byFrom) {
      if (cur && s.from <= cur.to + gapTol) cur.to = Math.max(cur.to, s.to);
      else {
        cur = { dir: s.dir, pos, from: s.from, to: s.to, thickness };
        out.push(cur);
      }
    }
  }
  return out;
}

function meets(h: Segment, v: Segment, tol: number): boolean {
  return v.pos >= h.from - tol && v.pos <= h.to + tol && h.pos >= v.from - tol && h.pos <= v.to + tol;
}

/** Clusters sorted values: values within `tol` of the previous one join its cluster; returns the means. */
export function clusterValues(values: number[], tol: number): number[] {
  const s = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of s) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1] <= tol) last.push(v);
    else out.push([v]);
  }
  return out.map((c) => c.reduce((a, b) => a + b, 0) / c.length);
}

class UnionFind {
  private parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]];
      i = this.parent[i];
    }
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** Length of [from,to] covered by the given segments (assumed merged, non-overlapping). */
function coverage(lines: Segment[], from: number, to: number): number {
  let c = 0;
  for (const l of lines) c += Math.max(0, Math.min(l.to, to) - Math.max(l.from, from));
  return c;
}

interface GridCellRange {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
}

/** Cells of one table from its lines: grid edges, then atomic cells merged where a line is missing. */
export function cellsFromLines(hs: Segment[], vs: Segment[], tol = GRID_EDGE_PT): { box: Box; cells: Box[] } | null {
  const x0 = Math.min(...vs.map((v) => v.pos), ...hs.map((h) => h.from));
  const x1 = Math.max(...vs.map((v) => v.pos), ...hs.map((h) => h.to));
  const y0 = Math.min(...hs.map((h) => h.pos), ...vs.map((v) => v.from));
  const y1 = Math.max(...hs.map((h) => h.pos), ...vs.map((v) => v.to));
  const xs = clusterValues([x0, x1, ...vs.map((v) => v.pos)], tol);
  const ys = clusterValues([y0, y1, ...hs.map((h) => h.pos)], tol);
  // The outer frame counts as drawn even where the producer left it out.
  xs[0] = x0;
  xs[xs.length - 1] = x1;
  ys[0] = y0;
  ys[ys.length - 1] = y1;
  const nc = xs.length - 1;
  const nr = ys.length - 1;
  if (nc < 1 || nr < 1) return null;
  if (nc * nr > MAX_LATTICE_CELLS) {
    throw new ConversionFailure("too-complex", `a ruled table of ${nr} × ${nc} cells, above the limit of ${MAX_LATTICE_CELLS} cells`);
  }
  const vAt = xs.map((x) => vs.filter((v) => Math.abs(v.pos - x) <= tol));
  const hAt = ys.map((y) => hs.filter((h) => Math.abs(h.pos - y) <= tol));
  const hasV = (xi: number, r: number): boolean => {
    const len = ys[r + 1] - ys[r];
    return coverage(vAt[xi], ys[r] + EDGE_INSET_PT, ys[r + 1] - EDGE_INSET_PT) >= Math.min(len * EDGE_COVERED_SHARE, len - 2 * tol);
  };
  const hasH = (yi: number, c: number): boolean => {
    const len = xs[c + 1] - xs[c];
    return coverage(hAt[yi], xs[c] + EDGE_INSET_PT, xs[c + 1] - EDGE_INSET_PT) >= Math.min(len * EDGE_COVERED_SHARE, len - 2 * tol);
  };
  const uf = new UnionFind(nr * nc);
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      if (c + 1 < nc && !hasV(c + 1, r)) uf.union(r * nc + c, r * nc + c + 1);
      if (r + 1 < nr && !hasH(r + 1, c)) uf.union(r * nc + c, (r + 1) * nc + c);
    }
  }
  const ranges = new Map<number, GridCellRange>();
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      const root = uf.find(r * nc + c);
      const g = ranges.get(root);
      if (!g) ranges.set(root, { r0: r, r1: r, c0: c, c1: c });
      else {
        g.r0 = Math.min(g.r0, r);
        g.r1 = Math.max(g.r1, r);
        g.c0 = Math.min(g.c0, c);
        g.c1 = Math.max(g.c1, c);
      }
    }
  }
  const cells: Box[] = [...ranges.values()]
    .map((g) => ({ x0: xs[g.c0], x1: xs[g.c1 + 1], y0: ys[g.r0], y1: ys[g.r1 + 1] }))
    // The strip between the two strokes of a double border is not a cell.
    .filter((c) => c.x1 - c.x0 >= SLIVER_PT && c.y1 - c.y0 >= SLIVER_PT);
  return { box: { x0, y0, x1, y1 }, cells };
}

/** Finds the ruled tables of a page. Items are not assigned here (see assignItems). */
export function findLatticeTables(
  horizontals: Segment[],
  verticals: Segment[],
  options: LatticeOptions = {},
): { box: Box; cells: Box[] }[] {
  const posTol = options.posTol ?? LINE_MERGE_PT;
  const gapTol = options.gapTol ?? LINE_GAP_PT;
  const meetTol = options.meetTol ?? LINE_MEET_PT;
  // Duplicates and collinear pieces are merged first, so only distinct lines are counted and paired.
  const hs = mergeSegments(horizontals, posTol, gapTol);
  const vs = mergeSegments(verticals, posTol, gapTol);
  if (hs.length > MAX_RULING_LINES || vs.length > MAX_RULING_LINES) {
    throw new ConversionFailure(
      "too-complex",
      `a page with ${hs.length} horizontal and ${vs.length} vertical ruling lines, above the limit of ${MAX_RULING_LINES} of each`,
    );
  }
  const n = hs.length + vs.length;
  const uf = new UnionFind(n);
  for (let i = 0; i < hs.length; i++) {
    for (let j = 0; j < vs.length; j++) {
      if (meets(hs[i], vs[j], meetTol)) uf.union(i, hs.length + j);
    }
  }
  const groups = new Map<number, { hs: Segment[]; vs: Segment[] }>();
  for (let i = 0; i < n; i++) {
    const root = uf.find(i);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { hs: [], vs: [] }));
    if (i < hs.length) g.hs.push(hs[i]);
    else g.vs.push(vs[i - hs.length]);
  }
  const out: { box: Box; cells: Box[] }[] = [];
  for (const g of groups.values()) {
    if (g.hs.length < 2 || g.vs.length < 2) continue;
    const t = cellsFromLines(g.hs, g.vs);
    if (!t || t.cells.length < 2) continue; // a framed paragraph is not a table
    if (t.box.x1 - t.box.x0 < MIN_TABLE_WIDTH_PT || t.box.y1 - t.box.y0 < MIN_TABLE_HEIGHT_PT) continue;
    out.push(t);
  }
  out.sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0);
  return out;
}

/** The point of an item used to decide which cell it is in. */
export function anchor(it: TextItem): [number, number] {
  const w = it.x2 - it.x;
  return [it.x + Math.min(w / 2, it.size * ANCHOR_INSET_EM), it.y - it.size * LETTER_MIDDLE_EM];
}

export function inBox(b: Box, x: number, y: number, pad = 0): boolean {
  return x >= b.x0 - pad && x <= b.x1 + pad && y >= b.y0 - pad && y <= b.y1 + pad;
}

/** Puts each item into the cell that holds its anchor; returns the items left outside every table. */
export function assignItems(
  tables: { box: Box; cells: Box[] }[],
  items: TextItem[],
  page: number,
): { fragments: Fragment[]; outside: TextItem[] } {
  const fragments: Fragment[] = tables.map((t) => ({
    kind: "lattice",
    page,
    box: t.box,
    cells: t.cells.map((c) => ({ ...c, items: [] as TextItem[] })),
  }));
  const outside: TextItem[] = [];
  for (const it of items) {
    if (it.str.trim().length === 0) continue;
    const [ax, ay] = anchor(it);
    let placed = false;
    for (const f of fragments) {
      if (!inBox(f.box, ax, ay, CELL_PAD_PT)) continue;
      const cell = f.cells.find((c) => inBox(c, ax, ay, CELL_PAD_PT));
      if (cell) {
        cell.items.push(it);
        placed = true;
        break;
      }
    }
    if (!placed) outside.push(it);
  }
  return { fragments, outside };
}
