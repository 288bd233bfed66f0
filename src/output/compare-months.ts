/**
 * Deadlines by month: for each plan and each month of its period, how many activities' deadline periods
 * cover that month — how the plan's load is spread over its year.
 */
import type { PlanDocument, Row } from "../model/schema.js";

/** A month as a running number: year * 12 + (month - 1). */
export type MonthIndex = number;

/** Longest span of months shown for a plan whose period is unknown (taken from its deadlines). */
const MAX_DERIVED_MONTHS = 36;

export function monthOf(iso: string): MonthIndex {
  return Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
}

export function monthStartDate(month: MonthIndex): Date {
  return new Date(Date.UTC(Math.floor(month / 12), month % 12, 1));
}

const MONTH_NAMES = [
  "януари", "февруари", "март", "април", "май", "юни",
  "юли", "август", "септември", "октомври", "ноември", "декември",
];

/** "септември 2024". */
export function monthName(month: MonthIndex): string {
  return `${MONTH_NAMES[month % 12]} ${Math.floor(month / 12)}`;
}

/** The months a row's deadline covers, as [first, last], or null when the deadline names no date. */
export function deadlineMonths(row: Row, period: { first: MonthIndex; last: MonthIndex } | null): [MonthIndex, MonthIndex] | null {
  const { start, end } = row.deadline;
  if (!start && !end) return null;
  // "до 30.06.2025" (end only) runs from the plan's start; "от 01.10.2024" (start only) to the plan's end.
  const first = start ? monthOf(start) : Math.min(period?.first ?? monthOf(end!), monthOf(end!));
  const last = end ? monthOf(end) : Math.max(period?.last ?? monthOf(start!), monthOf(start!));
  return first <= last ? [first, last] : [last, first];
}

/** One plan's load by month. */
export interface PlanMonths {
  /** The months shown for this plan (its period, or the span of its deadlines when the period is unknown). */
  first: MonthIndex | null;
  last: MonthIndex | null;
  /** Activities whose deadline covers each month, by MonthIndex. */
  counts: Map<MonthIndex, number>;
  /** Activities whose deadline names no date. */
  undated: number;
  /** Activities whose deadline covers every month shown (school year, recurring, the whole plan year). */
  wholePeriod: number;
}

export function planMonths(doc: PlanDocument): PlanMonths {
  const period = doc.document.period;
  let first: MonthIndex | null = period?.start ? monthOf(period.start) : null;
  let last: MonthIndex | null = period?.end ? monthOf(period.end) : null;
  const known = first !== null && last !== null ? { first, last } : null;
  const spans = doc.rows.map((row) => deadlineMonths(row, known));
  if (first === null || last === null) {
    const dated = spans.filter((s): s is [number, number] => s !== null);
    if (dated.length > 0) {
      first ??= Math.min(...dated.map((s) => s[0]));
      last ??= Math.max(...dated.map((s) => s[1]));
      if (last - first + 1 > MAX_DERIVED_MONTHS) last = first + MAX_DERIVED_MONTHS - 1;
    }
  }
  const counts = new Map<MonthIndex, number>();
  let undated = 0;
  let wholePeriod = 0;
  if (first !== null && last !== null) for (let m = first; m <= last; m++) counts.set(m, 0);
  for (const span of spans) {
    if (!span) {
      undated++;
      continue;
    }
    if (first === null || last === null) continue;
    if (span[0] <= first && span[1] >= last) wholePeriod++;
    for (let m = Math.max(span[0], first); m <= Math.min(span[1], last); m++) counts.set(m, (counts.get(m) ?? 0) + 1);
  }
  return { first, last, counts, undated, wholePeriod };
}
