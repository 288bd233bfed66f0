/**
 * What a plan's rows say about the plan as a whole — dated deadlines, numeric targets, named parties —
 * one definition for the all-plans summary (workbook.ts), the comparison (compare-model.ts) and the
 * index page's charts (html/index-page.ts).
 */
import type { Row } from "../model/schema.js";
import { parseBareNumber } from "./workbook-cells.js";

/** True when the row's deadline names a date (start or end). */
export function hasDatedDeadline(row: Row): boolean {
  return row.deadline.start !== null || row.deadline.end !== null;
}

/** True when the row's target is a number or starts with one ("3 детски градини", "9", "100%"). */
export function hasNumericTarget(row: Row): boolean {
  const parts = row.indicator.targetParts;
  if (parts && parts.some((part) => part.value !== null)) return true;
  const target = row.indicator.target?.trim();
  if (!target) return false;
  return parseBareNumber(target) !== null || /^[+-]?\d/.test(target);
}

/** True when the row names a responsible party. */
export function hasResponsible(row: Row): boolean {
  return row.responsible.parties.length > 0 || !!row.responsible.text;
}

export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

