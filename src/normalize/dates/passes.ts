/**
 * Finding the periods a deadline cell names ("points"), as an ordered table of named passes.
 *
 * Each pass is `{ name, pattern, build }`: `pattern` is matched everywhere in the normalised text
 * (see vocabulary.ts) that earlier passes have not read yet; `build` turns one match into the
 * points it names, `[]` to swallow the match without a point (dates in references to documents),
 * or null to leave the text for later passes. Every span a pass reads is blanked after the pass,
 * so a weaker pattern cannot read it again: the order of the table is part of the rules (most
 * specific first — school years before calendar years, days before months, a numeric month
 * "10.2024" before a bare day-and-month "01.10").
 */
import {
  dayInterval,
  halfInterval,
  monthInterval,
  quarterInterval,
  schoolYearInterval,
  termInterval,
  validDay,
  lastDay,
  yearInterval,
  type Interval,
} from "./calendar.js";
import { L, MONTH, monthNumber, ORDINAL, ORDINAL_LIST, ordinalNumber, ROMAN_MONTH, romanMonth, YEAR, YEAR_WORD } from "./vocabulary.js";

export type PointKind = "day" | "month" | "year" | "school-year" | "term" | "quarter" | "half-year";

/** One period the text names. A point may lack its year ("декември", "I срок"); `make` builds its interval for a given (starting) year. */
export interface Point {
  kind: PointKind;
  index: number; // position in the normalised text
  length: number;
  /** Builds the interval for year y (for school years and terms: the school year's first year). */
  make: (y: number) => Interval;
  /** The year when the text names it; null when it must be inferred. */
  year: number | null;
  /** For terms / school years: which part ("start"/"end") a modifier asks for; set later. */
  modifier?: "start" | "end";
  /** Resolved interval (after year inference); null when the year could not be inferred. */
  interval?: Interval | null;
  /** How the year was found, for ordering fixes. */
  yearSource?: "text" | "next" | "previous" | "context";
  /** The interval before a modifier narrowed it. */
  base?: Interval | null;
  /** For a half-year that is read as a term of a school year. */
  term?: number;
  /** For "2024-2025" read as two calendar years: the second year (a school year in a school-year plan). */
  yearPair?: number;
}

export interface PointPass {
  /** What the pass reads (tests name passes by it). */
  name: string;
  /** Matched without flags; the scan adds "g". */
  pattern: RegExp;
  /** The points of one match: [] consumes the match without a point, null leaves it to later passes. */
  build: (m: RegExpExecArray) => Point[] | null;
}

/** A point covering the whole match. */
function pt(m: RegExpExecArray, kind: PointKind, make: (y: number) => Interval, year: number | null, extra: Partial<Point> = {}): Point {
  return { kind, index: m.index, length: m[0].length, make, year, ...extra };
}

/** A second point of a match (the end of a range), placed on the match's last character. */
function endPoint(
  m: RegExpExecArray,
  kind: PointKind,
  make: (y: number) => Interval,
  year: number | null,
  extra: Partial<Point> = {},
): Point {
  return { ...pt(m, kind, make, year, extra), index: m.index + m[0].length - 1, length: 1 };
}

/** One ordinal of a list ("I и II срок"), read by ordinalParts; made once (reset before each use). */
const ONE_ORDINAL = new RegExp(`(?<![${L}])${ORDINAL}`, "g");

/** Ordinal lists name one or more parts: "I и II срок", "I-III тримесечие" → from the first to the last. */
function ordinalParts(
  m: RegExpExecArray,
  list: string,
  kind: PointKind,
  make: (n: number) => (y: number) => Interval,
  max: number,
  year: number | null,
): Point[] | null {
  const ns: number[] = [];
  const one = ONE_ORDINAL;
  one.lastIndex = 0;
  let o: RegExpExecArray | null;
  while ((o = one.exec(list)) !== null) ns.push(ordinalNumber(o[1]));
  if (ns.length === 0 || ns.some((n) => n < 1 || n > max)) return null;
  const first = pt(m, kind, make(ns[0]), year, { term: ns[0] });
  if (ns.length === 1) return [first];
  const n2 = ns[ns.length - 1];
  return [first, endPoint(m, kind, make(n2), year, { term: n2 })];
}

