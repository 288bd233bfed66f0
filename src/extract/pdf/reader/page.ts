/**
 * One PDF page → positioned text items and ruling lines, in a top-down page space (points, origin
 * at the top-left of the page as displayed, rotation applied).
 */
import { MAX_PAGE_MILLISECONDS, MAX_PAGE_OPERATORS } from "../../../limits.js";
import { ConversionFailure } from "../../../model/messages.js";
import { apply, type PageContent, type Segment, type TextItem } from "../page-content.js";
import { FALLBACK_FONT_SIZE_PT, HORIZONTAL_TEXT_SINE, TURNED_PAGE_SHARE } from "../tolerances.js";
import { cachedFontFacts, glyphCollector, type FontFacts } from "./glyphs.js";
import type { PDFPageProxy } from "./load.js";
import { interpretOperators } from "./operators.js";
import { rulingCollector } from "./paths.js";

interface RawItem {
  str: string;
  width: number;
  height: number;
  transform: number[];
  fontName: string;
  hasEOL: boolean;
}

interface FontInfo {
  bold: boolean;
  italic: boolean;
}

function fontInfo(page: PDFPageProxy, fontName: string, cache: Map<string, FontInfo>): FontInfo {
  const hit = cache.get(fontName);
  if (hit) return hit;
  let info: FontInfo = { bold: false, italic: false };
  try {
    const objs = page.commonObjs as unknown as { has(k: string): boolean; get(k: string): unknown };
    if (objs.has(fontName)) {
      const f = objs.get(fontName) as { name?: string; bold?: boolean; black?: boolean; italic?: boolean } | null;
      const name = (f?.name ?? "").replace(/^[A-Z]{6}\+/, "");
      info = {
        bold: Boolean(f?.bold || f?.black) || /bold|black|heavy|semibold|demi|,B\b/i.test(name),
        italic: Boolean(f?.italic) || /italic|oblique|,I\b/i.test(name),
      };
    }
  } catch {
    // font not loaded: no style hint
  }
  cache.set(fontName, info);
  return info;
}

/** Reads one page (text, then operators), then releases the page's resources. */
export async function readPage(page: PDFPageProxy, number: number): Promise<PageContent> {
  try {
    let viewport = page.getViewport({ scale: 1 });
    const ops = await boundedOperatorList(page, number);
    const cache = new Map<string, FontInfo>();
    // One pass over the operators: the glyphs and the rulings of the page in the space of `vt`.
    const read = (vt: number[]): { rulings: { horizontals: Segment[]; verticals: Segment[] }; items: TextItem[] } => {
      const factsOf = cachedFontFacts((name) => fontFacts(page, name, cache));
      const glyphs = glyphCollector(factsOf);
      const paths = rulingCollector();
      interpretOperators(ops.fnArray, ops.argsArray, vt, { text: glyphs.text, glyph: glyphs.glyph, path: paths.add }, factsOf);
      const rulings = paths.rulings;
      // a failure here is not swallowed: extractPdf reports the page as pdf-page-unreadable
      const items = glyphs.items(number, rulings.verticals);
      return { rulings, items };
    };
    let { rulings, items } = read(viewport.transform);
    // A page whose text mostly runs sideways (landscape content on a portrait page without /Rotate)
    // is read turned upright.
    const turn = mostlyTurned(items);
    if (turn !== 0) {
      const turned = page.getViewport({ scale: 1, rotation: (page.rotate + (turn === 1 ? 270 : turn === 3 ? 90 : 180)) % 360 });
      const again = read(turned.transform);
      if (mostlyTurned(again.items) === 0) {
        viewport = turned;
        ({ rulings, items } = again);
      }
    }
    if (items.length === 0) items = await textContentItems(page, viewport.transform, number, cache);
    return {
      number,
      width: viewport.width,
      height: viewport.height,
      items,
      horizontals: rulings.horizontals,
      verticals: rulings.verticals,
    };
  } finally {
    page.cleanup();
  }
}

type OperatorList = Awaited<ReturnType<PDFPageProxy["getOperatorList"]>>;

/** pdf.js's per-intent state of a page (internal): the list as it grows, and the stream feeding it. */
interface IntentState {
  opListReadCapability?: { promise: Promise<OperatorList> };
  operatorList?: { fnArray: number[] };
  renderTasks?: Set<{ operatorListChanged(): void }>;
  streamReader?: { cancel(reason?: unknown): Promise<void> } | null;
}

