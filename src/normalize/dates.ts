/**
 * Deadline cells ("Срок за изпълнение") → a period: first day, last day and a kind from
 * DEADLINE_KINDS (src/model/schema.ts). Pure functions; problems are returned as warnings.
 *
 * The rules live in src/normalize/dates/: calendar.ts (days, months, the school year's first and
 * last day), vocabulary.ts (month names, ordinals, the word lists), passes.ts (the ordered table of
 * named passes that find the dates in a cell), years.ts (years, modifiers, ranges). This file puts
 * them together.
 *
 * How a cell is read:
 *   1. The text is lower-cased, dashes unified and whitespace collapsed.
 *   2. Date "points" are found in it by the passes of POINT_PASSES, most specific pattern first
 *      (school years, days, numeric months, quarters, half-years, terms, month names, calendar
 *      years). Each found span is blanked so a weaker pattern cannot read it twice. Dates inside references to documents
 *      ("Наредба № 1 от 19.02.2020 г.") are ignored.
 *   3. One point → that point's period (a "до" before it → kind "until", "от"/"след" → "from";
 *      "началото на"/"края на" before it → the first/last part of it). Several points → a range
 *      from the start of the first to the end of the last; a point without a year borrows it from
 *      its neighbours ("септември – декември 2025 г.") or, failing that, from the document period.
 *   4. No point: recurring words → kind "recurring" over the document period; conditional or
 *      referring words → "conditional"; open-ended words → "ongoing"; otherwise "unparsed".
 *
 * Date choices (the project's own, documented in docs/normalize.md):
 *   - school year Y/Y+1: 15 September Y – 14 September Y+1 (CONTRACT; SCHOOL_YEAR in calendar.ts);
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
import { message, type Message } from "../model/messages.js";
import { dayNumber, iso, lastDay } from "./dates/calendar.js";
import { findPoints, type Point } from "./dates/passes.js";
import { CONDITIONAL, NONE, normalizeText, ONGOING, RECURRING, WHOLE_PERIOD } from "./dates/vocabulary.js";
import { contextPeriod, resolvePoints, wholeMonth, type ContextPeriod } from "./dates/years.js";

export interface DeadlineContext {
  period: { start: string | null; end: string | null; label?: string } | null;
}

export interface NormalizedDeadline {
  deadline: Deadline;
  /** Messages of stage "normalize", without a place: the caller knows the row. */
  warnings: Message[];
}

interface Reading {
  kind: DeadlineKind;
  start: string | null;
  end: string | null;
}

const UNTIL_BEFORE = /(?:^|[^а-яa-z])(?:до|преди|не по-късно от)(?:\s+(?:края|началото|средата)\s+на)?\s*(?:м\.\s*|месец\s+)?$/;
const FROM_BEFORE =
  /(?:^|[^а-яa-z])(?:от|след|считано от|начиная от|започвайки от)(?:\s+(?:края|началото|средата)\s+на)?\s*(?:м\.\s*|месец\s+)?$/;

/**
 * A deadline from its points: one point → its period (a "до" before it → "until", "от"/"след" →
 * "from"); several → a range from the start of the first to the end of the last.
 */
function fromPoints(points: Point[], norm: string): Reading {
  const first = points[0];
  const last = points[points.length - 1];
  const before = norm.slice(0, first.index);
  let start = first.interval ? iso(first.interval.start) : null;
  let end = last.interval ? iso(last.interval.end) : null;
  if (points.length > 1) return { kind: "range", start, end };
  const i = first.interval;
  let kind: DeadlineKind = first.kind;
  if (first.modifier && i) kind = wholeMonth(i) ? "month" : dayNumber(i.start) === dayNumber(i.end) ? "day" : "range";
  if (UNTIL_BEFORE.test(before)) {
    kind = "until";
    start = null;
    // "до началото на учебната година": by the day it begins.
    if (first.modifier === "start" && first.base) end = iso(first.base.start);
  } else if (FROM_BEFORE.test(before)) {
    kind = "from";
    end = null;
  }
  return { kind, start, end };
}

