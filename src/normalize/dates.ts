/**
 * Deadline cells ("Срок за изпълнение") → a period: first day, last day and a kind from
 * DEADLINE_KINDS (src/model/schema.ts). Pure functions; problems are returned as warnings.
 *
 * How a cell is read:
 *   1. The text is lower-cased, dashes unified and whitespace collapsed.
 *   2. Date "points" are found in it, most specific pattern first (school years, days, numeric
 *      months, quarters, half-years, terms, month names, calendar years). Each found span is
 *      blanked so a weaker pattern cannot read it twice. Dates inside references to documents
 *      ("Наредба № 1 от 19.02.2020 г.") are ignored.
 *   3. One point → that point's period (a "до" before it → kind "until", "от"/"след" → "from";
 *      "началото на"/"края на" before it → the first/last part of it). Several points → a range
 *      from the start of the first to the end of the last; a point without a year borrows it from
 *      its neighbours ("септември – декември 2025 г.") or, failing that, from the document period.
 *   4. No point: recurring words → kind "recurring" over the document period; conditional or
 *      referring words → "conditional"; open-ended words → "ongoing"; otherwise "unparsed".
 *
 * Date choices (the project's own, documented in docs/normalize.md):
 *   - school year Y/Y+1: 15 September Y – 14 September Y+1 (CONTRACT);
 *   - I term ("I срок", "първи учебен срок"): 15 September Y – 31 January Y+1;
 *     II term: 1 February Y+1 – 30 June Y+1. The real dates come from the minister's yearly order
 *     (the I term usually ends on a day in early February, the II term on 30 June for the upper
 *     grades and earlier for the lower ones); these fixed, month-aligned dates are the common
 *     Bulgarian school pattern and keep plans comparable;
 *   - "началото на учебната Y/Y+1" → 15 September Y, its opening day (kind "day");
 *     "края на учебната година" → June Y+1
 *     (the month classes end), not the formal 14 September end;
 *   - quarters and half-years are calendar ones (I тримесечие = January–March, първо полугодие =
 *     January–June); a half-year named together with a school year ("първо полугодие на учебната
 *     2024/2025 г.") is read as that school year's term;
 *   - "целогодишно", "през цялата (учебна) година" → the document period (kind "year" or
 *     "school-year"); "постоянен", "текущ", "непрекъснато", "регулярно" → "ongoing", no dates;
 *   - "неприложимо", "не се прилага", a lone dash → "none".
 */
import type { Deadline, DeadlineKind } from "../model/schema.js";

export interface DeadlineContext {
  period: { start: string | null; end: string | null; label?: string } | null;
}

export interface DeadlineWarning {
  code: string;
  message: string;
}

export interface NormalizedDeadline {
  deadline: Deadline;
  warnings: DeadlineWarning[];
}

// ---------------------------------------------------------------------------------------------
// Calendar helpers (plain integers, no Date objects, no time zones)

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function lastDay(y: number, m: number): number {
  return [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

function iso(p: Ymd): string {
  return `${String(p.y).padStart(4, "0")}-${String(p.m).padStart(2, "0")}-${String(p.d).padStart(2, "0")}`;
}

function parseIso(s: string): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m ? { y: +m[1], m: +m[2], d: +m[3] } : null;
}

/** Days since an epoch, for measuring overlaps. */
function dayNumber(p: Ymd): number {
  const a = Math.floor((14 - p.m) / 12);
  const y = p.y + 4800 - a;
  const m = p.m + 12 * a - 3;
  return p.d + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400);
}

function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= lastDay(y, m);
}

