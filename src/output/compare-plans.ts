/**
 * One plan, many renditions: documents that are the same plan (same place, same period, the same rows by
 * activity text) are one plan in every comparison figure. The plan lists its renditions and takes its rows
 * from the one read with the fewest warnings.
 */
import type { PlanDocument } from "../model/schema.js";
import { matchKeys, SAME_ACTIVITY, wordKeys } from "./text-match.js";

/** Share of the larger rendition's rows that must match rows of the other for two documents to be one plan. */
export const SAME_PLAN_ROWS = 0.8;

export interface Plan {
  /** Every rendition, in input order. */
  documents: PlanDocument[];
  /** The rendition whose rows are counted. */
  chosen: PlanDocument;
  /** The word keys of each of the chosen rendition's activities (activityKeys), for matching them again. */
  chosenKeys: Set<string>[];
}

/** The word keys (text-match.ts) of each row's activity. */
export function activityKeys(doc: PlanDocument): Set<string>[] {
  return doc.rows.map((r) => wordKeys(r.activity));
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

/** True when two documents of the same place and period have the same rows (by the activityKeys of their rows). */
function sameRows(a: Set<string>[], b: Set<string>[]): boolean {
  const larger = Math.max(a.length, b.length);
  if (larger === 0) return true;
  return matchKeys(a, b, SAME_ACTIVITY).length >= SAME_PLAN_ROWS * larger;
}

/** Fewest warnings first; then review "ok" before "check"; then more rows; then input order. */
function better(a: PlanDocument, b: PlanDocument): boolean {
  if (a.warnings.length !== b.warnings.length) return a.warnings.length < b.warnings.length;
  const aOk = a.review.status === "ok";
  const bOk = b.review.status === "ok";
  if (aOk !== bOk) return aOk;
  return a.rows.length > b.rows.length;
}

/** Group documents into plans, in the order of each plan's first document. Each document's activities are made into word keys once. */
export function groupRenditions(docs: readonly PlanDocument[]): Plan[] {
  const groups: { place: string; period: string; firstKeys: Set<string>[]; plan: Plan }[] = [];
  for (const doc of docs) {
    const place = placeKey(doc);
    const period = periodKey(doc);
    const keys = activityKeys(doc);
    const group = groups.find((g) => g.place === place && g.period === period && sameRows(g.firstKeys, keys));
    if (group) {
      group.plan.documents.push(doc);
      if (better(doc, group.plan.chosen)) {
        group.plan.chosen = doc;
        group.plan.chosenKeys = keys;
      }
    } else {
      groups.push({ place, period, firstKeys: keys, plan: { documents: [doc], chosen: doc, chosenKeys: keys } });
    }
  }
  return groups.map((g) => g.plan);
}
