/**
 * Ruling lines from a pdfjs-dist 5 operator list.
 *
 * Since pdf.js PR #19689 a path reaches the operator list as ONE op:
 *   OPS.constructPath, args = [paintOp, [Float32Array | null], minMax | null]
 * where the Float32Array is a flat DrawOPS program (moveTo x y, lineTo x y, curveTo x1 y1 x2 y2 x y,
 * quadraticCurveTo x1 y1 x y, closePath) in user space, BEFORE the current transformation matrix. So
 * the CTM is tracked here (save / restore / transform / form XObjects) and every point is mapped
 * through the CTM and then the viewport transform into a top-down page space.
 *
 * Stroked axis-aligned lines and the edges of stroked rectangles become segments; filled thin
 * rectangles (how Chromium and Word draw table borders) become a segment along their long side.
 */

/** pdf.js OPS codes used here (src/shared/util.js). */
export const OP = {
  setLineWidth: 2,
  save: 10,
  restore: 11,
  transform: 12,
  stroke: 20,
  closeStroke: 21,
  fill: 22,
  eoFill: 23,
  fillStroke: 24,
  eoFillStroke: 25,
  closeFillStroke: 26,
  closeEOFillStroke: 27,
  endPath: 28,
  setStrokeGray: 56,
  setFillGray: 57,
  setStrokeRGBColor: 58,
  setFillRGBColor: 59,
  paintFormXObjectBegin: 74,
  paintFormXObjectEnd: 75,
  constructPath: 91,
} as const;

/** pdf.js DrawOPS codes (src/shared/util.js). */
export const DRAW = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 } as const;

export type Matrix = [number, number, number, number, number, number];

/** A horizontal (y fixed) or vertical (x fixed) ruling segment in top-down page space. */
export interface Segment {
  /** "h": runs along x at `pos` = y; "v": runs along y at `pos` = x. */
  dir: "h" | "v";
  pos: number;
  from: number;
  to: number;
  /** Line thickness (points). */
  thickness: number;
}

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

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m1 ∘ m2: apply m2 first, then m1 (the canvas / pdf.js Util.transform convention). */
export function multiply(m1: readonly number[], m2: readonly number[]): Matrix {
  return [
    m1[0] * m2[0] + m1[2] * m2[1],
    m1[1] * m2[0] + m1[3] * m2[1],
    m1[0] * m2[2] + m1[2] * m2[3],
    m1[1] * m2[2] + m1[3] * m2[3],
    m1[0] * m2[4] + m1[2] * m2[5] + m1[4],
    m1[1] * m2[4] + m1[3] * m2[5] + m1[5],
  ];
}