/** A deadline without dates, from its words; null when no word is known. */
function fromWords(squashed: string, recurrence: string | undefined, period: ContextPeriod | null): Reading | null {
  if (recurrence) return { kind: "recurring", start: period ? iso(period.start) : null, end: period ? iso(period.end) : null };
  if (WHOLE_PERIOD.test(squashed) && period) {
    return { kind: period.schoolYear !== null ? "school-year" : "year", start: iso(period.start), end: iso(period.end) };
  }
  if (CONDITIONAL.test(squashed)) return { kind: "conditional", start: null, end: null };
  if (ONGOING.test(squashed) || WHOLE_PERIOD.test(squashed)) return { kind: "ongoing", start: null, end: null };
  return null;
}

/**
 * Whether a deadline falls outside the document period. Compared by whole months: a school year
 * that begins on 15 September still "covers" "септември 2024 г.", so a deadline is outside only
 * when it reaches a month the period does not touch at all.
 */
function outsideWarning(raw: string, r: Reading, period: ContextPeriod): Message | null {
  const ps = iso({ y: period.start.y, m: period.start.m, d: 1 });
  const pe = iso({ y: period.end.y, m: period.end.m, d: lastDay(period.end.y, period.end.m) });
  const { start, end } = r;
  const outside = (start !== null && (start < ps || start > pe)) || (end !== null && (end > pe || end < ps));
  if (!outside) return null;
  return message(
    "deadline-outside-period",
    `the deadline "${raw}" (${start ?? "…"} – ${end ?? "…"}) falls outside the document period ${ps} – ${pe}`,
  );
}

/**
 * Reads a deadline cell. `ctx.period` is the document's period (for a month without a year,
 * for recurring deadlines and for the "deadline-outside-period" check).
 */
export function normalizeDeadline(text: string | null, ctx: DeadlineContext): NormalizedDeadline {
  return readDeadline(text, contextPeriod(ctx.period));
}

/** normalizeDeadline for the cells of one document: its period is read once. */
export function deadlineReader(ctx: DeadlineContext): (text: string | null) => NormalizedDeadline {
  const period = contextPeriod(ctx.period);
  return (text) => readDeadline(text, period);
}

function readDeadline(text: string | null, period: ContextPeriod | null): NormalizedDeadline {
  const warnings: Message[] = [];
  const raw = text === null ? "" : text.replace(/\s+/g, " ").trim();
  const result = (r: Reading, recurrence?: string): NormalizedDeadline => {
    const deadline: Deadline = { text: raw === "" ? null : raw, start: r.start, end: r.end, kind: r.kind };
    if (recurrence) deadline.recurrence = recurrence;
    return { deadline, warnings };
  };
  const nothing: Reading = { kind: "none", start: null, end: null };
  if (raw === "") return result(nothing);
  const norm = normalizeText(raw);
  if (NONE.test(norm)) return result(nothing);
  // For keyword tests only: words broken by a hyphen at a line end joined again ("необхо- димост").
  const squashed = norm.replace(/([а-я])-\s*([а-я])/g, "$1$2");
  const recurrence = RECURRING.find(([re]) => re.test(squashed))?.[1];
  const { points, yearUnknown } = resolvePoints(findPoints(norm), norm, period);

  let reading: Reading;
  if (points.length > 0) {
    reading = fromPoints(points, norm);
    if (recurrence) reading.kind = "recurring";
    if (yearUnknown) {
      warnings.push(message("deadline-year-unknown", `the deadline "${raw}" names no year and the document has no period`));
    }
  } else {
    const words = fromWords(squashed, recurrence, period);
    if (!words) warnings.push(message("deadline-unparsed", `the deadline "${raw}" names no period the tool understands`));
    reading = words ?? { kind: "unparsed", start: null, end: null };
  }
  if (period && (reading.start || reading.end)) {
    const outside = outsideWarning(raw, reading, period);
    if (outside) warnings.push(outside);
  }
  return result(reading, reading.kind === "recurring" ? recurrence : undefined);
}
