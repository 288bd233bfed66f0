/**
 * Positioned text items → printed lines: items grouped by baseline, ordered by x, joined with a
 * space where the gap between two items is wider than a fraction of the font size (pdfjs may split
 * a word into several items, give one item per word, or carry the spaces as items of their own).
 */
import type { TextItem } from "../page-content.js";
import {
  LINE_LOOKBACK,
  MIN_EM_PT,
  OVERPRINT_EM,
  OVERPRINT_MIN_PT,
  OVERPRINT_Y_PT,
  SAME_LINE_EM,
  SPACE_GAP_EM,
  TURNED_CHAR_EM,
  TURNED_GAP_EM,
} from "../tolerances.js";

export interface TextLine {
  text: string;
  x: number;
  x2: number;
  /** Baseline. */
  y: number;
  size: number;
  bold: boolean;
  italic: boolean;
  page: number;
  items: TextItem[];
}

const isBlank = (s: string): boolean => s.trim().length === 0;

/** Drops the second copy of text drawn twice at (almost) the same place (fake bold). */
function dropOverprint(items: TextItem[]): TextItem[] {
  const out: TextItem[] = [];
  for (const it of items) {
    const dup = out.some(
      (o) =>
        o.str === it.str &&
        Math.abs(o.x - it.x) < Math.max(OVERPRINT_MIN_PT, it.size * OVERPRINT_EM) &&
        Math.abs(o.y - it.y) < OVERPRINT_Y_PT &&
        o.str.length > 0,
    );
    if (!dup) out.push(it);
  }
  return out;
}

/** Groups items into lines by baseline (top to bottom). Whitespace-only items are dropped. */
export function groupLines(items: TextItem[]): TextItem[][] {
  const turned = items.filter((it) => !isBlank(it.str) && (it.rot ?? 0) !== 0);
  if (turned.length > 0) {
    const flat = groupLines(items.filter((it) => (it.rot ?? 0) === 0));
    return [...flat, ...groupTurned(turned)];
  }
  const real = items.filter((it) => !isBlank(it.str));
  real.sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: { y: number; size: number; items: TextItem[] }[] = [];
  for (const it of real) {
    // Find a line whose baseline is close enough (superscripts / small offsets tolerated).
    let best: { y: number; size: number; items: TextItem[] } | null = null;
    let bestD = Infinity;
    for (let k = lines.length - 1; k >= 0 && k >= lines.length - LINE_LOOKBACK; k--) {
      const l = lines[k];
      const d = Math.abs(l.y - it.y);
      const tol = Math.min(l.size, it.size) * SAME_LINE_EM;
      if (d <= tol && d < bestD) {
        best = l;
        bestD = d;
      }
    }
    if (best) {
      best.items.push(it);
      // keep the baseline of the main (largest) text
      if (it.size > best.size) {
        best.size = it.size;
        best.y = it.y;
      }
    } else lines.push({ y: it.y, size: it.size, items: [it] });
  }
  return lines.map((l) => l.items.sort((a, b) => a.x - b.x));
}

/**
 * Lines of turned text (a header cell written upwards): one line per column of items; text read
 * bottom to top has its first line on the left, text read top to bottom on the right.
 */
function groupTurned(items: TextItem[]): TextItem[][] {
  const byRot = new Map<number, TextItem[]>();
  for (const it of items) byRot.set(it.rot ?? 0, [...(byRot.get(it.rot ?? 0) ?? []), it]);
  const out: TextItem[][] = [];
  for (const [rot, its] of byRot) {
    const cols: { x: number; size: number; items: TextItem[] }[] = [];
    for (const it of [...its].sort((a, b) => a.x - b.x)) {
      const last = cols[cols.length - 1];
      if (last && Math.abs(it.x - last.x) <= Math.min(last.size, it.size) * SAME_LINE_EM) last.items.push(it);
      else cols.push({ x: it.x, size: it.size, items: [it] });
    }
    if (rot === 1) cols.reverse();
    for (const c of cols) {
      // Pieces of one turned line in reading order; joined as if laid out left to right.
      const along = c.items.sort((a, b) => (rot === 3 ? b.y - a.y : a.y - b.y));
      let pos = 0;
      // Each piece advances by its characters and one em; it ends TURNED_GAP_EM before the next one.
      out.push(
        along.map((it) => ({ ...it, x: pos, x2: (pos += it.str.length * it.size * TURNED_CHAR_EM + it.size) - it.size * TURNED_GAP_EM })),
      );
    }
  }
  return out;
}

/** Joins items of one line (sorted by x) with spaces where the gaps are. */
export function joinLineItems(items: TextItem[]): string {
  let text = "";
  let prev: TextItem | null = null;
  for (const it of dropOverprint(items)) {
    if (prev) {
      const gap = it.x - prev.x2;
      const em = Math.max(Math.min(prev.size, it.size), MIN_EM_PT);
      const hasSpace = /\s$/.test(text) || /^\s/.test(it.str);
      if (!hasSpace && gap > SPACE_GAP_EM * em) text += " ";
    }
    text += it.str;
    prev = it;
  }
  return text.replace(/[\s\u00a0]+/g, " ").trim();
}

export function buildLines(items: TextItem[]): TextLine[] {
  const out: TextLine[] = [];
  for (const group of groupLines(items)) {
    const text = joinLineItems(group);
    if (!text) continue;
    const main = group.reduce((a, b) => (b.str.length > a.str.length ? b : a));
    const visible = group.filter((g) => !isBlank(g.str));
    out.push({
      text,
      x: Math.min(...group.map((g) => g.x)),
      x2: Math.max(...group.map((g) => g.x2)),
      y: main.y,
      size: main.size,
      bold: visible.every((g) => g.bold),
      italic: visible.every((g) => g.italic),
      page: main.page,
      items: group,
    });
  }
  return out;
}