export function apply(m: readonly number[], x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

interface State {
  ctm: Matrix;
  lineWidth: number;
  strokeWhite: boolean;
  fillWhite: boolean;
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
      case DRAW.curveTo: {
        const p = apply(m, buf[i + 4], buf[i + 5]);
        if (!cur) {
          cur = { points: [], closed: false, curved: true };
          out.push(cur);
        }
        cur.points.push(p);
        cur.curved = true;
        i += 6;
        break;
      }
      case DRAW.quadraticCurveTo: {
        const p = apply(m, buf[i + 2], buf[i + 3]);
        if (!cur) {
          cur = { points: [], closed: false, curved: true };
          out.push(cur);
        }
        cur.points.push(p);
        cur.curved = true;
        i += 4;
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

function isWhite(args: unknown, gray: boolean): boolean {
  if (gray) return Array.isArray(args) && typeof args[0] === "number" && args[0] >= 0.98;
  const v = Array.isArray(args) ? args[0] : undefined;
  if (typeof v === "string") return /^#?f[ef]f[ef]f[ef]$/i.test(v);
  if (Array.isArray(args) && args.length >= 3 && args.every((x) => typeof x === "number")) {
    return (args as number[]).every((x) => x >= 250 || (x >= 0.98 && x <= 1));
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
 * Walks an operator list and returns the ruling segments it draws, in the space of `viewport`
 * (pdf.js `page.getViewport({ scale: 1 }).transform`: top-down, origin at the page's top-left).
 */
export function extractRulings(
  fnArray: ArrayLike<number>,
  argsArray: ArrayLike<unknown>,
  viewport: readonly number[],
  options: RulingOptions = {},
): Rulings {
  const maxThick = options.maxLineThickness ?? 3;
  const minLength = options.minLength ?? 3;
  const skew = options.skew ?? 0.6;
  const horizontals: Segment[] = [];
  const verticals: Segment[] = [];
  let state: State = { ctm: [...IDENTITY] as Matrix, lineWidth: 1, strokeWhite: false, fillWhite: false };
  const stack: State[] = [];

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

  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    switch (fn) {
      case OP.save:
        stack.push({ ...state, ctm: [...state.ctm] as Matrix });
        break;
      case OP.restore:
        state = stack.pop() ?? state;
        break;
      case OP.transform:
        if (args && args.length >= 6) state.ctm = multiply(state.ctm, args as number[]);
        break;
      case OP.paintFormXObjectBegin: {
        stack.push({ ...state, ctm: [...state.ctm] as Matrix });
        const m = args?.[0] as ArrayLike<number> | null | undefined;
        if (m && m.length >= 6) state.ctm = multiply(state.ctm, Array.from(m));
        break;
      }
      case OP.paintFormXObjectEnd:
        state = stack.pop() ?? state;
        break;
      case OP.setLineWidth:
        if (args && typeof args[0] === "number") state.lineWidth = args[0];
        break;
      case OP.setStrokeRGBColor:
        state.strokeWhite = isWhite(args, false);
        break;
      case OP.setFillRGBColor:
        state.fillWhite = isWhite(args, false);
        break;
      case OP.setStrokeGray:
        state.strokeWhite = isWhite(args, true);
        break;
      case OP.setFillGray:
        state.fillWhite = isWhite(args, true);
        break;
      case OP.constructPath: {
        if (!args) break;
        const paintOp = args[0] as number;
        const data = args[1] as unknown[] | null;
        const buf = data?.[0] as ArrayLike<number> | null | undefined;
        if (!buf || typeof buf !== "object" || !("length" in buf)) break;
        const stroke =
          paintOp === OP.stroke ||
          paintOp === OP.closeStroke ||
          paintOp === OP.fillStroke ||
          paintOp === OP.eoFillStroke ||
          paintOp === OP.closeFillStroke ||
          paintOp === OP.closeEOFillStroke;
        const fill =
          paintOp === OP.fill ||
          paintOp === OP.eoFill ||
          paintOp === OP.fillStroke ||
          paintOp === OP.eoFillStroke ||
          paintOp === OP.closeFillStroke ||
          paintOp === OP.closeEOFillStroke;
        if (!stroke && !fill) break; // endPath: a clip or nothing painted
        const m = multiply(viewport, state.ctm);
        const subpaths = decodeDrawOps(buf, m);
        const closing = paintOp === OP.closeStroke || paintOp === OP.closeFillStroke || paintOp === OP.closeEOFillStroke;
        if (closing && subpaths.length > 0) subpaths[subpaths.length - 1].closed = true;
        // Line width in page space (scale of the CTM, averaged over both axes).
        const scale = Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2])) || 1;
        const width = state.lineWidth * scale;
        if (stroke && !state.strokeWhite && width <= maxThick * 2) {
          for (const sp of subpaths) {
            if (sp.curved) continue;
            const pts = sp.points;
            for (let k = 1; k < pts.length; k++) addLine(pts[k - 1], pts[k], Math.max(width, 0.1));
            if (sp.closed && pts.length > 2) addLine(pts[pts.length - 1], pts[0], Math.max(width, 0.1));
          }
        }
        if (fill && !state.fillWhite) {
          for (const sp of subpaths) {
            if (sp.curved) continue;
            const r = rectOf(sp.points, skew);
            if (r) addFilledRect(r);
          }
        }
        break;
      }
      default:
        break;
    }
  }
  return { horizontals, verticals };
}
