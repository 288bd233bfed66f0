/**
 * Heading text → { label, title } and the heading's rank, so nested headings ("Оперативна цел 1",
 * "Мярка 2", "Цел") find their place in the section path.
 */
import type { Section } from "../model/schema.js";

// Leading words that name what a heading is. Longer phrases first. The rank orders them from the
// outermost (0) inwards; the same rank replaces the heading before it.
const LABEL_WORDS: { pattern: string; rank: number }[] = [
  { pattern: "стратегическа цел", rank: 0 },
  { pattern: "стратегически цели", rank: 0 },
  { pattern: "приоритетно направление", rank: 1 },
  { pattern: "приоритетна област", rank: 1 },
  { pattern: "приоритет", rank: 1 },
  { pattern: "направление", rank: 1 },
  { pattern: "оперативна цел", rank: 2 },
  { pattern: "специфична цел", rank: 2 },
  { pattern: "подцел", rank: 3 },
  { pattern: "цел", rank: 3 },
  { pattern: "мярка", rank: 4 },
  { pattern: "задача", rank: 5 },
];

/** The number a label word may carry: "2", "2.1", "II", "№ 3". */
const LABEL_NUMBER = "(?:№\\s*)?[\\dIVXLC]+(?:\\.\\d+)*";

const LABEL_RE = new RegExp(`^(${LABEL_WORDS.map((l) => l.pattern).join("|")})(\\s+${LABEL_NUMBER}\\.?)?\\s*[:.–-]\\s*`, "iu");

const NUMBERED_LABEL_RE = new RegExp(`\\s${LABEL_NUMBER}$`, "iu");

/** Whether a label (as splitLabel gives it) carries its own number, Arabic or Roman: "Приоритет 5", "Цел II". */
export function labelHasNumber(label: string): boolean {
  return NUMBERED_LABEL_RE.test(label);
}

export interface Heading {
  label: string | null;
  title: string;
  /** Rank of the label word (0 outermost); null when the heading has no label word. */
  rank: number | null;
}

/** Split "Мярка 2: Прилагане …" into label "Мярка 2" and title "Прилагане …". */
export function parseHeading(text: string): Heading {
  const m = LABEL_RE.exec(text);
  if (!m) return { label: null, title: text.trim(), rank: null };
  const word = m[1];
  const label = (word + (m[2] ? " " + m[2].trim().replace(/\.$/, "") : "")).replace(/\s+/g, " ");
  const title = text.slice(m[0].length).trim();
  const rank = LABEL_WORDS.find((l) => l.pattern === word.toLowerCase())?.rank ?? null;
  return { label, title: title || text.trim(), rank };
}

/** Whether a text starts with a heading label word followed by a colon ("Цел: …", "Мярка 1: …"). */
export function hasHeadingLabel(text: string): boolean {
  return LABEL_RE.test(text);
}

/** Separator rows such as "Дейности:" that are neither rows nor sections. */
export function isSeparatorText(text: string): boolean {
  return /^(дейности|мерки и дейности|мерки|задачи|мероприятия)\s*:?$/iu.test(text.trim());
}

/** Number depth: "1" → 1, "1.2" → 2, "1.2.3" → 3. */
export function numberDepth(number: string | null): number {
  if (!number) return 0;
  return number.split(".").filter(Boolean).length;
}

interface OpenSection {
  section: Section;
  /** For ordering: numbered depth, or a label rank offset. */
  level: number;
}

/**
 * The current path of headings. Numbered headings nest by their depth; labelled, unnumbered headings
 * by the rank of their label word; a heading closes every heading at its level or deeper.
 */
export class SectionPath {
  private open: OpenSection[] = [];

  push(section: Section, level: number): void {
    while (this.open.length && this.open[this.open.length - 1].level >= level) this.open.pop();
    this.open.push({ section, level });
  }

  /** Close every heading at `level` or deeper. */
  closeFrom(level: number): void {
    while (this.open.length && this.open[this.open.length - 1].level >= level) this.open.pop();
  }

  /**
   * The open sections, outermost first. These are the live objects: a heading whose text goes on
   * after a page break is extended in place, and rows already under it see the whole title.
   */
  current(): Section[] {
    return this.open.map((o) => o.section);
  }

  /** The innermost open section, to extend its title when a heading continues on the next page. */
  last(): Section | null {
    return this.open.length ? this.open[this.open.length - 1].section : null;
  }

  lastLevel(): number | null {
    return this.open.length ? this.open[this.open.length - 1].level : null;
  }
}

/** Level of a heading for SectionPath: numbered headings by depth, others by label rank. */
export function headingLevel(number: string | null, heading: Heading): number {
  if (number) return numberDepth(number) * 10;
  if (heading.rank !== null) return heading.rank * 10 + 5;
  return 1;
}

/** A heading split into its parts: number (as printed, trailing dot removed), label, title, rank. */
export interface HeadingParts extends Heading {
  number: string | null;
}

const ROMAN_RE = /^([IVXLC]{1,6})\.\s*(\S.*)$/su;
const ARABIC_RE = /^(\d{1,3}(?:\.\d{1,3})*)(?:\.\s*|\s+)(\S.*)$/su;

/** Whether a number is a roman numeral ("I", "IV"). */
export function isRoman(number: string | null): boolean {
  return !!number && /^[IVXLC]+$/.test(number);
}

/**
 * Split a heading's whole text: "1. Повишаване …" → number "1"; "1.1 Цел: Намаляване …" → number
 * "1.1", label "Цел"; "I. Организационна дейност" → number "I"; "Оперативна цел 2: X",
 * "Приоритет 1. X", "Мярка 1.1. X" → the label keeps its own number, number null.
 */
export function splitHeading(text: string): HeadingParts {
  const t = text.replace(/\s+/g, " ").trim();
  const m = ROMAN_RE.exec(t) ?? ARABIC_RE.exec(t);
  if (m && !/^\d{4}$/.test(m[1]) && /^[\p{L}„"«(]/u.test(m[2])) {
    return { number: m[1], ...parseHeading(m[2]) };
  }
  return { number: null, ...parseHeading(t) };
}

/** Whether a text starts like a heading: a number ("1.", "1.2", "II.") or a label word ("Цел:", "Приоритет 2."). */
export function looksLikeHeading(text: string): boolean {
  const t = text.replace(/\s+/g, " ").trim();
  if (t.length === 0 || t.length > 300) return false;
  return splitHeading(t).number !== null || hasHeadingLabel(t);
}

/**
 * Level of a heading for SectionPath: roman numbers outermost, then numbered headings by depth,
 * labelled ones by the rank of their word; `outline` (a Word outline level) for headings with
 * neither.
 */
export function partsLevel(parts: HeadingParts, outline?: number): number {
  if (isRoman(parts.number)) return 2;
  if (parts.number || parts.rank !== null) return headingLevel(parts.number, parts);
  if (outline !== undefined) return outline * 10 + 2;
  return 1;
}