/**
 * The page's operator list, bounded: more than MAX_PAGE_OPERATORS operators, or more than
 * MAX_PAGE_MILLISECONDS of reading, fails the file as too-complex. pdf.js delivers the list in
 * chunks; a watcher on its chunks stops the stream as soon as the count is passed, so an endless list
 * never fills the memory.
 */
async function boundedOperatorList(page: PDFPageProxy, number: number): Promise<OperatorList> {
  const promise = page.getOperatorList();
  const states = (page as unknown as { _intentStates?: Map<string, IntentState> })._intentStates;
  const state = states ? [...states.values()].find((s) => s.opListReadCapability?.promise === promise) : undefined;
  return new Promise<OperatorList>((resolve, reject) => {
    let settled = false;
    const fail = (why: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // The stream is left to doc.destroy(): cancelling it here makes pdf.js throw on its next chunk.
      reject(new ConversionFailure("too-complex", `page ${number} of the PDF ${why}`));
    };
    const timer = setTimeout(
      () => fail(`took longer than ${MAX_PAGE_MILLISECONDS / 1000} s to read (limit per page)`),
      MAX_PAGE_MILLISECONDS,
    );
    const tooMany = `has more than ${MAX_PAGE_OPERATORS} drawing operators (limit per page)`;
    state?.renderTasks?.add({
      operatorListChanged() {
        if ((state.operatorList?.fnArray.length ?? 0) > MAX_PAGE_OPERATORS) fail(tooMany);
      },
    });
    promise.then(
      (ops) => {
        if (ops.fnArray.length > MAX_PAGE_OPERATORS) return fail(tooMany);
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(ops);
      },
      (err) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}

/** The quarter turns most of a page's text is written in, when at least two thirds of it is. */
function mostlyTurned(items: TextItem[]): number {
  const chars = [0, 0, 0, 0];
  for (const it of items) chars[it.rot ?? 0] += it.str.length;
  const total = chars.reduce((a, b) => a + b, 0);
  if (total === 0) return 0;
  const best = chars.indexOf(Math.max(...chars));
  return best !== 0 && chars[best] >= total * TURNED_PAGE_SHARE ? best : 0;
}

function fontFacts(page: PDFPageProxy, name: string, cache: Map<string, FontInfo>): FontFacts | null {
  try {
    const objs = page.commonObjs as unknown as { has(k: string): boolean; get(k: string): unknown };
    if (!objs.has(name)) return null;
    const f = objs.get(name) as { fontMatrix?: number[]; vertical?: boolean; isType3Font?: boolean } | null;
    const style = fontInfo(page, name, cache);
    return {
      fontMatrix: f?.fontMatrix ?? [0.001, 0, 0, 0.001, 0, 0],
      vertical: Boolean(f?.vertical),
      bold: style.bold,
      italic: style.italic,
    };
  } catch {
    // font object not loaded: the glyphs are read with default facts (no style hint)
    return null;
  }
}

/** Fallback: pdf.js's own text extraction. */
async function textContentItems(page: PDFPageProxy, vt: number[], number: number, cache: Map<string, FontInfo>): Promise<TextItem[]> {
  {
    const content = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false });
    const items: TextItem[] = [];
    for (const raw of content.items as RawItem[]) {
      if (typeof raw.str !== "string" || !raw.transform) continue;
      if (raw.str.length === 0 && !raw.hasEOL) continue;
      const t = raw.transform;
      const m = [vt[0] * t[0] + vt[2] * t[1], vt[1] * t[0] + vt[3] * t[1], vt[0] * t[2] + vt[2] * t[3], vt[1] * t[2] + vt[3] * t[3]];
      const [x, y] = apply(vt, t[4], t[5]);
      const size = Math.hypot(m[2], m[3]) || raw.height || FALLBACK_FONT_SIZE_PT;
      // Text direction in page space; width runs along it.
      const len = Math.hypot(m[0], m[1]) || 1;
      const dx = m[0] / len;
      const dy = m[1] / len;
      const ex = x + dx * raw.width;
      const ey = y + dy * raw.width;
      // Only (near) horizontal text is laid out; vertical text keeps its start point.
      const horizontal = Math.abs(dy) < HORIZONTAL_TEXT_SINE;
      const font = fontInfo(page, raw.fontName, cache);
      items.push({
        str: raw.str,
        x: horizontal ? Math.min(x, ex) : x,
        y: horizontal ? y : Math.max(y, ey),
        x2: horizontal ? Math.max(x, ex) : x + size,
        size,
        fontName: raw.fontName,
        bold: font.bold,
        italic: font.italic,
        eol: raw.hasEOL,
        page: number,
      });
    }
    return items;
  }
}