function overlapDays(aStart: Ymd, aEnd: Ymd, bStart: Ymd, bEnd: Ymd): number {
  const s = Math.max(dayNumber(aStart), dayNumber(bStart));
  const e = Math.min(dayNumber(aEnd), dayNumber(bEnd));
  return e >= s ? e - s + 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Points: one period the text names. A point may lack its year ("декември", "I срок"); `make`
// builds its interval for a given (starting) year.

type PointKind = "day" | "month" | "year" | "school-year" | "term" | "quarter" | "half-year";

interface Interval {
  start: Ymd;
  end: Ymd;
}

interface Point {
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

const monthInterval = (m: number) => (y: number): Interval => ({
  start: { y, m, d: 1 },
  end: { y, m, d: lastDay(y, m) },
});

const dayInterval = (m: number, d: number) => (y: number): Interval => {
  // 29 February in a non-leap year: clamp to the month's last day.
  const dd = Math.min(d, lastDay(y, m));
  return { start: { y, m, d: dd }, end: { y, m, d: dd } };
};

const yearInterval = (y: number): Interval => ({ start: { y, m: 1, d: 1 }, end: { y, m: 12, d: 31 } });

const schoolYearInterval = (y: number): Interval => ({ start: { y, m: 9, d: 15 }, end: { y: y + 1, m: 9, d: 14 } });

const termInterval = (n: number) => (y: number): Interval =>
  n === 1
    ? { start: { y, m: 9, d: 15 }, end: { y: y + 1, m: 1, d: 31 } }
    : { start: { y: y + 1, m: 2, d: 1 }, end: { y: y + 1, m: 6, d: 30 } };

const quarterInterval = (n: number) => (y: number): Interval => ({
  start: { y, m: 3 * n - 2, d: 1 },
  end: { y, m: 3 * n, d: lastDay(y, 3 * n) },
});

const halfInterval = (n: number) => (y: number): Interval =>
  n === 1 ? { start: { y, m: 1, d: 1 }, end: { y, m: 6, d: 30 } } : { start: { y, m: 7, d: 1 }, end: { y, m: 12, d: 31 } };

// ---------------------------------------------------------------------------------------------
// Vocabulary

const L = "а-яa-z"; // letters after lower-casing (Cyrillic і is mapped to Latin i)

/** Month names and abbreviations; the month number is found from the stem. */
const MONTH =
  "януари|януарий|яну\\.?|ян\\.|февруари|февруарий|февр\\.?|фев\\.|март|мар\\.|април|апр\\.|май|юни|юли|август|авг\\.|" +
  "септември|септемврий|септ\\.?|сеп\\.|октомври|октомврий|окт\\.?|ноември|ноемврий|ноем\\.|ное\\.|нояв\\.?|декември|декемврий|дек\\.?";

function monthNumber(token: string): number {
  const t = token.replace(/\.$/, "");
  const stems: [string, number][] = [
    ["ян", 1],
    ["фе", 2],
    ["мар", 3],
    ["ап", 4],
    ["май", 5],
    ["юн", 6],
    ["юл", 7],
    ["ав", 8],
    ["се", 9],
    ["ок", 10],
    ["но", 11],
    ["де", 12],
  ];
  for (const [stem, n] of stems) if (t.startsWith(stem)) return n;
  return 0;
}

const YEAR = "((?:19|20)\\d{2})";
/** "г.", "год.", "година", "годtimes" after a year, consumed so it is not left over. */
const YEAR_WORD = `(?:\\s*(?:г\\.|год\\.|година|г(?![${L}])))?`;

/** Ordinals for terms (1–2), half-years (1–2) and quarters (1–4). */
const ORDINAL =
  `(iv|iii|ii|i|[1-4]|първи(?:ят|я)?|първо(?:то)?|първа(?:та)?|втори(?:ят|я)?|второ(?:то)?|втора(?:та)?|` +
  `трети(?:ят|я)?|трето(?:то)?|четвърти(?:ят|я)?|четвърто(?:то)?)` +
  `(?:\\s*-\\s*(?:во|ро|то|ви|ри|ти|ия|ият|ия))?`;

/** One or more ordinals: "I", "I и II", "I-III", "първо и второ" (no capture groups). */
const ORDINAL_NC = ORDINAL.replace(/\((?!\?)/g, "(?:");
const ORDINAL_LIST = `${ORDINAL_NC}(?:\\s*(?:и|,|-|–|до)\\s*${ORDINAL_NC})*`;

function romanMonth(token: string): number {
  const r = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"];
  return r.indexOf(token) + 1;
}

function ordinalNumber(token: string): number {
  const t = token.trim();
  const roman: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
  if (roman[t]) return roman[t];
  if (/^[1-4]$/.test(t)) return +t;
  if (t.startsWith("първ")) return 1;
  if (t.startsWith("втор")) return 2;
  if (t.startsWith("трет")) return 3;
  if (t.startsWith("четвърт")) return 4;
  return 0;
}

const RECURRING: [RegExp, string][] = [
  [/ежедневн|ежедневен|всеки ден|всекидневн|(?<![а-я])дневно(?![а-я])/, "daily"],
  [/ежеседмич|всяка седмица|(?<![а-я])седмично(?![а-я])|веднъж седмично|всеки (?:понеделник|вторник|петък|четвъртък|събота|неделя)|всяка (?:сряда|събота|неделя)/, "weekly"],
  [/ежемесеч|всеки месец|(?<![а-я])месечно(?![а-я])|веднъж месечно|число(?:то)? на (?:всеки |текущия |следващия )?месец/, "monthly"],
  [/ежетримесеч|всяко тримесечие|на всяко тримесечие|(?<![а-я])тримесечно(?![а-я])/, "quarterly"],
  [/всеки (?:учебен )?срок|в края на всеки срок/, "termly"],
  [/(?:два|2) пъти (?:в |през )?(?:годи(?:шно|на)|учебната година)|веднъж на полугодие|ежеполугоди|(?<![а-я])полугодишно(?![а-я])/, "half-yearly"],
  [/ежегод|всяка (?:учебна |календарна )?година|(?<![а-я])годишно(?![а-я])|веднъж годишно/, "yearly"],
  [/периодичн/, "periodic"],
];

const CONDITIONAL =
  /при необходимост|при нужда|при поискване|при възникн|при възникване|при наличие|при сигнал|при покана|при заявка|при промян|при постъпване|при получаване|при обявяване|при откриване|при установяване|(?<![а-я])съгласно|(?<![а-я])според|по график|по графика|в зависимост|в сроковете|в сроковет|в съответствие с|в срокове|по заявка|по искане|по преценка|след одобрение|след утвърждаване|след обявяване|след получаване|по време на|когато|ако |(?<![а-я])при (?!това)|(?<![а-я])след (?=[а-я])|(?:дни|дена|седмици|месеца) (?:след|от|преди)|в срок от|в [0-9]+-?дневен срок|в едномесечен срок|в тримесечен срок/;

const ONGOING = /постоян|(?<![а-я])текущ|непрекъснат|регулярн|перманентн|(?<![а-я])винаги|всекидневно|системно/;

const WHOLE_PERIOD = /целогодишн|през цялата (?:учебна |календарна )?година|през цялата година|през годината|в рамките на годината|през цялия период|за целия период/;

const NONE = /^(?:-+|—|x|х|неприложимо|не се прилага|няма|н\/п|n\/a)\.?$/;

// ---------------------------------------------------------------------------------------------

function normalizeText(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/\u0456/g, "i") // Cyrillic і (used in roman numerals such as "ІІ срок")
    // Cyrillic х written for X in a roman month ("15.ХІІ.2024"): only between dots / before a year.
    .replace(/(?<=\.\s?)[хx]([ivх]*)(?=\s?\.)/g, (_m, rest: string) => "x" + rest.replace(/х/g, "x"))
    .replace(/\u00ad/g, "")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}

/** Finds all points; spans already read are blanked in `work` so they are read once. */
function findPoints(norm: string): Point[] {
  let work = norm;
  const points: Point[] = [];

  const blank = (index: number, length: number) => {
    work = work.slice(0, index) + "\u0001".repeat(length) + work.slice(index + length);
  };
  const scan = (re: RegExp, onMatch: (m: RegExpExecArray) => Point[] | null) => {
    const g = new RegExp(re.source, "g");
    const found: { m: RegExpExecArray; pts: Point[] }[] = [];
    let m: RegExpExecArray | null;
    while ((m = g.exec(work)) !== null) {
      if (m[0].length === 0) {
        g.lastIndex++;
        continue;
      }
      const pts = onMatch(m);
      if (pts) found.push({ m, pts });
    }
    for (const { m: mm, pts } of found) {
      blank(mm.index, mm[0].length);
      points.push(...pts);
    }
  };
  const pt = (m: RegExpExecArray, kind: PointKind, make: (y: number) => Interval, year: number | null, extra: Partial<Point> = {}): Point => ({
    kind,
    index: m.index,
    length: m[0].length,
    make,
    year,
    ...extra,
  });

  // 0. References to documents carry dates that are not deadlines: "№ 1 от 19.02.2020 г.", "№125/25.04.2024".
  scan(new RegExp(`№\\s*[\\w\\u0400-\\u04ff.\\-/]*?\\d[\\w\\u0400-\\u04ff.\\-]*\\s*(?:от\\s*|/\\s*)(?:\\d{1,2}\\.\\d{1,2}\\.)?\\d{2,4}(?!\\d)${YEAR_WORD}`), () => []);
  scan(new RegExp(`(?:пмс|постановление|решение|заповед|наредба)\\s*(?:№\\s*)?[\\w\\u0400-\\u04ff.\\-]*\\d[\\w\\u0400-\\u04ff.\\-]*\\s*(?:от\\s*|/\\s*)\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}${YEAR_WORD}`), () => []);
  scan(new RegExp(`(?:пмс|постановление|решение|заповед)\\s*№\\s*\\d+\\s*/\\s*\\d{4}${YEAR_WORD}`), () => []);

  // 1. School years: "учебна(та) 2024/2025", "2024-2025 учебна година", "уч. 2024/25", bare "2024/2025".
  //    Two consecutive years joined by "-" without "учебна" are two calendar years.
  scan(
    new RegExp(
      `(?<![\\d.])(?:(уч\\.|учебна(?:та)?|учебната)\\s*(?:(?:година|год\\.|г\\.)\\s*)?)?${YEAR}\\s*([/-])\\s*(\\d{4}|\\d{2})(?![\\d.])(?:\\s*(?:г\\.|год\\.|година|г(?![${L}])))?(\\s*(?:уч\\.|учебна(?:та)?))?`,
    ),
    (m) => {
      const y1 = +m[2];
      let y2 = +m[4];
      if (m[4].length === 2) y2 = Math.floor(y1 / 100) * 100 + y2;
      const school = Boolean(m[1] || m[5]) || m[3] === "/";
      if (school && y2 === y1 + 1) return [pt(m, "school-year", schoolYearInterval, y1)];
      if (m[3] === "-" && m[4].length === 4 && y2 > y1) {
        // "2024-2027 г.": a range of calendar years.
        return [
          pt(m, "year", yearInterval, y1, { yearPair: y2 }),
          { ...pt(m, "year", yearInterval, y2), index: m.index + m[0].length - 1, length: 1 },
        ];
      }
      return null;
    },
  );

  // 2a. Numeric day ranges sharing month and year: "10-15.09.2024".
  scan(new RegExp(`(?<![\\d.])(\\d{1,2})\\s*-\\s*(\\d{1,2})\\s*\\.\\s*(\\d{1,2})\\s*\\.\\s*(\\d{4})(?!\\d)${YEAR_WORD}`), (m) => {
    const [d1, d2, mo, y] = [+m[1], +m[2], +m[3], +m[4]];
    if (!validDay(y, mo, d1) || !validDay(y, mo, d2) || d2 < d1) return null;
    return [pt(m, "day", dayInterval(mo, d1), y), { ...pt(m, "day", dayInterval(mo, d2), y), index: m.index + m[0].length - 1, length: 1 }];
  });

  // 2b. Numeric days: "10.9.2024 г.", "10.09.2024г", "10/09/2024", "10.09.24".
  scan(new RegExp(`(?<![\\d.])(\\d{1,2})\\s*([./])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{4}|\\d{2})(?![\\d])${YEAR_WORD}`), (m) => {
    const d = +m[1];
    const mo = +m[3];
    const y = m[4].length === 2 ? 2000 + +m[4] : +m[4];
    if (!validDay(y, mo, d)) return null;
    return [pt(m, "day", dayInterval(mo, d), y)];
  });

  // 2c. Day ranges with a month name: "10 - 15 октомври 2024".
  scan(
    new RegExp(`(?<![\\d.])(\\d{1,2})\\s*(?:-|до)\\s*(\\d{1,2})\\s*(?:-?\\s*(?:ви|ри|ти|ми)\\s*)?(?:м\\.\\s*)?(${MONTH})(?![${L}])(?:\\s*,?\\s*${YEAR}(?!\\d)${YEAR_WORD})?`),
    (m) => {
      const mo = monthNumber(m[3]);
      const [d1, d2] = [+m[1], +m[2]];
      if (!mo || d1 < 1 || d2 > 31 || d2 < d1) return null;
      const y = m[4] ? +m[4] : null;
      return [pt(m, "day", dayInterval(mo, d1), y), { ...pt(m, "day", dayInterval(mo, d2), y), index: m.index + m[0].length - 1, length: 1 }];
    },
  );

  // 2d. Day with a month name: "15 септември 2024", "до 15-ти септ.", "1-ви юни".
  scan(
    new RegExp(`(?<![\\d.])(\\d{1,2})\\s*(?:-?\\s*(?:ви|ри|ти|ми)\\s*)?(?:м\\.\\s*)?(${MONTH})(?![${L}])(?:\\s*,?\\s*${YEAR}(?!\\d)${YEAR_WORD})?`),
    (m) => {
      const mo = monthNumber(m[2]);
      const d = +m[1];
      if (!mo || d < 1 || d > lastDay(2024, mo)) return null;
      return [pt(m, "day", dayInterval(mo, d), m[3] ? +m[3] : null)];
    },
  );

  // 2f. Roman month numerals: "15.IX.2024 г.", "м. IX 2024 г.", "IX.2024".
  const ROMAN_MONTH = "xii|xi|x|ix|viii|vii|vi|v|iv|iii|ii|i";
  scan(new RegExp(`(?<![\\d.${L}])(\\d{1,2})\\s*\\.\\s*(${ROMAN_MONTH})\\s*\\.\\s*${YEAR}(?!\\d)${YEAR_WORD}`), (m) => {
    const mo = romanMonth(m[2]);
    const d = +m[1];
    const y = +m[3];
    if (!mo || !validDay(y, mo, d)) return null;
    return [pt(m, "day", dayInterval(mo, d), y)];
  });
  scan(new RegExp(`(?<![\\d.${L}])(?:м\\.\\s*|месец\\s+)?(${ROMAN_MONTH})\\s*[.\\s]\\s*${YEAR}(?!\\d)${YEAR_WORD}`), (m) => {
    const mo = romanMonth(m[1]);
    if (!mo) return null;
    return [pt(m, "month", monthInterval(mo), +m[2])];
  });

  // 3. Numeric month and year: "10.2024 г.", "м. 10.2024", "10/2024".
  scan(new RegExp(`(?<![\\d.])(?:м\\.\\s*|месец\\s+)?(\\d{1,2})\\s*[./]\\s*${YEAR}(?![\\d])${YEAR_WORD}`), (m) => {
    const mo = +m[1];
    if (mo < 1 || mo > 12) return null;
    return [pt(m, "month", monthInterval(mo), +m[2])];
  });

  // 2e. Day and month without a year, numeric: "01.10 – 15.12.2024" (year shared) or context year.
  scan(new RegExp(`(?<![\\d.])(\\d{1,2})\\s*\\.\\s*(\\d{1,2})(?![\\d]|\\s*\\.\\s*\\d)\\.?`), (m) => {
    const d = +m[1];
    const mo = +m[2];
    if (!validDay(2024, mo, d)) return null;
    return [pt(m, "day", dayInterval(mo, d), null)];
  });

  // Ordinal lists name one or more parts: "I и II срок", "I-III тримесечие" → from the first to the last.
  const ordinalParts = (
    m: RegExpExecArray,
    list: string,
    kind: PointKind,
    make: (n: number) => (y: number) => Interval,
    max: number,
    year: number | null,
  ): Point[] | null => {
    const ns: number[] = [];
    const one = new RegExp(`(?<![${L}])${ORDINAL}`, "g");
    let o: RegExpExecArray | null;
    while ((o = one.exec(list)) !== null) ns.push(ordinalNumber(o[1]));
    if (ns.length === 0 || ns.some((n) => n < 1 || n > max)) return null;
    const first = pt(m, kind, make(ns[0]), year, { term: ns[0] });
    if (ns.length === 1) return [first];
    const n2 = ns[ns.length - 1];
    return [first, { ...pt(m, kind, make(n2), year, { term: n2 }), index: m.index + m[0].length - 1, length: 1 }];
  };

  // 4. Quarters: "I-во тримесечие на 2025 г.", "първо тримесечие", "I и II тримесечие", "Q1 2025".
  scan(
    new RegExp(`(?<![${L}\\d])(?:(${ORDINAL_LIST})\\s*(?:тримесечие(?:то)?|тримесечия|квартал)|q([1-4]))(?:\\s*(?:на|от|за)?\\s*${YEAR}(?!\\d)${YEAR_WORD})?`),
    (m) => {
      const year = m[3] ? +m[3] : null;
      if (m[2]) return [pt(m, "quarter", quarterInterval(+m[2]), year)];
      return ordinalParts(m, m[1], "quarter", quarterInterval, 4, year);
    },
  );

  // 5. Half-years: "първо полугодие на 2025 г.", "II полугодие", "второ шестмесечие".
  scan(
    new RegExp(`(?<![${L}\\d])(${ORDINAL_LIST})\\s*(?:полугодие(?:то)?|полугодия|шестмесечие(?:то)?)(?:\\s*(?:на|от|за)?\\s*${YEAR}(?![\\d/-])${YEAR_WORD})?`),
    (m) => ordinalParts(m, m[1], "half-year", halfInterval, 2, m[2] ? +m[2] : null),
  );

  // 6. Terms: "I срок", "II учебен срок", "първи учебен срок", "1-ви уч. срок", "първия срок", "I и II срок".
  scan(
    new RegExp(`(?<![${L}\\d])(${ORDINAL_LIST})\\s*(?:(?:учебен|учебния|учебният|учебни|уч\\.)\\s*)?срок(?:а|ът|ове)?(?![${L}])`),
    (m) => ordinalParts(m, m[1], "term", termInterval, 2, null),
  );

  // 7. Month names with an optional year: "м. октомври 2024 г.", "Декември 2024", "окт. 2024", "септември".
  scan(
    new RegExp(`(?<![${L}])(?:м\\.\\s*|месец\\s+|мес\\.\\s*)?(${MONTH})(?![${L}])(?:\\s*,?\\s*(?:м\\.\\s*)?${YEAR}(?![\\d])${YEAR_WORD})?`),
    (m) => {
      const mo = monthNumber(m[1]);
      if (!mo) return null;
      // "май" is also a rare noun; accept it (it is only read in deadline cells).
      return [pt(m, "month", monthInterval(mo), m[2] ? +m[2] : null)];
    },
  );

  // 8. Calendar years: "2024 г.", "през 2024 година", "2024".
  scan(new RegExp(`(?<![\\d./])${YEAR}(?![\\d])${YEAR_WORD}`), (m) => [pt(m, "year", yearInterval, +m[1])]);

  // 9. A school year named without numbers: "учебната година", "текущата учебна година".
  scan(new RegExp(`(?:уч\\.|учебна(?:та)?)\\s*(?:година|год\\.|г\\.)`), (m) => [pt(m, "school-year", schoolYearInterval, null)]);

  points.sort((a, b) => a.index - b.index);
  return points;
}

// ---------------------------------------------------------------------------------------------

interface ContextPeriod {
  start: Ymd;
  end: Ymd;
  schoolYear: number | null; // first year when the period is a school year
}

function contextPeriod(ctx: DeadlineContext): ContextPeriod | null {
  const p = ctx.period;
  if (!p) return null;
  const start = p.start ? parseIso(p.start) : null;
  const end = p.end ? parseIso(p.end) : null;
  const label = p.label ?? "";
  const sy = /((?:19|20)\d{2})\s*[/-]\s*(\d{2,4})/.exec(label);
  let schoolYear: number | null = sy ? +sy[1] : null;
  if (start && end) {
    if (schoolYear === null && start.m >= 8 && end.y === start.y + 1) schoolYear = start.y;
    return { start, end, schoolYear };
  }
  if (schoolYear !== null) {
    const i = schoolYearInterval(schoolYear);
    return { start: i.start, end: i.end, schoolYear };
  }
  const y = /((?:19|20)\d{2})/.exec(label);
  if (y) return { start: { y: +y[1], m: 1, d: 1 }, end: { y: +y[1], m: 12, d: 31 }, schoolYear: null };
  if (start) return { start, end: start, schoolYear: null };
  if (end) return { start: end, end, schoolYear: null };
  return null;
}

/** The year for which make(y) overlaps the document period most (ties: the period's first year first). */
function bestYear(make: (y: number) => Interval, period: ContextPeriod): number {
  const base = period.start.y;
  const candidates = [base, base + 1, base - 1, period.end.y, period.end.y - 1];
  let best = base;
  let bestOverlap = -1;
  for (const y of candidates) {
    const i = make(y);
    const o = overlapDays(i.start, i.end, period.start, period.end);
    if (o > bestOverlap) {
      best = y;
      bestOverlap = o;
    }
  }
  return best;
}

function applyModifier(p: Point, i: Interval, modifier: "start" | "end"): Interval {
  // The beginning of a school year is its opening day, 15 September.
  if (modifier === "start" && p.kind === "school-year") return { start: i.start, end: i.start };
  if (modifier === "start") {
    return { start: i.start, end: { y: i.start.y, m: i.start.m, d: lastDay(i.start.y, i.start.m) } };
  }
  if (p.kind === "school-year") {
    // The end of a school year in practice: June, the month classes end (not the formal 14 September).
    const y = i.end.y;
    return { start: { y, m: 6, d: 1 }, end: { y, m: 6, d: 30 } };
  }
  return { start: { y: i.end.y, m: i.end.m, d: 1 }, end: i.end };
}

const MODIFIER_BEFORE = new RegExp(`(?:^|[^${L}])(начало(?:то)?|кра(?:я|ят|й)|средата)\\s+(?:на\\s+)?(?:(?:м\\.|месец)\\s*)?$`);

function wholeMonth(i: Interval): boolean {
  return i.start.y === i.end.y && i.start.m === i.end.m && i.start.d === 1 && i.end.d === lastDay(i.end.y, i.end.m);
}

// ---------------------------------------------------------------------------------------------

/**
 * Reads a deadline cell. `ctx.period` is the document's period (for a month without a year,
 * for recurring deadlines and for the "deadline-outside-period" check).
 */
export function normalizeDeadline(text: string | null, ctx: DeadlineContext): NormalizedDeadline {
  const warnings: DeadlineWarning[] = [];
  const raw = text === null ? "" : text.replace(/\s+/g, " ").trim();
  const result = (kind: DeadlineKind, start: string | null, end: string | null, recurrence?: string): NormalizedDeadline => {
    const deadline: Deadline = { text: raw === "" ? null : raw, start, end, kind };
    if (recurrence) deadline.recurrence = recurrence;
    return { deadline, warnings };
  };
  if (raw === "") return result("none", null, null);

  const norm = normalizeText(raw);
  if (NONE.test(norm)) return result("none", null, null);
  // For keyword tests only: words broken by a hyphen at a line end joined again ("необхо- димост").
  const squashed = norm.replace(/([а-я])-\s*([а-я])/g, "$1$2");
  const period = contextPeriod(ctx);

  const recurrence = RECURRING.find(([re]) => re.test(squashed))?.[1];
  const points = findPoints(norm);
  // "2024-2025 г." in a 2024/2025 school-year plan names the school year.
  for (let k = 0; k < points.length - 1; k++) {
    const p = points[k];
    if (p.yearPair !== undefined && period?.schoolYear === p.year && p.yearPair === (p.year as number) + 1) {
      points.splice(k, 2, { ...p, kind: "school-year", make: schoolYearInterval, length: points[k + 1].index + 1 - p.index, yearPair: undefined });
    }
  }

  // Year inference and modifiers.
  let yearUnknown = false;
  for (let k = 0; k < points.length; k++) {
    const p = points[k];
    const gapStart = k === 0 ? 0 : points[k - 1].index + points[k - 1].length;
    const gap = norm.slice(gapStart, p.index);
    const mod = MODIFIER_BEFORE.exec(gap);
    if (mod) p.modifier = mod[1].startsWith("начал") ? "start" : mod[1].startsWith("кра") ? "end" : undefined;
  }

  // A term or a half-year together with a school year: the school year gives the term its year.
  const schoolPoint = points.find((p) => p.kind === "school-year" && p.year !== null);
  const hasSchoolWord = /учебн|уч\./.test(norm);
  for (const p of points) {
    if (p.kind === "half-year" && p.year === null && (schoolPoint || hasSchoolWord)) {
      p.kind = "term";
      p.make = termInterval(p.term ?? 1);
    }
  }
  let effective = points;
  if (schoolPoint && points.some((p) => p.kind === "term")) {
    for (const p of points) if (p.kind === "term") p.year = schoolPoint.year;
    effective = points.filter((p) => p !== schoolPoint);
  }
  // A school year named without numbers ("учебната година") next to a numbered one adds nothing.
  if (schoolPoint) effective = effective.filter((p) => !(p.kind === "school-year" && p.year === null));

  // Years for points that lack one: the next point with a year, else the previous one, else the context.
  for (let k = 0; k < effective.length; k++) {
    const p = effective[k];
    if (p.year !== null) {
      p.yearSource = "text";
      continue;
    }
    if (p.kind === "day" || p.kind === "month") {
      const next = effective.slice(k + 1).find((q) => q.year !== null && q.kind !== "school-year" && q.kind !== "term");
      const prev = effective
        .slice(0, k)
        .reverse()
        .find((q) => q.year !== null && q.kind !== "school-year" && q.kind !== "term");
      if (next) {
        p.year = next.kind === "year" ? next.year : next.make(next.year as number).start.y;
        p.yearSource = "next";
        continue;
      }
      if (prev) {
        p.year = prev.make(prev.year as number).end.y;
        p.yearSource = "previous";
        continue;
      }
    }
    if (period) {
      if (p.kind === "school-year" || p.kind === "term") {
        p.year = period.schoolYear ?? bestYear(p.make, period);
      } else {
        p.year = bestYear(p.make, period);
      }
      p.yearSource = "context";
    } else {
      yearUnknown = true;
    }
  }
  for (const p of effective) p.interval = p.year === null ? null : p.make(p.year);

  // Keep a range in order: a later part that came out earlier than the part before moves a year on.
  for (let k = 1; k < effective.length; k++) {
    const a = effective[k - 1];
    const b = effective[k];
    if (!a.interval || !b.interval) continue;
    if (dayNumber(b.interval.start) < dayNumber(a.interval.start)) {
      if (b.yearSource === "previous" || b.yearSource === "context") {
        b.year = (b.year as number) + 1;
        b.interval = b.make(b.year);
      } else if (a.yearSource === "next" || a.yearSource === "context") {
        a.year = (a.year as number) - 1;
        a.interval = a.make(a.year);
      }
    }
  }
  for (const p of effective) {
    p.base = p.interval;
    if (p.interval && p.modifier) p.interval = applyModifier(p, p.interval, p.modifier);
  }

  let kind: DeadlineKind;
  let start: string | null = null;
  let end: string | null = null;

  if (effective.length > 0) {
    const first = effective[0];
    const last = effective[effective.length - 1];
    const before = norm.slice(0, first.index);
    const until = /(?:^|[^а-яa-z])(?:до|преди|не по-късно от)(?:\s+(?:края|началото|средата)\s+на)?\s*(?:м\.\s*|месец\s+)?$/.test(before);
    const from = /(?:^|[^а-яa-z])(?:от|след|считано от|начиная от|започвайки от)(?:\s+(?:края|началото|средата)\s+на)?\s*(?:м\.\s*|месец\s+)?$/.test(before);
    if (first.interval) start = iso(first.interval.start);
    if (last.interval) end = iso(last.interval.end);
    if (effective.length === 1) {
      const i = first.interval;
      if (first.modifier && i) kind = wholeMonth(i) ? "month" : dayNumber(i.start) === dayNumber(i.end) ? "day" : "range";
      else kind = first.kind;
    } else {
      kind = "range";
    }
    if (effective.length === 1 && until) {
      kind = "until";
      start = null;
      // "до началото на учебната година": by the day it begins.
      if (first.modifier === "start" && first.base) end = iso(first.base.start);
    } else if (effective.length === 1 && from) {
      kind = "from";
      end = null;
    }
    if (recurrence) kind = "recurring";
    if (yearUnknown) {
      warnings.push({ code: "deadline-year-unknown", message: `the deadline "${raw}" names no year and the document has no period` });
    }
  } else if (recurrence) {
    kind = "recurring";
    if (period) {
      start = iso(period.start);
      end = iso(period.end);
    }
  } else if (WHOLE_PERIOD.test(squashed) && period) {
    kind = period.schoolYear !== null ? "school-year" : "year";
    start = iso(period.start);
    end = iso(period.end);
  } else if (CONDITIONAL.test(squashed)) {
    kind = "conditional";
  } else if (ONGOING.test(squashed) || WHOLE_PERIOD.test(squashed)) {
    kind = "ongoing";
  } else {
    kind = "unparsed";
    warnings.push({ code: "deadline-unparsed", message: `the deadline "${raw}" names no period the tool understands` });
  }

  if (period && (start || end)) {
    // Compared by whole months: a school year that begins on 15 September still "covers"
    // "септември 2024 г.", so a deadline is outside only when it reaches a month the period
    // does not touch at all.
    const ps = iso({ y: period.start.y, m: period.start.m, d: 1 });
    const pe = iso({ y: period.end.y, m: period.end.m, d: lastDay(period.end.y, period.end.m) });
    const outside = (start !== null && (start < ps || start > pe)) || (end !== null && (end > pe || end < ps));
    if (outside) {
      warnings.push({
        code: "deadline-outside-period",
        message: `the deadline "${raw}" (${start ?? "…"} – ${end ?? "…"}) falls outside the document period ${ps} – ${pe}`,
      });
    }
  }
  return result(kind, start, end, kind === "recurring" ? recurrence : undefined);
}
