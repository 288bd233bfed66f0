/**
 * Word automatic numbering (word/numbering.xml): computes the label Word displays in front of
 * a numbered paragraph ("1.", "1.1.1", "а)", "II."), which the text of the document does not
 * contain.
 *
 * Rules implemented (ECMA-376 §17.9, as Word applies them):
 * - a w:num points to a w:abstractNum; nums without overrides that share an abstractNum continue
 *   one list (one set of counters), a num with w:lvlOverride is a list instance of its own;
 * - a level starts at w:start (w:startOverride wins) the first time it is used, and counts up by one;
 * - when a level is used, every deeper level restarts, unless its w:lvlRestart says otherwise
 *   (0 = never restarts; n = restarts only when a level 1..n is used);
 * - w:lvlText "%1.%2." is filled with each level's counter formatted with that level's w:numFmt
 *   (all in decimal when the displayed level has w:isLgl);
 * - a higher level not used yet when a deeper one is counts as used at its start value: a list
 *   opening with a level-2 item shows "1.1", and a level-1 item after it is "2" (Word, KB Q110380);
 * - w:numStyleLink / w:styleLink (lists defined through a numbering style) are followed.
 */
import { MAX_NUMBERING_VALUE } from "../../limits.js";
import { elements, isMc, isW, onOff, wChild, wChildren, wVal, type XmlElement } from "./xml.js";

export interface LevelDef {
  start: number;
  numFmt: string;
  lvlText: string;
  /** undefined: restart after any higher level; 0: never; n: after levels 1..n. */
  restart?: number;
  isLgl: boolean;
  /** What follows the label: "tab" | "space" | "nothing". */
  suffix: string;
  /** Paragraph style bound to this level (w:pStyle inside w:lvl). */
  pStyle?: string;
}

interface AbstractNum {
  id: string;
  levels: Map<number, LevelDef>;
  numStyleLink?: string;
}

interface NumDef {
  numId: string;
  abstractNumId: string;
  startOverrides: Map<number, number>;
  levelOverrides: Map<number, LevelDef>;
}

export interface NumberLabel {
  /** The label as displayed, e.g. "1.1.1", "1.", "а)", or the bullet character. */
  text: string;
  bullet: boolean;
  /** What Word puts between label and text ("tab", "space", "nothing"). */
  suffix: string;
}

/** numFmt child, looking inside mc:AlternateContent (Word 2010 writes custom formats there). */
function numFmtOf(lvl: XmlElement): string | undefined {
  const direct = wVal(lvl, "numFmt");
  if (direct !== undefined) return direct;
  for (const alt of elements(lvl)) {
    if (!isMc(alt, "AlternateContent")) continue;
    for (const branch of elements(alt)) {
      const v = wVal(branch, "numFmt");
      if (v !== undefined && v !== "custom") return v;
    }
  }
  return undefined;
}

/** A whole number from an attribute, clamped to what a list number can be (0 … MAX_NUMBERING_VALUE). */
function intOr(v: string | undefined, fallback: number): number {
  const n = v === undefined ? NaN : parseInt(v, 10);
  return Number.isFinite(n) ? Math.min(MAX_NUMBERING_VALUE, Math.max(-1, n)) : fallback;
}

function readLevel(lvl: XmlElement): LevelDef {
  const restartRaw = wVal(lvl, "lvlRestart");
  const def: LevelDef = {
    start: intOr(wVal(lvl, "start"), 0),
    numFmt: numFmtOf(lvl) ?? "decimal",
    lvlText: wChild(lvl, "lvlText")?.attrs.val ?? "",
    isLgl: onOff(lvl, "isLgl") ?? false,
    suffix: wVal(lvl, "suff") ?? "tab",
  };
  if (restartRaw !== undefined) def.restart = intOr(restartRaw, 0);
  const pStyle = wVal(lvl, "pStyle");
  if (pStyle) def.pStyle = pStyle;
  return def;
}

const PRIVATE_USE_BULLETS: Record<string, string> = {
  "\uf0b7": "•",
  "\uf0a7": "▪",
  "\uf06e": "■",
  "\uf0d8": "➢",
  "\uf076": "❖",
  "\uf0fc": "✓",
  "\uf0a8": "•",
  "\uf0de": "⇒",
  "\uf0e8": "➔",
  "\uf02d": "-",
};

