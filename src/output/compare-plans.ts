/**
 * One plan, many renditions: documents that are the same plan (same place, same period, the same rows by
 * activity text) are one plan in every comparison figure. The plan lists its renditions and takes its rows
 * from the one read with the fewest warnings.
 */
import type { PlanDocument } from "../model/schema.js";
import { matchTexts, SAME_ACTIVITY } from "./text-match.js";

/** Share of the larger rendition's rows that must match rows of the other for two documents to be one plan. */
export const SAME_PLAN_ROWS = 0.8;

export interface Plan {
  /** Every rendition, in input order. */
  documents: PlanDocument[];
  /** The rendition whose rows are counted. */
  chosen: PlanDocument;
}

/** The place a plan covers, as a key: its region, else its issuer, in lower case with spacing and dashes evened out. */
export function placeKey(doc: PlanDocument): string {
  const place = doc.document.region ?? doc.document.issuer ?? "";
  return place
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212-]/gu, "-")
    .replace(/\s+/g, " ")
    .trim();
}

/** The period as a key: its label (spaces and dashes evened out), or "" when the plan has none. */
export function periodKey(doc: PlanDocument): string {
  return (doc.document.period?.label ?? "").replace(/\s+/g, "").replace(/[\u2010-\u2015\u2212-]/gu, "/");
}

/** True when two documents of the same place and period have the same rows (by activity text). */
export function sameRows(a: PlanDocument, b: PlanDocument): boolean {
  const larger = Math.max(a.rows.length, b.rows.length);
  if (larger === 0) return true;
  const pairs = matchTexts(
    a.rows.map((r) => r.activity),
    b.rows.map((r) => r.activity),
    SAME_ACTIVITY,
  );
  return pairs.length >= SAME_PLAN_ROWS * larger;
}

/** Fewest warnings first; then review "ok" before "check"; then more rows; then input order. */
function better(a: PlanDocument, b: PlanDocument): boolean {
  if (a.warnings.length !== b.warnings.length) return a.warnings.length < b.warnings.length;
  const aOk = a.review.status === "ok";
  const bOk = b.review.status === "ok";
  if (aOk !== bOk) return aOk;
  return a.rows.length > b.rows.length;
}

/** Group documents into plans, in the order of each plan's first document. */
export function groupRenditions(docs: readonly PlanDocument[]): Plan[] {
  const plans: Plan[] = [];
  for (const doc of docs) {
    const place = placeKey(doc);
    const period = periodKey(doc);
    const plan = plans.find(
      (p) => placeKey(p.documents[0]) === place && periodKey(p.documents[0]) === period && sameRows(p.documents[0], doc),
    );
    if (plan) {
      plan.documents.push(doc);
      if (better(doc, plan.chosen)) plan.chosen = doc;
    } else {
      plans.push({ documents: [doc], chosen: doc });
    }
  }
  return plans;
}