const none = (): Point[] => [];

/** The passes, in the order they run. */
export const POINT_PASSES: readonly PointPass[] = [
  {
    // References to documents carry dates that are not deadlines: "№ 1 от 19.02.2020 г.", "№125/25.04.2024".
    name: "numbered reference",
    pattern: new RegExp(
      `№\\s*[\\w\\u0400-\\u04ff.\\-/]*?\\d[\\w\\u0400-\\u04ff.\\-]*\\s*(?:от\\s*|/\\s*)(?:\\d{1,2}\\.\\d{1,2}\\.)?\\d{2,4}(?!\\d)${YEAR_WORD}`,
    ),
    build: none,
  },
  {
    // "Наредба 1 от 19.02.2020 г.", "заповед РД09-1/15.03.2024"
    name: "act with a date",
    pattern: new RegExp(
      `(?:пмс|постановление|решение|заповед|наредба)\\s*(?:№\\s*)?[\\w\\u0400-\\u04ff.\\-]*\\d[\\w\\u0400-\\u04ff.\\-]*\\s*(?:от\\s*|/\\s*)\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}${YEAR_WORD}`,
    ),
    build: none,
  },
  {
    // "ПМС № 100/2024 г."
    name: "act with a year",
    pattern: new RegExp(`(?:пмс|постановление|решение|заповед)\\s*№\\s*\\d+\\s*/\\s*\\d{4}${YEAR_WORD}`),
    build: none,
  },
  {
    // "учебна(та) 2024/2025", "2024-2025 учебна година", "уч. 2024/25", bare "2024/2025";
    // two years joined by "-" without "учебна" are calendar years ("2024-2027 г.").
    name: "school year or year range",
    pattern: new RegExp(
      `(?<![\\d.])(?:(уч\\.|учебна(?:та)?|учебната)\\s*(?:(?:година|год\\.|г\\.)\\s*)?)?${YEAR}\\s*([/-])\\s*(\\d{4}|\\d{2})(?![\\d.])(?:\\s*(?:г\\.|год\\.|година|г(?![${L}])))?(\\s*(?:уч\\.|учебна(?:та)?))?`,
    ),
    build: (m) => {
      const y1 = +m[2];
      let y2 = +m[4];
      if (m[4].length === 2) y2 = Math.floor(y1 / 100) * 100 + y2;
      const school = Boolean(m[1] || m[5]) || m[3] === "/";
      if (school && y2 === y1 + 1) return [pt(m, "school-year", schoolYearInterval, y1)];
      if (m[3] === "-" && m[4].length === 4 && y2 > y1) {
        return [pt(m, "year", yearInterval, y1, { yearPair: y2 }), endPoint(m, "year", yearInterval, y2)];
      }
      return null;
    },
  },
  {
    // "10-15.09.2024"
    name: "numeric day range",
    pattern: new RegExp(`(?<![\\d.])(\\d{1,2})\\s*-\\s*(\\d{1,2})\\s*\\.\\s*(\\d{1,2})\\s*\\.\\s*(\\d{4})(?!\\d)${YEAR_WORD}`),
    build: (m) => {
      const [d1, d2, mo, y] = [+m[1], +m[2], +m[3], +m[4]];
      if (!validDay(y, mo, d1) || !validDay(y, mo, d2) || d2 < d1) return null;
      return [pt(m, "day", dayInterval(mo, d1), y), endPoint(m, "day", dayInterval(mo, d2), y)];
    },
  },
  {
    // "10.9.2024 г.", "10.09.2024г", "10/09/2024", "10.09.24"
    name: "numeric day",
    pattern: new RegExp(`(?<![\\d.])(\\d{1,2})\\s*([./])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{4}|\\d{2})(?![\\d])${YEAR_WORD}`),
    build: (m) => {
      const d = +m[1];
      const mo = +m[3];
      const y = m[4].length === 2 ? 2000 + +m[4] : +m[4];
      if (!validDay(y, mo, d)) return null;
      return [pt(m, "day", dayInterval(mo, d), y)];
    },
  },
  {
    // "10 - 15 октомври 2024"
    name: "day range with a month name",
    pattern: new RegExp(
      `(?<![\\d.])(\\d{1,2})\\s*(?:-|до)\\s*(\\d{1,2})\\s*(?:-?\\s*(?:ви|ри|ти|ми)\\s*)?(?:м\\.\\s*)?(${MONTH})(?![${L}])(?:\\s*,?\\s*${YEAR}(?!\\d)${YEAR_WORD})?`,
    ),
    build: (m) => {
      const mo = monthNumber(m[3]);
      const [d1, d2] = [+m[1], +m[2]];
      if (!mo || d1 < 1 || d2 > 31 || d2 < d1) return null;
      const y = m[4] ? +m[4] : null;
      return [pt(m, "day", dayInterval(mo, d1), y), endPoint(m, "day", dayInterval(mo, d2), y)];
    },
  },
  {
    // "15 септември 2024", "до 15-ти септ.", "1-ви юни"
    name: "day with a month name",
    pattern: new RegExp(
      `(?<![\\d.])(\\d{1,2})\\s*(?:-?\\s*(?:ви|ри|ти|ми)\\s*)?(?:м\\.\\s*)?(${MONTH})(?![${L}])(?:\\s*,?\\s*${YEAR}(?!\\d)${YEAR_WORD})?`,
    ),
    build: (m) => {
      const mo = monthNumber(m[2]);
      const d = +m[1];
      if (!mo || d < 1 || d > lastDay(2024, mo)) return null;
      return [pt(m, "day", dayInterval(mo, d), m[3] ? +m[3] : null)];
    },
  },
  {
    // "15.IX.2024 г."
    name: "day with a roman month",
    pattern: new RegExp(`(?<![\\d.${L}])(\\d{1,2})\\s*\\.\\s*(${ROMAN_MONTH})\\s*\\.\\s*${YEAR}(?!\\d)${YEAR_WORD}`),
    build: (m) => {
      const mo = romanMonth(m[2]);
      const d = +m[1];
      const y = +m[3];
      if (!mo || !validDay(y, mo, d)) return null;
      return [pt(m, "day", dayInterval(mo, d), y)];
    },
  },
  {
    // "м. IX 2024 г.", "IX.2024"
    name: "roman month and year",
    pattern: new RegExp(`(?<![\\d.${L}])(?:м\\.\\s*|месец\\s+)?(${ROMAN_MONTH})\\s*[.\\s]\\s*${YEAR}(?!\\d)${YEAR_WORD}`),
    build: (m) => {
      const mo = romanMonth(m[1]);
      if (!mo) return null;
      return [pt(m, "month", monthInterval(mo), +m[2])];
    },
  },
  {
    // "10.2024 г.", "м. 10.2024", "10/2024"
    name: "numeric month and year",
    pattern: new RegExp(`(?<![\\d.])(?:м\\.\\s*|месец\\s+)?(\\d{1,2})\\s*[./]\\s*${YEAR}(?![\\d])${YEAR_WORD}`),
    build: (m) => {
      const mo = +m[1];
      if (mo < 1 || mo > 12) return null;
      return [pt(m, "month", monthInterval(mo), +m[2])];
    },
  },
  {
    // "01.10 – 15.12.2024" (the year shared with the next point) or the document's year
    name: "numeric day without a year",
    pattern: new RegExp(`(?<![\\d.])(\\d{1,2})\\s*\\.\\s*(\\d{1,2})(?![\\d]|\\s*\\.\\s*\\d)\\.?`),
    build: (m) => {
      const d = +m[1];
      const mo = +m[2];
      if (!validDay(2024, mo, d)) return null;
      return [pt(m, "day", dayInterval(mo, d), null)];
    },
  },
  {
    // "I-во тримесечие на 2025 г.", "първо тримесечие", "I и II тримесечие", "Q1 2025"
    name: "quarter",
    pattern: new RegExp(
      `(?<![${L}\\d])(?:(${ORDINAL_LIST})\\s*(?:тримесечие(?:то)?|тримесечия|квартал)|q([1-4]))(?:\\s*(?:на|от|за)?\\s*${YEAR}(?!\\d)${YEAR_WORD})?`,
    ),
    build: (m) => {
      const year = m[3] ? +m[3] : null;
      if (m[2]) return [pt(m, "quarter", quarterInterval(+m[2]), year)];
      return ordinalParts(m, m[1], "quarter", quarterInterval, 4, year);
    },
  },
  {
    // "първо полугодие на 2025 г.", "II полугодие", "второ шестмесечие"
    name: "half-year",
    pattern: new RegExp(
      `(?<![${L}\\d])(${ORDINAL_LIST})\\s*(?:полугодие(?:то)?|полугодия|шестмесечие(?:то)?)(?:\\s*(?:на|от|за)?\\s*${YEAR}(?![\\d/-])${YEAR_WORD})?`,
    ),
    build: (m) => ordinalParts(m, m[1], "half-year", halfInterval, 2, m[2] ? +m[2] : null),
  },
  {
    // "I срок", "II учебен срок", "първи учебен срок", "1-ви уч. срок", "първия срок", "I и II срок"
    name: "term",
    pattern: new RegExp(`(?<![${L}\\d])(${ORDINAL_LIST})\\s*(?:(?:учебен|учебния|учебният|учебни|уч\\.)\\s*)?срок(?:а|ът|ове)?(?![${L}])`),
    build: (m) => ordinalParts(m, m[1], "term", termInterval, 2, null),
  },
  {
    // "м. октомври 2024 г.", "Декември 2024", "окт. 2024", "септември" ("май" is also a rare noun;
    // accepted, since only deadline cells are read)
    name: "month name",
    pattern: new RegExp(
      `(?<![${L}])(?:м\\.\\s*|месец\\s+|мес\\.\\s*)?(${MONTH})(?![${L}])(?:\\s*,?\\s*(?:м\\.\\s*)?${YEAR}(?![\\d])${YEAR_WORD})?`,
    ),
    build: (m) => {
      const mo = monthNumber(m[1]);
      if (!mo) return null;
      return [pt(m, "month", monthInterval(mo), m[2] ? +m[2] : null)];
    },
  },
  {
    // "2024 г.", "през 2024 година", "2024"
    name: "calendar year",
    pattern: new RegExp(`(?<![\\d./])${YEAR}(?![\\d])${YEAR_WORD}`),
    build: (m) => [pt(m, "year", yearInterval, +m[1])],
  },
  {
    // "учебната година", "текущата учебна година"
    name: "school year without numbers",
    pattern: new RegExp(`(?:уч\\.|учебна(?:та)?)\\s*(?:година|год\\.|г\\.)`),
    build: (m) => [pt(m, "school-year", schoolYearInterval, null)],
  },
];

