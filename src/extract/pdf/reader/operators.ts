/**
 * The one graphics-state interpreter of the PDF reader: a single pass over a pdf.js operator list
 * (fnArray / argsArray, codes from pdf.js's own `OPS` table) that keeps what the page's drawing
 * depends on, and hands what is painted to small consumers:
 *
 * - the current transformation matrix with its stack (save / restore, transform, form XObject
 *   begin / end: pdf.js inlines a form's operators between the two, its matrix first);
 * - the text state (text matrix and line start, Tc, Tw, Tz, TL, Tf, Ts; Td / TD / T* / Tm; TJ
 *   adjustments) → glyph runs, each glyph placed on the page (reader/glyphs.ts);
 * - line width and the stroke / fill colours → painted paths (reader/paths.ts);
 * - painted images with their matrix (src/extract/ocr/page-image.ts).
 *
 * Everything is handed out in the space of `viewport` (pdf.js `page.getViewport(...).transform`:
 * top-down, origin at the top-left of the page as displayed). A save keeps the whole state,
 * text state included, and a restore brings it back.
 */
import { pdfjs } from "./pdfjs.js";

const { OPS } = pdfjs;
import { IDENTITY, multiply, type Matrix } from "../page-content.js";

/** What the interpreter needs to know of a font to advance the text position. */
export interface FontMetrics {
  /** Glyph space → text space (pdf.js `font.fontMatrix`; its [0] scales glyph widths). */
  fontMatrix: number[];
  /** Vertical writing (Identity-V and the like). */
  vertical: boolean;
}

/** A glyph as pdf.js hands it in a showText op's list. */
interface Glyph {
  unicode?: string;
  width?: number;
  isSpace?: boolean;
}

/** One showText / showSpacedText op; its glyphs follow, one `glyph` call each. */
export interface TextRun {
  font: string;
  /** Font size of the text state (points of text space, sign dropped). */
  fontSize: number;
  /** Text space → page space for this run: viewport ∘ CTM ∘ text matrix. */
  matrix: Matrix;
  /** Horizontal scaling (Tz) times the font's direction (−1 when the font size was negative). */
  hScale: number;
  /** Vertical writing: the glyphs are not placed (their advance is still kept), no `glyph` calls follow. */
  vertical: boolean;
  /** Counts text objects (BT) and text matrices (Tm): a new one often starts a new cell. */
  run: number;
}

/** A colour as last set by a gray or RGB colour op (its raw pdf.js arguments). */
export interface PaintColor {
  gray: boolean;
  args: unknown;
}

/** A painted (stroked and / or filled) path; clipping-only paths (endPath) are not handed out. */
export interface PaintedPath {
  /** pdf.js DrawOPS program (moveTo, lineTo, curveTo, quadraticCurveTo, closePath) in user space. */
  buf: ArrayLike<number>;
  /** User space → page space: viewport ∘ CTM. */
  matrix: Matrix;
  stroke: boolean;
  fill: boolean;
  /** The paint op closes the last subpath (closeStroke, closeFillStroke, closeEOFillStroke). */
  close: boolean;
  /** Line width in user space. */
  lineWidth: number;
  strokeColor: PaintColor | null;
  fillColor: PaintColor | null;
}

/** An image XObject painted on the page: the unit square of image space through `matrix`. */
export interface PaintedImage {
  /** pdf.js object id ("img_…" in page.objs, "g_…" in page.commonObjs). */
  id: string;
  /** Image space → page space: viewport ∘ CTM. */
  matrix: Matrix;
}

export interface OperatorConsumers {
  text?(run: TextRun): void;
  /**
   * A glyph of the last run handed to `text`, placed: its advance along the baseline runs from
   * (x0, y0) to (x1, y1), page space. (Plain numbers rather than an object: pages have thousands.)
   */
  glyph?(unicode: string | undefined, x0: number, y0: number, x1: number, y1: number): void;
  path?(path: PaintedPath): void;
  image?(image: PaintedImage): void;
}

