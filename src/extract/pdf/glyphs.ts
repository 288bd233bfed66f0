/**
 * Positioned text straight from the operator list: every glyph of every showText op is placed
 * with the PDF text state (text matrix, Td/TD/T*, Tc, Tw, Tz, Ts, TJ adjustments) and the CTM, then
 * glyphs are grouped into items. Spaces are decided from the real gaps between visible glyphs, so
 * zero-advance space glyphs (Chromium draws one at every soft-hyphen opportunity, and pdf.js's
 * getTextContent turns them into spaces inside words: "деца та") do not split words.
 */
import { normalizeUnicode } from "pdfjs-dist/legacy/build/pdf.mjs";
import { apply, multiply, type Matrix, type Segment } from "./paths.js";
import type { TextItem } from "./page.js";

/** pdf.js OPS codes for text (src/shared/util.js). */
const T = {
  save: 10,
  restore: 11,
  transform: 12,
  beginText: 31,
  endText: 32,
  setCharSpacing: 33,
  setWordSpacing: 34,
  setHScale: 35,
  setLeading: 36,
  setFont: 37,
  setTextRise: 39,
  moveText: 40,
  setLeadingMoveText: 41,
  setTextMatrix: 42,
  nextLine: 43,
  showText: 44,
  showSpacedText: 45,
  paintFormXObjectBegin: 74,
  paintFormXObjectEnd: 75,
} as const;

export interface FontFacts {
  fontMatrix: number[];
  vertical: boolean;
  bold: boolean;
  italic: boolean;
}

interface Glyph {
  unicode?: string;
  width?: number;
  isSpace?: boolean;
}

