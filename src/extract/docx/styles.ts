/**
 * The bits of word/styles.xml the extractor needs: run formatting that styles carry (bold,
 * italic, caps, hidden, size) and list numbering attached to paragraph styles.
 */
import { elements, isW, onOff, wChild, wVal, type XmlElement } from "./xml.js";

export interface RunProps {
  bold?: boolean;
  italic?: boolean;
  caps?: boolean;
  vanish?: boolean;
  /** Font size in points. */
  size?: number;
}

export interface NumPr {
  numId?: string;
  ilvl?: number;
}

interface StyleDef {
  type: string;
  basedOn?: string;
  run: RunProps;
  numPr?: NumPr;
  /** w:outlineLvl of the style's w:pPr, or the level a built-in heading style's name implies. */
  outlineLevel?: number;
}

/** Outline level of a w:pPr (w:outlineLvl 0–8; 9 is body text), undefined when not set. */
export function readOutlineLevel(pPr: XmlElement | undefined): number | undefined {
  const v = wVal(pPr, "outlineLvl");
  if (v === undefined) return undefined;
  const n = parseInt(v, 10);
  return Number.isInteger(n) && n >= 0 && n <= 9 ? n : undefined;
}

/** "heading 1", "Heading 2", "Заглавие 3" → 0, 1, 2 (Word's built-in heading style names). */
function headingLevelOfName(name: string | undefined): number | undefined {
  const m = /^(?:heading|заглавие)\s*([1-9])$/iu.exec((name ?? "").trim());
  return m ? parseInt(m[1], 10) - 1 : undefined;
}

/** Read the run properties of a w:rPr element (only those set explicitly). */
export function readRunProps(rPr: XmlElement | undefined): RunProps {
  const out: RunProps = {};
  if (!rPr) return out;
  const b = onOff(rPr, "b");
  if (b !== undefined) out.bold = b;
  const i = onOff(rPr, "i");
  if (i !== undefined) out.italic = i;
  const caps = onOff(rPr, "caps");
  if (caps !== undefined) out.caps = caps;
  const vanish = onOff(rPr, "vanish");
  if (vanish !== undefined) out.vanish = vanish;
  const sz = Number(wVal(rPr, "sz"));
  if (Number.isFinite(sz) && sz > 0) out.size = sz / 2;
  return out;
}

/** Read a w:numPr element inside a w:pPr. */
export function readNumPr(pPr: XmlElement | undefined): NumPr | undefined {
  const numPr = wChild(pPr, "numPr");
  if (!numPr) return undefined;
  const out: NumPr = {};
  const numId = wVal(numPr, "numId");
  if (numId !== undefined) out.numId = numId;
  const ilvl = Number(wVal(numPr, "ilvl"));
  if (wVal(numPr, "ilvl") !== undefined && Number.isInteger(ilvl)) out.ilvl = ilvl;
  return out;
}

export class Styles {
  private readonly defs = new Map<string, StyleDef>();
  private readonly defaults: RunProps;
  private defaultParagraph: string | undefined;

  constructor(root: XmlElement | null) {
    this.defaults = readRunProps(wChild(wChild(wChild(root ?? undefined, "docDefaults"), "rPrDefault"), "rPr"));
    if (!root) return;
    for (const el of elements(root)) {
      if (!isW(el, "style")) continue;
      const id = el.attrs.styleId;
      if (!id) continue;
      const type = el.attrs.type ?? "paragraph";
      const def: StyleDef = { type, run: readRunProps(wChild(el, "rPr")) };
      const basedOn = wVal(el, "basedOn");
      if (basedOn) def.basedOn = basedOn;
      const numPr = readNumPr(wChild(el, "pPr"));
      if (numPr) def.numPr = numPr;
      const outline = readOutlineLevel(wChild(el, "pPr")) ?? headingLevelOfName(wVal(el, "name"));
      if (outline !== undefined) def.outlineLevel = outline;
      this.defs.set(id, def);
      const isDefault = el.attrs.default === "1" || el.attrs.default === "true";
      if (isDefault && type === "paragraph") this.defaultParagraph = id;
    }
  }

  /** The style chain from the outermost base down to the style itself. */
  private chain(styleId: string | undefined): StyleDef[] {
    const out: StyleDef[] = [];
    const seen = new Set<string>();
    let id = styleId;
    while (id && !seen.has(id)) {
      seen.add(id);
      const def = this.defs.get(id);
      if (!def) break;
      out.unshift(def);
      id = def.basedOn;
    }
    return out;
  }

  /** Run properties a paragraph's text gets from document defaults and its paragraph style. */
  paragraphRun(pStyle: string | undefined): RunProps {
    let props: RunProps = { ...this.defaults };
    for (const def of this.chain(pStyle ?? this.defaultParagraph)) props = { ...props, ...def.run };
    return props;
  }

  /** Run properties set by a character style (w:rStyle). */
  characterRun(rStyle: string | undefined): RunProps {
    let props: RunProps = {};
    for (const def of this.chain(rStyle)) props = { ...props, ...def.run };
    return props;
  }

  /** Outline level a paragraph style gives (through its basedOn chain); 9 or undefined for body text. */
  paragraphOutlineLevel(pStyle: string | undefined): number | undefined {
    let out: number | undefined;
    for (const def of this.chain(pStyle ?? this.defaultParagraph)) {
      if (def.outlineLevel !== undefined) out = def.outlineLevel;
    }
    return out;
  }

  /** Numbering a paragraph style carries (through its basedOn chain), if any. */
  paragraphNumPr(pStyle: string | undefined): NumPr | undefined {
    let out: NumPr | undefined;
    for (const def of this.chain(pStyle ?? this.defaultParagraph)) {
      if (def.numPr) out = { ...out, ...def.numPr };
    }
    return out;
  }
}