/** Map a bullet drawn from a symbol font's private-use area to an ordinary character. */
export function normalizeBullet(text: string): string {
  return text.replace(/[\uf000-\uf0ff]/g, (ch) => PRIVATE_USE_BULLETS[ch] ?? "•");
}

const ROMAN: [number, string][] = [
  [1000, "M"],
  [900, "CM"],
  [500, "D"],
  [400, "CD"],
  [100, "C"],
  [90, "XC"],
  [50, "L"],
  [40, "XL"],
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  let out = "";
  for (const [v, s] of ROMAN) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

/** Letters as Word counts them: a..z, then aa..zz, aaa..zzz (the letter repeated). */
function letters(n: number, alphabet: string): string {
  if (n <= 0) return String(n);
  const chars = [...alphabet];
  const k = chars.length;
  const letter = chars[(n - 1) % k];
  return letter.repeat(Math.floor((n - 1) / k) + 1);
}

// The Cyrillic sequence of numFmt russianLower/russianUpper (also used in Bulgarian documents),
// as LibreOffice renders it: 28 letters, without ё й ъ ы ь.
const RUSSIAN = "абвгдежзиклмнопрстуфхцчшщэюя";
const LATIN = "abcdefghijklmnopqrstuvwxyz";

export function formatNumber(n: number, fmt: string): string {
  // A number beyond what Word counts to would only make a huge label ("aaaa…" for letters).
  n = Math.min(n, MAX_NUMBERING_VALUE);
  switch (fmt) {
    case "decimal":
    case "ordinal":
    case "cardinalText":
    case "ordinalText":
      return String(n);
    case "decimalZero":
      return n >= 0 && n < 10 ? "0" + n : String(n);
    case "upperRoman":
      return roman(n);
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "upperLetter":
      return letters(n, LATIN).toUpperCase();
    case "lowerLetter":
      return letters(n, LATIN);
    case "russianLower":
      return letters(n, RUSSIAN);
    case "russianUpper":
      return letters(n, RUSSIAN).toUpperCase();
    case "decimalEnclosedParen":
      return `(${n})`;
    case "decimalEnclosedFullstop":
      return `${n}.`;
    case "none":
      return "";
    default:
      return String(n);
  }
}

interface ListState {
  counters: (number | undefined)[];
}

export class Numbering {
  private readonly abstracts = new Map<string, AbstractNum>();
  private readonly nums = new Map<string, NumDef>();
  private readonly states = new Map<string, ListState>();
  /** numIds referenced by paragraphs but not defined (reported once each). */
  readonly missing = new Set<string>();

  /**
   * @param root word/numbering.xml, or null when the package has none
   * @param styleNumId resolves a numbering style (w:numStyleLink) to the numId its w:numPr names
   */
  constructor(
    root: XmlElement | null,
    private readonly styleNumId: (styleId: string) => string | undefined = () => undefined,
  ) {
    if (!root) return;
    for (const el of elements(root)) {
      if (isW(el, "abstractNum")) {
        const id = el.attrs.abstractNumId;
        if (id === undefined) continue;
        const levels = new Map<number, LevelDef>();
        for (const lvl of wChildren(el, "lvl")) levels.set(intOr(lvl.attrs.ilvl, 0), readLevel(lvl));
        const abs: AbstractNum = { id, levels };
        const link = wVal(el, "numStyleLink");
        if (link) abs.numStyleLink = link;
        this.abstracts.set(id, abs);
      } else if (isW(el, "num")) {
        const numId = el.attrs.numId;
        const abstractNumId = wVal(el, "abstractNumId");
        if (numId === undefined || abstractNumId === undefined) continue;
        const def: NumDef = { numId, abstractNumId, startOverrides: new Map(), levelOverrides: new Map() };
        for (const ov of wChildren(el, "lvlOverride")) {
          const ilvl = intOr(ov.attrs.ilvl, 0);
          const so = wVal(ov, "startOverride");
          if (so !== undefined) def.startOverrides.set(ilvl, intOr(so, 0));
          const lvl = wChild(ov, "lvl");
          if (lvl) def.levelOverrides.set(ilvl, readLevel(lvl));
        }
        this.nums.set(numId, def);
      }
    }
  }

  /** The abstractNum holding the level definitions for a num, following numStyleLink. */
  private abstractFor(num: NumDef): AbstractNum | undefined {
    let abs = this.abstracts.get(num.abstractNumId);
    const seen = new Set<string>();
    while (abs?.numStyleLink && !seen.has(abs.id)) {
      seen.add(abs.id);
      const linkedNumId = this.styleNumId(abs.numStyleLink);
      const linked = linkedNumId !== undefined ? this.nums.get(linkedNumId) : undefined;
      const next = linked ? this.abstracts.get(linked.abstractNumId) : undefined;
      if (!next) break;
      abs = next;
    }
    return abs;
  }

  private level(num: NumDef, abs: AbstractNum, ilvl: number): LevelDef | undefined {
    return num.levelOverrides.get(ilvl) ?? abs.levels.get(ilvl);
  }

  private startOf(num: NumDef, abs: AbstractNum, ilvl: number): number {
    return num.startOverrides.get(ilvl) ?? this.level(num, abs, ilvl)?.start ?? 0;
  }

  /** The level a paragraph style is bound to inside a num (w:lvl/w:pStyle), if any. */
  levelForStyle(numId: string, pStyle: string | undefined): number | undefined {
    if (!pStyle) return undefined;
    const num = this.nums.get(numId);
    const abs = num && this.abstractFor(num);
    if (!num || !abs) return undefined;
    for (let i = 0; i < 9; i++) if (this.level(num, abs, i)?.pStyle === pStyle) return i;
    return undefined;
  }

  /**
   * Count one paragraph numbered with (numId, ilvl), in document order, and return the label
   * Word shows for it; null when the paragraph shows no label (numId 0, unknown list, format none).
   */
  next(numId: string, ilvl: number): NumberLabel | null {
    if (numId === "0") return null;
    const num = this.nums.get(numId);
    const abs = num && this.abstractFor(num);
    if (!num || !abs) {
      this.missing.add(numId);
      return null;
    }
    const lvl = Math.max(0, Math.min(8, ilvl));
    const def = this.level(num, abs, lvl);
    if (!def) return null;
    const hasOverrides = num.startOverrides.size > 0 || num.levelOverrides.size > 0;
    const key = hasOverrides ? `num:${num.numId}` : `abs:${abs.id}`;
    let state = this.states.get(key);
    if (!state) {
      state = { counters: [] };
      this.states.set(key, state);
    }
    const c = state.counters;
    if (def.numFmt !== "bullet") {
      // Higher levels not used yet count as used at their start value (Word numbers a level-2
      // item that opens the list "1.1", and the level-1 item after it "2").
      for (let k = 0; k < lvl; k++) if (c[k] === undefined) c[k] = this.startOf(num, abs, k);
      c[lvl] = c[lvl] === undefined ? this.startOf(num, abs, lvl) : (c[lvl] as number) + 1;
      for (let k = lvl + 1; k < 9; k++) {
        const restart = this.level(num, abs, k)?.restart;
        // lvlRestart is 1-based: restart when a level 1..restart is used (level index < restart).
        if (restart === undefined || (restart !== 0 && lvl < restart)) c[k] = undefined;
      }
    }
    if (def.numFmt === "bullet") {
      const text = normalizeBullet(def.lvlText).trim();
      return text ? { text, bullet: true, suffix: def.suffix } : null;
    }
    if (def.numFmt === "none" && !/%[1-9]/.test(def.lvlText)) {
      const text = def.lvlText.trim();
      return text ? { text, bullet: false, suffix: def.suffix } : null;
    }
    const text = def.lvlText
      .replace(/%([1-9])/g, (_, d: string) => {
        const k = Number(d) - 1;
        const kDef = this.level(num, abs, k);
        const value = c[k] ?? this.startOf(num, abs, k);
        const fmt = def.isLgl && kDef?.numFmt !== "none" ? "decimal" : (kDef?.numFmt ?? "decimal");
        return formatNumber(value, fmt);
      })
      .trim();
    return text ? { text, bullet: false, suffix: def.suffix } : null;
  }
}
