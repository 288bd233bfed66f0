/**
 * Positioned text straight from the operator list: every glyph of every showText op is placed by
 * the interpreter (operators.ts) with the PDF text state (text matrix, Td/TD/T*, Tc, Tw, Tz, Ts, TJ
 * adjustments) and the CTM; here the glyphs are grouped into items. Spaces are decided from the real gaps between visible glyphs, so
 * zero-advance space glyphs (Chromium draws one at every soft-hyphen opportunity, and pdf.js's
 * getTextContent turns them into spaces inside words: "деца та") do not split words.
 */
import { pdfjs } from "./pdfjs.js";
import type { Segment, TextItem } from "../page-content.js";
import {
  GLYPH_BACKSTEP_EM,
  GLYPH_SAME_LINE_EM,
  GLYPH_SIZE_CHANGE_PT,
  ITEM_SPLIT_EM,
  LETTER_MIDDLE_EM,
  MIN_EM_PT,
  RULING_BETWEEN_GLYPHS_PT,
  RULING_GLYPH_REACH_EM,
  SPACE_GLYPH_SHARE,
  WORD_SPACE_EM,
} from "../tolerances.js";
import { interpretOperators, type FontMetrics, type TextRun } from "./operators.js";

export interface FontFacts extends FontMetrics {
  bold: boolean;
  italic: boolean;
}

interface PageGlyph {
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

/**
 * The consumer of text runs: `text` and `glyph` take each run and its glyphs as the interpreter
 * hands them out and keep the glyphs with their page-space boxes; `items` groups them into text
 * items once the page is read (the vertical rulings, found in the same pass, separate the glyphs
 * of neighbouring cells).
 */
export function glyphCollector(fontFacts: (name: string) => FontFacts | null): {
  text(run: TextRun): void;
  glyph(unicode: string | undefined, x0: number, y0: number, x1: number, y1: number): void;
  items(page: number, verticals: Segment[]): TextItem[];
} {
  const glyphs: PageGlyph[] = [];
  // The run the next glyphs belong to; `keep` is false for runs that are not laid out.
  let run: TextRun | null = null;
  let keep = false;
  let pageSize = 0;
  let rot = 0;
  // A glyph that cannot be read loses the page's glyph text: `items` is then empty, and the page
  // falls back to pdf.js's own text extraction.
  let failed = false;
  const text = (r: TextRun): void => {
    const m = r.matrix;
    run = r;
    pageSize = Math.hypot(m[2], m[3]) * r.fontSize || 0;
    keep = !r.vertical && pageSize > 0;
    const angle = Math.atan2(m[1] * r.hScale, m[0] * r.hScale);
    rot = ((Math.round(angle / (Math.PI / 2)) % 4) + 4) % 4;
  };
  const glyph = (unicode: string | undefined, x0: number, y0: number, x1: number, y1: number): void => {
    if (!keep || !run || failed) return;
    try {
      const ch = unicode ?? "";
      // Both ends in the frame of text turned by `rot` quarter turns (along, across), written out:
      // no temporary pairs, pages have thousands of glyphs.
      let pu: number, pv: number, qu: number;
      switch (rot) {
        case 1:
          pu = y0;
          pv = -x0;
          qu = y1;
          break;
        case 2:
          pu = -x0;
          pv = -y0;
          qu = -x1;
          break;
        case 3:
          pu = -y0;
          pv = x0;
          qu = -y1;
          break;
        default:
          pu = x0;
          pv = y0;
          qu = x1;
      }
      // An indexed store, not push: pdf.js's legacy build replaces Array.prototype.push with a slower polyfill.
      glyphs[glyphs.length] = {
        ch,
        x: Math.min(pu, qu),
        x2: Math.max(pu, qu),
        y: pv,
        rot,
        box: [Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1)],
        size: pageSize,
        font: run.font,
        space: ch.trim().length === 0,
        run: run.run,
      };
    } catch {
      failed = true;
    }
  };
  return { text, glyph, items: (page, verticals) => (failed ? [] : groupGlyphs(glyphs, fontFacts, page, verticals)) };
}