const GLOBAL_PATTERNS = new WeakMap<PointPass, RegExp>();

/** A pass's pattern with the g flag, made once per pass (findPoints runs on every deadline cell). */
function globalPattern(pass: PointPass): RegExp {
  let g = GLOBAL_PATTERNS.get(pass);
  if (!g) {
    g = new RegExp(pass.pattern.source, pass.pattern.flags.replace("g", "") + "g");
    GLOBAL_PATTERNS.set(pass, g);
  }
  g.lastIndex = 0;
  return g;
}

/**
 * Run passes over a normalised text: every match of a pass is read on the text as the earlier
 * passes left it, then blanked. Returns the points in text order.
 */
export function findPoints(norm: string, passes: readonly PointPass[] = POINT_PASSES): Point[] {
  let work = norm;
  const points: Point[] = [];
  for (const pass of passes) {
    const g = globalPattern(pass);
    const found: { m: RegExpExecArray; pts: Point[] }[] = [];
    let m: RegExpExecArray | null;
    while ((m = g.exec(work)) !== null) {
      if (m[0].length === 0) {
        g.lastIndex++;
        continue;
      }
      const pts = pass.build(m);
      if (pts) found.push({ m, pts });
    }
    for (const { m: mm, pts } of found) {
      work = work.slice(0, mm.index) + "\u0001".repeat(mm[0].length) + work.slice(mm.index + mm[0].length);
      points.push(...pts);
    }
  }
  points.sort((a, b) => a.index - b.index);
  return points;
}