interface TextState {
  ctm: Matrix;
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

interface PlacedGlyph {
  ch: string;
  x: number;
  x2: number;
  y: number;
  size: number;
  font: string;
  space: boolean;
  /** Text object / text matrix the glyph was drawn in: a new one often starts a new cell. */
  run: number;
  /**
   * Quarter turns of the text direction (0: left to right; 1: top to bottom; 2: upside down;
   * 3: bottom to top). For rotated text x/x2/y are in the text's own frame (along / across), and
   * box holds the page-space box.
   */
  rot: number;
  box: [number, number, number, number];
}

/** Coordinates of a page point in the frame of text turned by `rot` quarter turns. */
function toFrame(rot: number, x: number, y: number): [number, number] {
  switch (rot) {
    case 1:
      return [y, -x];
    case 2:
      return [-x, -y];
    case 3:
      return [-y, x];
    default:
      return [x, y];
  }
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** A gap (in ems) between two glyphs that is a word space; smaller gaps are kerning or tracking. */
const SPACE_EM = 0.15;
/** A gap (in ems) wider than this ends an item (the next glyph starts a new chunk). */
const SPLIT_EM = 0.8;

export function extractGlyphItems(
  fnArray: ArrayLike<number>,
  argsArray: ArrayLike<unknown>,
  viewport: readonly number[],
  fontFacts: (name: string) => FontFacts | null,
  page: number,
  verticals: Segment[] = [],
): TextItem[] {
  let st: TextState = {
    ctm: [...IDENTITY] as Matrix,
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
  const stack: TextState[] = [];
  const glyphs: PlacedGlyph[] = [];
  let run = 0;
  const facts = new Map<string, FontFacts | null>();
  const factsOf = (name: string): FontFacts | null => {
    if (!facts.has(name)) facts.set(name, fontFacts(name));
    return facts.get(name) ?? null;
  };
  const copy = (s: TextState): TextState => ({ ...s, ctm: [...s.ctm] as Matrix, tm: [...s.tm] as Matrix });
  const moveText = (x: number, y: number): void => {
    st.x = st.lineX += x;
    st.y = st.lineY += y;
  };

  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    switch (fn) {
      case T.save:
        stack.push(copy(st));
        break;
      case T.restore:
        st = stack.pop() ?? st;
        break;
      case T.transform:
        if (args && args.length >= 6) st.ctm = multiply(st.ctm, args as number[]);
        break;
      case T.paintFormXObjectBegin: {
        stack.push(copy(st));
        const m = args?.[0] as ArrayLike<number> | null | undefined;
        if (m && m.length >= 6) st.ctm = multiply(st.ctm, Array.from(m));
        break;
      }
      case T.paintFormXObjectEnd:
        st = stack.pop() ?? st;
        break;
      case T.beginText:
        run++;
        st.tm = [...IDENTITY] as Matrix;
        st.x = st.y = st.lineX = st.lineY = 0;
        break;
      case T.setCharSpacing:
        st.charSpacing = Number(args?.[0]) || 0;
        break;
      case T.setWordSpacing:
        st.wordSpacing = Number(args?.[0]) || 0;
        break;
      case T.setHScale:
        st.hScale = (Number(args?.[0]) || 100) / 100;
        break;
      case T.setLeading:
        st.leading = -(Number(args?.[0]) || 0);
        break;
      case T.setFont: {
        st.font = String(args?.[0] ?? "");
        let size = Number(args?.[1]) || 0;
        st.fontDirection = size < 0 ? -1 : 1;
        if (size < 0) size = -size;
        st.fontSize = size;
        break;
      }
      case T.setTextRise:
        st.rise = Number(args?.[0]) || 0;
        break;
      case T.moveText:
        moveText(Number(args?.[0]) || 0, Number(args?.[1]) || 0);
        break;
      case T.setLeadingMoveText:
        st.leading = Number(args?.[1]) || 0;
        moveText(Number(args?.[0]) || 0, Number(args?.[1]) || 0);
        break;
      case T.setTextMatrix: {
        const m = args?.[0] as ArrayLike<number> | undefined;
        if (m && m.length >= 6) st.tm = Array.from(m).slice(0, 6) as Matrix;
        run++;
        st.x = st.y = st.lineX = st.lineY = 0;
        break;
      }
      case T.nextLine:
        moveText(0, st.leading);
        break;
      case T.showText:
      case T.showSpacedText: {
        const list = args?.[0] as (Glyph | number | null)[] | undefined;
        if (!Array.isArray(list)) break;
        const f = factsOf(st.font);
        const fontMatrix = f?.fontMatrix ?? [0.001, 0, 0, 0.001, 0, 0];
        const vertical = f?.vertical ?? false;
        const size = st.fontSize;
        const advScale = size * (fontMatrix[0] || 0.001);
        const hs = st.hScale * st.fontDirection;
        // text space → page space
        const m = multiply(viewport, multiply(st.ctm, st.tm));
        const pageSize = Math.hypot(m[2], m[3]) * size || 0;
        const angle = Math.atan2(m[1] * hs, m[0] * hs);
        const rot = ((Math.round(angle / (Math.PI / 2)) % 4) + 4) % 4;
        let x = 0;
        for (const g of list) {
          if (typeof g === "number") {
            x += (vertical ? 1 : -1) * (g * size) / 1000;
            continue;
          }
          if (!g) continue;
          const width = (g.width ?? 0) * advScale;
          const spacing = (g.isSpace ? st.wordSpacing : 0) + st.charSpacing;
          if (!vertical && pageSize > 0) {
            const [px, py] = apply(m, st.x + x * hs, st.y + st.rise);
            const [qx, qy] = apply(m, st.x + (x + width) * hs, st.y + st.rise);
            const ch = g.unicode ?? "";
            const [pu, pv] = toFrame(rot, px, py);
            const [qu] = toFrame(rot, qx, qy);
            glyphs.push({
              ch,
              x: Math.min(pu, qu),
              x2: Math.max(pu, qu),
              y: pv,
              rot,
              box: [Math.min(px, qx), Math.min(py, qy), Math.max(px, qx), Math.max(py, qy)],
              size: pageSize,
              font: st.font,
              space: ch.trim().length === 0,
              run,
            });
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
  return groupGlyphs(glyphs, factsOf, page, verticals);
}

/** Consecutive glyphs on one baseline become an item; spaces come from the gaps between visible glyphs. */
function groupGlyphs(glyphs: PlacedGlyph[], factsOf: (name: string) => FontFacts | null, page: number, verticals: Segment[]): TextItem[] {
  // A ruling line between two glyphs always separates them (text of neighbouring cells).
  const ruledBetween = (x1: number, x2: number, y: number, size: number): boolean =>
    verticals.some((v) => v.pos > x1 - 0.5 && v.pos < x2 + 0.5 && v.from <= y && v.to >= y - size * 0.7);
  const items: TextItem[] = [];
  let cur: { str: string; x: number; x2: number; y: number; size: number; font: string; rot: number; box: [number, number, number, number] } | null =
    null;
  let pendingSpace = false;
  let lastMid = 0;
  let lastRun = -1;
  const flush = (): void => {
    if (cur && cur.str.trim().length > 0) {
      const f = factsOf(cur.font);
      // Rotated text becomes an item centred on its box, one em wide: it is assigned to the cell
      // it sits in, and the lines of a turned cell ("Срок за" / "изпълнение") read across.
      const [bx0, by0, bx1, by1] = cur.box;
      const cx = (bx0 + bx1) / 2;
      const cy = (by0 + by1) / 2;
      const turned = cur.rot !== 0;
      items.push({
        str: normalizeUnicode(cur.str).replace(/\s+$/u, ""),
        x: turned ? cx - cur.size / 2 : cur.x,
        y: turned ? cy + cur.size * 0.3 : cur.y,
        x2: turned ? cx + cur.size / 2 : cur.x2,
        size: cur.size,
        fontName: cur.font,
        bold: f?.bold ?? false,
        italic: f?.italic ?? false,
        eol: false,
        page,
        ...(turned ? { rot: cur.rot } : {}),
      });
    }
    cur = null;
    pendingSpace = false;
  };
  for (const g of glyphs) {
    if (g.space) {
      if (cur) pendingSpace = true;
      continue;
    }
    if (!g.ch) continue;
    if (cur) {
      const em = Math.max(Math.min(cur.size, g.size), 1);
      const gap = g.x - cur.x2;
      const sameLine = Math.abs(g.y - cur.y) <= em * 0.25;
      if (
        !sameLine ||
        gap < -em * 0.6 ||
        gap > SPLIT_EM * em ||
        g.font !== cur.font ||
        g.rot !== cur.rot ||
        Math.abs(g.size - cur.size) > 0.5 ||
        (g.rot === 0 && ruledBetween(lastMid, g.x, g.y, g.size)) ||
        (g.run !== lastRun && gap > SPACE_EM * em)
      ) {
        flush();
      }
    }
    if (!cur) {
      cur = { str: g.ch, x: g.x, x2: g.x2, y: g.y, size: g.size, font: g.font, rot: g.rot, box: [...g.box] };
      lastMid = (g.x + g.x2) / 2;
    lastRun = g.run;
      continue;
    }
    const em = Math.max(Math.min(cur.size, g.size), 1);
    const gap = g.x - cur.x2;
    // A space glyph counts only if the next glyph really starts after a gap.
    if (gap > SPACE_EM * em || (pendingSpace && gap > SPACE_EM * 0.6 * em)) cur.str += " ";
    cur.str += g.ch;
    cur.x2 = Math.max(cur.x2, g.x2);
    cur.box = [Math.min(cur.box[0], g.box[0]), Math.min(cur.box[1], g.box[1]), Math.max(cur.box[2], g.box[2]), Math.max(cur.box[3], g.box[3])];
    lastMid = (g.x + g.x2) / 2;
    lastRun = g.run;
    pendingSpace = false;
  }
  flush();
  return items;
}
