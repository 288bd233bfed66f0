/**
 * Calendar arithmetic for deadlines (plain integers, no Date objects, no time zones) and the
 * periods a deadline can name: days, months, years, school years, terms, quarters, half-years.
 * The school year's first and last day are defined here once (SCHOOL_YEAR); the document
 * period (src/interpret/metadata.ts) uses the same definition.
 */

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export interface Interval {
  start: Ymd;
  end: Ymd;
}

/**
 * The school year Y/Y+1 runs from 15 September Y to 14 September Y+1 (CONTRACT). Its first day
 * is also the first day of the I term and what "началото на учебната година" means.
 */
export const SCHOOL_YEAR = {
  start: { m: 9, d: 15 },
  end: { m: 9, d: 14 },
} as const;

export function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function lastDay(y: number, m: number): number {
  return [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

export function iso(p: Ymd): string {
  return `${String(p.y).padStart(4, "0")}-${String(p.m).padStart(2, "0")}-${String(p.d).padStart(2, "0")}`;
}

export function parseIso(s: string): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m ? { y: +m[1], m: +m[2], d: +m[3] } : null;
}

/** Days since an epoch, for measuring overlaps. */
export function dayNumber(p: Ymd): number {
  const a = Math.floor((14 - p.m) / 12);
  const y = p.y + 4800 - a;
  const m = p.m + 12 * a - 3;
  return p.d + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400);
}

export function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= lastDay(y, m);
}

export function overlapDays(aStart: Ymd, aEnd: Ymd, bStart: Ymd, bEnd: Ymd): number {
  const s = Math.max(dayNumber(aStart), dayNumber(bStart));
  const e = Math.min(dayNumber(aEnd), dayNumber(bEnd));
  return e >= s ? e - s + 1 : 0;
}

export const monthInterval =
  (m: number) =>
  (y: number): Interval => ({
    start: { y, m, d: 1 },
    end: { y, m, d: lastDay(y, m) },
  });

export const dayInterval =
  (m: number, d: number) =>
  (y: number): Interval => {
    // 29 February in a non-leap year: clamp to the month's last day.
    const dd = Math.min(d, lastDay(y, m));
    return { start: { y, m, d: dd }, end: { y, m, d: dd } };
  };

export const yearInterval = (y: number): Interval => ({ start: { y, m: 1, d: 1 }, end: { y, m: 12, d: 31 } });

/** The school year that begins in year y. */
export const schoolYearInterval = (y: number): Interval => ({
  start: { y, ...SCHOOL_YEAR.start },
  end: { y: y + 1, ...SCHOOL_YEAR.end },
});

/**
 * The school year "first/last" as ISO dates: its first day in `first`, its last day in `last`
 * (normally first + 1; a document period keeps the years it names).
 */
export function schoolYearDates(first: number, last: number): { start: string; end: string } {
  return { start: iso({ y: first, ...SCHOOL_YEAR.start }), end: iso({ y: last, ...SCHOOL_YEAR.end }) };
}

/** Term n (1 or 2) of the school year beginning in y: the I term from the school year's first day to 31 January, the II term 1 February – 30 June. */
export const termInterval =
  (n: number) =>
  (y: number): Interval =>
    n === 1
      ? { start: { y, ...SCHOOL_YEAR.start }, end: { y: y + 1, m: 1, d: 31 } }
      : { start: { y: y + 1, m: 2, d: 1 }, end: { y: y + 1, m: 6, d: 30 } };

export const quarterInterval =
  (n: number) =>
  (y: number): Interval => ({
    start: { y, m: 3 * n - 2, d: 1 },
    end: { y, m: 3 * n, d: lastDay(y, 3 * n) },
  });

export const halfInterval =
  (n: number) =>
  (y: number): Interval =>
    n === 1 ? { start: { y, m: 1, d: 1 }, end: { y, m: 6, d: 30 } } : { start: { y, m: 7, d: 1 }, end: { y, m: 12, d: 31 } };
