/**
 * From the points a cell names to their intervals: the document period as a context, the year
 * of points that name none, "началото на" / "края на" before a point, terms and half-years
 * named with a school year, and ranges kept in order.
 */
import { dayNumber, lastDay, overlapDays, parseIso, schoolYearInterval, termInterval, type Interval, type Ymd } from "./calendar.js";
import type { Point } from "./passes.js";
import { L } from "./vocabulary.js";

/** The document period as deadlines see it. */
export interface ContextPeriod {
  start: Ymd;
  end: Ymd;
  schoolYear: number | null; // first year when the period is a school year
}

/** The document period (ISO dates and its label) as a ContextPeriod; null when it says nothing. */
export function contextPeriod(p: { start: string | null; end: string | null; label?: string } | null): ContextPeriod | null {
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
export function bestYear(make: (y: number) => Interval, period: ContextPeriod): number {
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

/** The part of a point's interval that "началото на" (start) or "края на" (end) names. */
export function applyModifier(p: Point, i: Interval, modifier: "start" | "end"): Interval {
  // The beginning of a school year is its opening day.
  if (modifier === "start" && p.kind === "school-year") return { start: i.start, end: i.start };
  if (modifier === "start") {
    return { start: i.start, end: { y: i.start.y, m: i.start.m, d: lastDay(i.start.y, i.start.m) } };
  }
  if (p.kind === "school-year") {
    // The end of a school year in practice: June, the month classes end (not its formal last day).
    const y = i.end.y;
    return { start: { y, m: 6, d: 1 }, end: { y, m: 6, d: 30 } };
  }
  return { start: { y: i.end.y, m: i.end.m, d: 1 }, end: i.end };
}

const MODIFIER_BEFORE = new RegExp(`(?:^|[^${L}])(начало(?:то)?|кра(?:я|ят|й)|средата)\\s+(?:на\\s+)?(?:(?:м\\.|месец)\\s*)?$`);

export function wholeMonth(i: Interval): boolean {
  return i.start.y === i.end.y && i.start.m === i.end.m && i.start.d === 1 && i.end.d === lastDay(i.end.y, i.end.m);
}

/** "2024-2025 г." in a 2024/2025 school-year plan names the school year, not two calendar years. */
export function mergeYearPairs(points: Point[], period: ContextPeriod | null): void {
  for (let k = 0; k < points.length - 1; k++) {
    const p = points[k];
    if (p.yearPair !== undefined && period?.schoolYear === p.year && p.yearPair === (p.year as number) + 1) {
      points.splice(k, 2, {
        ...p,
        kind: "school-year",
        make: schoolYearInterval,
        length: points[k + 1].index + 1 - p.index,
        yearPair: undefined,
      });
    }
  }
}

/** "началото на" / "края на" in the text between a point and the one before it. */
export function markModifiers(points: Point[], norm: string): void {
  for (let k = 0; k < points.length; k++) {
    const p = points[k];
    const gapStart = k === 0 ? 0 : points[k - 1].index + points[k - 1].length;
    const mod = MODIFIER_BEFORE.exec(norm.slice(gapStart, p.index));
    if (mod) p.modifier = mod[1].startsWith("начал") ? "start" : mod[1].startsWith("кра") ? "end" : undefined;
  }
}

/**
 * The points that make the deadline: a half-year named with a school year (or the word учебна)
 * is a term; a school year that gives its terms their year is left out; so is a school year
 * without numbers next to a numbered one.
 */
export function effectivePoints(points: Point[], norm: string): Point[] {
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
  if (schoolPoint) effective = effective.filter((p) => !(p.kind === "school-year" && p.year === null));
  return effective;
}

/**
 * Years for points that lack one: a day or month takes the next point's year, else the previous
 * one's; anything else (and a day or month with no dated neighbour) the document period's.
 * Returns false when some point's year stays unknown (no document period).
 */
export function inferYears(points: Point[], period: ContextPeriod | null): boolean {
  let allKnown = true;
  const dated = (q: Point) => q.year !== null && q.kind !== "school-year" && q.kind !== "term";
  for (let k = 0; k < points.length; k++) {
    const p = points[k];
    if (p.year !== null) {
      p.yearSource = "text";
      continue;
    }
    if (p.kind === "day" || p.kind === "month") {
      const next = points.slice(k + 1).find(dated);
      const prev = points.slice(0, k).reverse().find(dated);
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
      p.year = p.kind === "school-year" || p.kind === "term" ? (period.schoolYear ?? bestYear(p.make, period)) : bestYear(p.make, period);
      p.yearSource = "context";
    } else {
      allKnown = false;
    }
  }
  for (const p of points) p.interval = p.year === null ? null : p.make(p.year);
  return allKnown;
}

/** Keep a range in order: a later part that came out earlier than the part before moves a year on. */
export function keepInOrder(points: Point[]): void {
  for (let k = 1; k < points.length; k++) {
    const a = points[k - 1];
    const b = points[k];
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
}

/** The points of a cell resolved to intervals (modifiers applied); `yearUnknown` when some year could not be found. */
export function resolvePoints(found: Point[], norm: string, period: ContextPeriod | null): { points: Point[]; yearUnknown: boolean } {
  mergeYearPairs(found, period);
  markModifiers(found, norm);
  const points = effectivePoints(found, norm);
  const allKnown = inferYears(points, period);
  keepInOrder(points);
  for (const p of points) {
    p.base = p.interval;
    if (p.interval && p.modifier) p.interval = applyModifier(p, p.interval, p.modifier);
  }
  return { points, yearUnknown: !allKnown };
}