interface GraphicsState {
  ctm: Matrix;
  lineWidth: number;
  strokeColor: PaintColor | null;
  fillColor: PaintColor | null;
  // Text state.
  tm: Matrix;
  x: number;
  y: number;
  lineX: number;
  lineY: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
  font: string;
  fontSize: number;
  fontDirection: number;
}

/** pdf.js's default when a font's matrix is unknown: 1000 glyph units to the em. */
const DEFAULT_FONT_MATRIX = [0.001, 0, 0, 0.001, 0, 0];

/**
 * Walks the operator list once. `fonts` is asked for the metrics of each font a run is shown in
 * (null: unknown, the default 1000-unit em is used); consumers that are absent cost nothing.
 */
export function interpretOperators(
  fnArray: ArrayLike<number>,
  argsArray: ArrayLike<unknown>,
  viewport: readonly number[],
  consumers: OperatorConsumers,
  fonts: (name: string) => FontMetrics | null = () => null,
): void {
  const { text, glyph, path, image } = consumers;
  let st: GraphicsState = {
    ctm: [...IDENTITY] as Matrix,
    lineWidth: 1,
    strokeColor: null,
    fillColor: null,
    tm: [...IDENTITY] as Matrix,
    x: 0,
    y: 0,
    lineX: 0,
    lineY: 0,
    charSpacing: 0,
    wordSpacing: 0,
    hScale: 1,
    leading: 0,
    rise: 0,
    font: "",
    fontSize: 0,
    fontDirection: 1,
  };
  // Matrices are replaced, never changed in place, so a shallow copy keeps a state.
  const stack: GraphicsState[] = [];
  let run = 0;
  const moveText = (x: number, y: number): void => {
    st.x = st.lineX += x;
    st.y = st.lineY += y;
  };

  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    switch (fn) {
      case OPS.save:
        stack.push({ ...st });
        break;
      case OPS.restore:
        st = stack.pop() ?? st;
        break;
      case OPS.transform:
        if (args && args.length >= 6) st.ctm = multiply(st.ctm, args as number[]);
        break;
      case OPS.paintFormXObjectBegin: {
        stack.push({ ...st });
        const m = args?.[0] as ArrayLike<number> | null | undefined;
        if (m && m.length >= 6) st.ctm = multiply(st.ctm, Array.from(m));
        break;
      }
      case OPS.paintFormXObjectEnd:
        st = stack.pop() ?? st;
        break;

      // --- graphics state used by painted paths -----------------------------------------------
      case OPS.setLineWidth:
        if (args && typeof args[0] === "number") st.lineWidth = args[0];
        break;
      case OPS.setStrokeRGBColor:
        st.strokeColor = { gray: false, args };
        break;
      case OPS.setFillRGBColor:
        st.fillColor = { gray: false, args };
        break;
      case OPS.setStrokeGray:
        st.strokeColor = { gray: true, args };
        break;
      case OPS.setFillGray:
        st.fillColor = { gray: true, args };
        break;
      case OPS.constructPath: {
        // Since pdf.js PR #19689 a whole path is one op: [paintOp, [Float32Array | null], minMax | null].
        if (!path || !args) break;
        const paintOp = args[0] as number;
        const data = args[1] as unknown[] | null;
        const buf = data?.[0] as ArrayLike<number> | null | undefined;
        if (!buf || typeof buf !== "object" || !("length" in buf)) break;
        const stroke =
          paintOp === OPS.stroke ||
          paintOp === OPS.closeStroke ||
          paintOp === OPS.fillStroke ||
          paintOp === OPS.eoFillStroke ||
          paintOp === OPS.closeFillStroke ||
          paintOp === OPS.closeEOFillStroke;
        const fill =
          paintOp === OPS.fill ||
          paintOp === OPS.eoFill ||
          paintOp === OPS.fillStroke ||
          paintOp === OPS.eoFillStroke ||
          paintOp === OPS.closeFillStroke ||
          paintOp === OPS.closeEOFillStroke;
        if (!stroke && !fill) break; // endPath: a clip, or nothing painted
        path({
          buf,
          matrix: multiply(viewport, st.ctm),
          stroke,
          fill,
          close: paintOp === OPS.closeStroke || paintOp === OPS.closeFillStroke || paintOp === OPS.closeEOFillStroke,
          lineWidth: st.lineWidth,
          strokeColor: st.strokeColor,
          fillColor: st.fillColor,
        });
        break;
      }

      // --- images -------------------------------------------------------------------------------
      case OPS.paintImageXObject:
        if (image) image({ id: String(args?.[0]), matrix: multiply(viewport, st.ctm) });
        break;

      // --- text state ---------------------------------------------------------------------------
      case OPS.beginText:
        run++;
        st.tm = [...IDENTITY] as Matrix;
        st.x = st.y = st.lineX = st.lineY = 0;
        break;
      case OPS.setCharSpacing:
        st.charSpacing = Number(args?.[0]) || 0;
        break;
      case OPS.setWordSpacing:
        st.wordSpacing = Number(args?.[0]) || 0;
        break;
      case OPS.setHScale:
        st.hScale = (Number(args?.[0]) || 100) / 100;
        break;
      case OPS.setLeading:
        st.leading = -(Number(args?.[0]) || 0);
        break;
      case OPS.setFont: {
        st.font = String(args?.[0] ?? "");
        let size = Number(args?.[1]) || 0;
        st.fontDirection = size < 0 ? -1 : 1;
        if (size < 0) size = -size;
        st.fontSize = size;
        break;
      }
      case OPS.setTextRise:
        st.rise = Number(args?.[0]) || 0;
        break;
      case OPS.moveText:
        moveText(Number(args?.[0]) || 0, Number(args?.[1]) || 0);
        break;
      case OPS.setLeadingMoveText:
        st.leading = Number(args?.[1]) || 0;
        moveText(Number(args?.[0]) || 0, Number(args?.[1]) || 0);
        break;
      case OPS.setTextMatrix: {
        const m = args?.[0] as ArrayLike<number> | undefined;
        if (m && m.length >= 6) st.tm = Array.from(m).slice(0, 6) as Matrix;
        run++;
        st.x = st.y = st.lineX = st.lineY = 0;
        break;
      }
      case OPS.nextLine:
        moveText(0, st.leading);
        break;
      case OPS.showText:
      case OPS.showSpacedText: {
        const list = args?.[0] as (Glyph | number | null)[] | undefined;
        if (!Array.isArray(list)) break;
        const f = fonts(st.font);
        const fontMatrix = f?.fontMatrix ?? DEFAULT_FONT_MATRIX;
        const vertical = f?.vertical ?? false;
        const size = st.fontSize;
        const advScale = size * (fontMatrix[0] || 0.001);
        const hs = st.hScale * st.fontDirection;
        // text space → page space
        const m = multiply(viewport, multiply(st.ctm, st.tm));
        if (text) text({ font: st.font, fontSize: size, matrix: m, hScale: hs, vertical, run });
        const place = glyph !== undefined && !vertical;
        let x = 0;
        for (const g of list) {
          if (typeof g === "number") {
            // TJ adjustment: thousandths of an em, against the writing direction.
            x += ((vertical ? 1 : -1) * (g * size)) / 1000;
            continue;
          }
          if (!g) continue;
          const width = (g.width ?? 0) * advScale;
          const spacing = (g.isSpace ? st.wordSpacing : 0) + st.charSpacing;
          if (place) {
            // apply(m, u, v) written out for the glyph's start and end (no temporary pairs).
            const u0 = st.x + x * hs;
            const u1 = st.x + (x + width) * hs;
            const v = st.y + st.rise;
            glyph(
              g.unicode,
              m[0] * u0 + m[2] * v + m[4],
              m[1] * u0 + m[3] * v + m[5],
              m[0] * u1 + m[2] * v + m[4],
              m[1] * u1 + m[3] * v + m[5],
            );
          }
          x += vertical ? width - spacing * st.fontDirection : width + spacing * st.fontDirection;
        }
        if (vertical) st.y -= x;
        else st.x += x * hs;
        break;
      }
      default:
        break;
    }
  }
}
