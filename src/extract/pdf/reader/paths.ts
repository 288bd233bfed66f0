/**
 * Ruling lines from the paths a page paints (handed out by reader/operators.ts).
 *
 * Since pdf.js PR #19689 a path reaches the operator list as ONE op:
 *   OPS.constructPath, args = [paintOp, [Float32Array | null], minMax | null]
 * where the Float32Array is a flat DrawOPS program (moveTo x y, lineTo x y, curveTo x1 y1 x2 y2 x y,
 * quadraticCurveTo x1 y1 x y, closePath) in user space, BEFORE the current transformation matrix.
 * The interpreter hands each painted path out with its matrix (viewport ∘ CTM); every point is
 * mapped through it into a top-down page space.
 *
 * Stroked axis-aligned lines and the edges of stroked rectangles become segments; filled thin
 * rectangles (how Chromium and Word draw table borders) become a segment along their long side.
 */
import { apply, type Segment } from "../page-content.js";
import {
  HAIRLINE_PT,
  LINE_SKEW_PT,
  MAX_LINE_THICKNESS_PT,
  MAX_STROKE_THICKNESS_FACTOR,
  MIN_LINE_LENGTH_PT,
  WHITE_LEVEL,
  WHITE_LEVEL_255,
} from "../tolerances.js";
import { interpretOperators, type PaintColor, type PaintedPath } from "./operators.js";

/** pdf.js DrawOPS codes (src/shared/util.js; pdfjs-dist does not export that table). */
export const DRAW = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 } as const;

export interface Rulings {
  horizontals: Segment[];
  verticals: Segment[];
}

export interface RulingOptions {
  /** A filled rectangle thinner than this (points) is a line. */
  maxLineThickness?: number;
  /** Segments shorter than this are ignored (glyph strokes, underline dots). */
  minLength?: number;
  /** Allowed skew (points) for a line to count as axis-aligned. */
  skew?: number;
}

type Point = [number, number];

/** Subpaths of a DrawOPS buffer, mapped through `m`; curves are kept only as their end points and mark the subpath curved. */
export function decodeDrawOps(buf: ArrayLike<number>, m: readonly number[]): { points: Point[]; closed: boolean; curved: boolean }[] {
  const out: { points: Point[]; closed: boolean; curved: boolean }[] = [];
  let cur: { points: Point[]; closed: boolean; curved: boolean } | null = null;
  let i = 0;
  const n = buf.length;
  while (i < n) {
    const op = buf[i++];
    switch (op) {
      case DRAW.moveTo: {
        cur = { points: [apply(m, buf[i], buf[i + 1])], closed: false, curved: false };
        out.push(cur);
        i += 2;
        break;
      }
      case DRAW.lineTo: {
        const p = apply(m, buf[i], buf[i + 1]);
        if (!cur) {
          cur = { points: [p], closed: false, curved: false };
          out.push(cur);
        } else cur.points.push(p);
        i += 2;
        break;
      }
      case DRAW.curveTo:
      case DRAW.quadraticCurveTo: {
        // control points, then the end point: only the end point is kept
        const args = op === DRAW.curveTo ? 6 : 4;
        const p = apply(m, buf[i + args - 2], buf[i + args - 1]);
        if (!cur) {
          cur = { points: [], closed: false, curved: true };
          out.push(cur);
        }
        cur.points.push(p);
        cur.curved = true;
        i += args;
        break;
      }
      case DRAW.closePath: {
        if (cur) {
          cur.closed = true;
          // A new subpath implicitly starts at the closed subpath's first point.
          const start: Point | undefined = cur.points[0];
          cur = start ? { points: [start], closed: false, curved: false } : null;
          if (cur) out.push(cur);
        }
        break;
      }
      default:
        // Unknown code: the buffer cannot be decoded safely past this point.
        return out.filter((s) => s.points.length > 0);
    }
  }
  return out.filter((s) => s.points.length > 1 || s.closed);
}

function isWhite(color: PaintColor | null): boolean {
  if (!color) return false;
  const { args, gray } = color;
  if (gray) return Array.isArray(args) && typeof args[0] === "number" && args[0] >= WHITE_LEVEL;
  const v = Array.isArray(args) ? args[0] : undefined;
  if (typeof v === "string") return /^#?f[ef]f[ef]f[ef]$/i.test(v);
  if (Array.isArray(args) && args.length >= 3 && args.every((x) => typeof x === "number")) {
    return (args as number[]).every((x) => x >= WHITE_LEVEL_255 || (x >= WHITE_LEVEL && x <= 1));
  }
  return false;
}