/** Memoizes a font lookup by name (one lookup per font and page reading). */
export function cachedFontFacts(fontFacts: (name: string) => FontFacts | null): (name: string) => FontFacts | null {
  const facts = new Map<string, FontFacts | null>();
  return (name) => {
    if (!facts.has(name)) facts.set(name, fontFacts(name));
    return facts.get(name) ?? null;
  };
}

/** Text items of an operator list, in the space of `viewport` (one interpreter pass, text only). */
export function extractGlyphItems(
  fnArray: ArrayLike<number>,
  argsArray: ArrayLike<unknown>,
  viewport: readonly number[],
  fontFacts: (name: string) => FontFacts | null,
  page: number,
  verticals: Segment[] = [],
): TextItem[] {
  const factsOf = cachedFontFacts(fontFacts);
  const collector = glyphCollector(factsOf);
  interpretOperators(fnArray, argsArray, viewport, { text: collector.text, glyph: collector.glyph }, factsOf);
  return collector.items(page, verticals);
}

/** Consecutive glyphs on one baseline become an item; spaces come from the gaps between visible glyphs. */
function groupGlyphs(glyphs: PageGlyph[], factsOf: (name: string) => FontFacts | null, page: number, verticals: Segment[]): TextItem[] {
  // A ruling line between two glyphs always separates them (text of neighbouring cells).
  const ruledBetween = (x1: number, x2: number, y: number, size: number): boolean =>
    verticals.some(
      (v) =>
        v.pos > x1 - RULING_BETWEEN_GLYPHS_PT &&
        v.pos < x2 + RULING_BETWEEN_GLYPHS_PT &&
        v.from <= y &&
        v.to >= y - size * RULING_GLYPH_REACH_EM,
    );
  const items: TextItem[] = [];
  let cur: {
    str: string;
    x: number;
    x2: number;
    y: number;
    size: number;
    font: string;
    rot: number;
    box: [number, number, number, number];
  } | null = null;
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
        str: pdfjs.normalizeUnicode(cur.str).replace(/\s+$/u, ""),
        x: turned ? cx - cur.size / 2 : cur.x,
        y: turned ? cy + cur.size * LETTER_MIDDLE_EM : cur.y,
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
      const em = Math.max(Math.min(cur.size, g.size), MIN_EM_PT);
      const gap = g.x - cur.x2;
      const sameLine = Math.abs(g.y - cur.y) <= em * GLYPH_SAME_LINE_EM;
      if (
        !sameLine ||
        gap < -em * GLYPH_BACKSTEP_EM ||
        gap > ITEM_SPLIT_EM * em ||
        g.font !== cur.font ||
        g.rot !== cur.rot ||
        Math.abs(g.size - cur.size) > GLYPH_SIZE_CHANGE_PT ||
        (g.rot === 0 && ruledBetween(lastMid, g.x, g.y, g.size)) ||
        (g.run !== lastRun && gap > WORD_SPACE_EM * em)
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
    const em = Math.max(Math.min(cur.size, g.size), MIN_EM_PT);
    const gap = g.x - cur.x2;
    // A space glyph counts only if the next glyph really starts after a gap.
    if (gap > WORD_SPACE_EM * em || (pendingSpace && gap > WORD_SPACE_EM * SPACE_GLYPH_SHARE * em)) cur.str += " ";
    cur.str += g.ch;
    cur.x2 = Math.max(cur.x2, g.x2);
    cur.box = [
      Math.min(cur.box[0], g.box[0]),
      Math.min(cur.box[1], g.box[1]),
      Math.max(cur.box[2], g.box[2]),
      Math.max(cur.box[3], g.box[3]),
    ];
    lastMid = (g.x + g.x2) / 2;
    lastRun = g.run;
    pendingSpace = false;
  }
  flush();
  return items;
}