/** Axis-aligned bounding box of a closed 4-corner subpath, or null when it is not an axis-aligned rectangle. */
function rectOf(points: Point[], skew: number): [number, number, number, number] | null {
  let pts = points;
  if (pts.length === 5 && near(pts[0], pts[4], skew)) pts = pts.slice(0, 4);
  if (pts.length === 2) {
    // pdf.js encodes a zero-width/height `re` as moveTo + lineTo + closePath.
    const [a, b] = pts;
    if (Math.abs(a[0] - b[0]) <= skew || Math.abs(a[1] - b[1]) <= skew) {
      return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])];
    }
    return null;
  }
  if (pts.length !== 4) return null;
  for (let k = 0; k < 4; k++) {
    const a = pts[k];
    const b = pts[(k + 1) % 4];
    if (Math.abs(a[0] - b[0]) > skew && Math.abs(a[1] - b[1]) > skew) return null;
  }
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function near(a: Point, b: Point, tol: number): boolean {
  return Math.abs(a[0] - b[0]) <= tol && Math.abs(a[1] - b[1]) <= tol;
}

/**
 * The consumer of painted paths: `add` takes each path the interpreter hands out, `rulings` the
 * segments found so far, in the interpreter's page space.
 */
export function rulingCollector(options: RulingOptions = {}): { add(path: PaintedPath): void; rulings: Rulings } {
  const maxThick = options.maxLineThickness ?? MAX_LINE_THICKNESS_PT;
  const minLength = options.minLength ?? MIN_LINE_LENGTH_PT;
  const skew = options.skew ?? LINE_SKEW_PT;
  const horizontals: Segment[] = [];
  const verticals: Segment[] = [];

  const addLine = (a: Point, b: Point, thickness: number): void => {
    const dx = Math.abs(a[0] - b[0]);
    const dy = Math.abs(a[1] - b[1]);
    if (dy <= skew && dx >= minLength) {
      horizontals.push({ dir: "h", pos: (a[1] + b[1]) / 2, from: Math.min(a[0], b[0]), to: Math.max(a[0], b[0]), thickness });
    } else if (dx <= skew && dy >= minLength) {
      verticals.push({ dir: "v", pos: (a[0] + b[0]) / 2, from: Math.min(a[1], b[1]), to: Math.max(a[1], b[1]), thickness });
    }
  };

  const addFilledRect = (r: [number, number, number, number]): void => {
    const [x0, y0, x1, y1] = r;
    const w = x1 - x0;
    const h = y1 - y0;
    if (h <= maxThick && w >= minLength && w > h) {
      horizontals.push({ dir: "h", pos: (y0 + y1) / 2, from: x0, to: x1, thickness: h });
    } else if (w <= maxThick && h >= minLength && h > w) {
      verticals.push({ dir: "v", pos: (x0 + x1) / 2, from: y0, to: y1, thickness: w });
    }
  };

  // A colour is handed out as the same object until it is set again: its whiteness is decided once.
  let lastColor: PaintColor | null = null;
  let lastWhite = false;
  const white = (color: PaintColor | null): boolean => {
    if (color !== lastColor) {
      lastColor = color;
      lastWhite = isWhite(color);
    }
    return lastWhite;
  };

  const add = (path: PaintedPath): void => {
    const m = path.matrix;
    const subpaths = decodeDrawOps(path.buf, m);
    if (path.close && subpaths.length > 0) subpaths[subpaths.length - 1].closed = true;
    // Line width in page space (scale of the CTM, averaged over both axes).
    const scale = Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2])) || 1;
    const width = path.lineWidth * scale;
    if (path.stroke && !white(path.strokeColor) && width <= maxThick * MAX_STROKE_THICKNESS_FACTOR) {
      for (const sp of subpaths) {
        if (sp.curved) continue;
        const pts = sp.points;
        for (let k = 1; k < pts.length; k++) addLine(pts[k - 1], pts[k], Math.max(width, HAIRLINE_PT));
        if (sp.closed && pts.length > 2) addLine(pts[pts.length - 1], pts[0], Math.max(width, HAIRLINE_PT));
      }
    }
    if (path.fill && !white(path.fillColor)) {
      for (const sp of subpaths) {
        if (sp.curved) continue;
        const r = rectOf(sp.points, skew);
        if (r) addFilledRect(r);
      }
    }
  };
  return { add, rulings: { horizontals, verticals } };
}

/**
 * The ruling segments an operator list draws, in the space of `viewport` (pdf.js
 * `page.getViewport({ scale: 1 }).transform`: top-down, origin at the page's top-left).
 */
export function extractRulings(
  fnArray: ArrayLike<number>,
  argsArray: ArrayLike<unknown>,
  viewport: readonly number[],
  options: RulingOptions = {},
): Rulings {
  const collector = rulingCollector(options);
  interpretOperators(fnArray, argsArray, viewport, { path: collector.add });
  return collector.rulings;
}
