/**
 * Accuracy harness: converts every fixture that has an expected JSON, matches rows by activity text
 * (not by position) and compares every field strictly.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { convertFixture } from "../helpers/converted.js";
import type { PlanDocument, Row } from "../../src/model/schema.js";

export const FIXTURES_DIR = new URL("../../fixtures/", import.meta.url).pathname;

/** The row fields compared, each read the same way from expected and actual rows. */
export const ROW_FIELDS: Record<string, (r: Row) => unknown> = {
  number: (r) => r.number,
  sections: (r) => r.sections,
  activity: (r) => r.activity,
  "deadline.text": (r) => r.deadline.text,
  "deadline.start": (r) => r.deadline.start,
  "deadline.end": (r) => r.deadline.end,
  "deadline.kind": (r) => r.deadline.kind,
  "indicator.unit": (r) => r.indicator.unit,
  "indicator.current": (r) => r.indicator.current,
  "indicator.target": (r) => r.indicator.target,
  "indicator.expected": (r) => r.indicator.expected,
  financing: (r) => r.financing,
  "responsible.text": (r) => r.responsible.text,
  "responsible.parties": (r) => r.responsible.parties.map((p) => p.text),
  "responsible.expanded": (r) => r.responsible.parties.map((p) => p.expanded),
  note: (r) => r.note,
  pages: (r) => r.pages,
};

export const DOCUMENT_FIELDS: Record<string, (d: PlanDocument) => unknown> = {
  title: (d) => d.document.title,
  issuer: (d) => d.document.issuer,
  region: (d) => d.document.region,
  period: (d) => d.document.period,
  "source.pages": (d) => d.source.pages,
  "source.format": (d) => d.source.format,
  "review.status": (d) => d.review?.status,
};

export interface FieldMismatch {
  row: string;
  field: string;
  expected: unknown;
  actual: unknown;
}

export interface FixtureScore {
  fixture: string;
  expectedRows: number;
  foundRows: number;
  extraRows: number;
  fieldsCompared: number;
  fieldsMatching: number;
  /** Share of fields matching, 0..1 (rows not found count as wholly wrong). */
  share: number;
  perField: Record<string, { ok: number; total: number }>;
  documentMismatches: FieldMismatch[];
  mismatches: FieldMismatch[];
  error?: string;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Similarity of two activity texts: shared words over all words (Dice coefficient on word multisets). */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const wa = words(a);
  const wb = words(b);
  if (!wa.length || !wb.length) return 0;
  const counts = new Map<string, number>();
  for (const w of wa) counts.set(w, (counts.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of wb) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(w, n - 1);
    }
  }
  return (2 * shared) / (wa.length + wb.length);
}

/** One-to-one matching of expected to actual rows by activity text, best pairs first. */
export function matchRows(expected: Row[], actual: Row[], threshold = 0.6): Map<number, number> {
  const pairs: { e: number; a: number; s: number }[] = [];
  const exact = new Map<string, number[]>();
  actual.forEach((r, i) => exact.set(r.activity, [...(exact.get(r.activity) ?? []), i]));
  for (let e = 0; e < expected.length; e++) {
    const hits = exact.get(expected[e].activity);
    if (hits) for (const a of hits) pairs.push({ e, a, s: 2 - Math.abs(e - a) / 1e6 });
  }
  for (let e = 0; e < expected.length; e++) {
    for (let a = 0; a < actual.length; a++) {
      if (expected[e].activity === actual[a].activity) continue;
      const s = similarity(expected[e].activity, actual[a].activity);
      if (s >= threshold) pairs.push({ e, a, s });
    }
  }
  pairs.sort((x, y) => y.s - x.s);
  const match = new Map<number, number>();
  const used = new Set<number>();
  for (const p of pairs) {
    if (match.has(p.e) || used.has(p.a)) continue;
    match.set(p.e, p.a);
    used.add(p.a);
  }
  return match;
}

export function scoreDocument(fixture: string, expected: PlanDocument, actual: PlanDocument): FixtureScore {
  const match = matchRows(expected.rows, actual.rows);
  const perField: FixtureScore["perField"] = {};
  const mismatches: FieldMismatch[] = [];
  let compared = 0;
  let matching = 0;
  expected.rows.forEach((er, e) => {
    const a = match.get(e);
    const ar = a === undefined ? undefined : actual.rows[a];
    const label = er.number ?? er.activity.slice(0, 50);
    for (const [field, get] of Object.entries(ROW_FIELDS)) {
      const slot = (perField[field] ??= { ok: 0, total: 0 });
      slot.total++;
      compared++;
      const ev = get(er);
      const av = ar ? get(ar) : undefined;
      if (ar && same(ev, av)) {
        slot.ok++;
        matching++;
      } else if (ar) {
        mismatches.push({ row: label, field, expected: ev, actual: av });
      }
    }
    if (!ar) mismatches.push({ row: label, field: "(row not found)", expected: er.activity, actual: null });
  });
  const documentMismatches: FieldMismatch[] = [];
  for (const [field, get] of Object.entries(DOCUMENT_FIELDS)) {
    if (!same(get(expected), get(actual)))
      documentMismatches.push({ row: "(document)", field, expected: get(expected), actual: get(actual) });
  }
  return {
    fixture,
    expectedRows: expected.rows.length,
    foundRows: match.size,
    extraRows: actual.rows.length - match.size,
    fieldsCompared: compared,
    fieldsMatching: matching,
    share: compared ? matching / compared : 1,
    perField,
    documentMismatches,
    mismatches,
  };
}

/** Subfolders of fixtures/ whose files are measured too (named "<folder>/<file>"). */
export const FIXTURE_SUBDIRS = ["layouts", "office", "scan"];

/**
 * Every fixture file with a `<file>.expected.json` beside it: those at the top of `dir`, then those
 * of its FIXTURE_SUBDIRS as "<folder>/<file>".
 */
export async function listFixtures(dir = FIXTURES_DIR, subdirs = FIXTURE_SUBDIRS): Promise<string[]> {
  const inDir = async (d: string): Promise<string[]> => {
    const names = await readdir(d).catch(() => [] as string[]);
    return names.filter((n) => /\.(pdf|docx|doc|odt|rtf)$/i.test(n) && names.includes(`${n}.expected.json`)).sort();
  };
  const top = await inDir(dir);
  const nested: string[] = [];
  for (const sub of subdirs) nested.push(...(await inDir(join(dir, sub))).map((n) => `${sub}/${n}`));
  return [...top, ...nested];
}

export async function scoreFixture(name: string, dir = FIXTURES_DIR): Promise<FixtureScore> {
  const expected = JSON.parse(await readFile(join(dir, `${name}.expected.json`), "utf8")) as PlanDocument;
  try {
    const { value } = await convertFixture(join(dir, name));
    return scoreDocument(name, expected, value);
  } catch (err) {
    return {
      fixture: name,
      expectedRows: expected.rows.length,
      foundRows: 0,
      extraRows: 0,
      fieldsCompared: expected.rows.length * Object.keys(ROW_FIELDS).length,
      fieldsMatching: 0,
      share: 0,
      perField: {},
      documentMismatches: [],
      mismatches: [],
      error: (err as Error).message,
    };
  }
}

export function formatTable(scores: FixtureScore[]): string {
  const head = ["fixture", "fields", "rows found", "extra", "doc fields off"];
  const lines = scores.map((s) => [
    s.fixture,
    s.error ? `ERROR: ${s.error}` : `${(s.share * 100).toFixed(1)}% (${s.fieldsMatching}/${s.fieldsCompared})`,
    `${s.foundRows}/${s.expectedRows}`,
    String(s.extraRows),
    s.documentMismatches.map((m) => m.field).join(",") || "-",
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cols: string[]) =>
    cols
      .map((c, i) => c.padEnd(widths[i]))
      .join("  ")
      .trimEnd();
  return [fmt(head), fmt(widths.map((w) => "-".repeat(w))), ...lines.map(fmt)].join("\n");
}

/** Levenshtein distance (characters). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/** A field's value as text for the character measure ("" for null; lists joined by " | "). */
function fieldText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (Array.isArray(v)) return v.map(fieldText).join(" | ");
  if (typeof v === "object")
    return Object.values(v as Record<string, unknown>)
      .map(fieldText)
      .join(" ");
  return String(v);
}

/**
 * Character accuracy (for OCR): 1 − (edit distance / expected length) summed over every compared
 * text field of every expected row (a row not found counts as wholly wrong). Pages are left out
 * (not text).
 */
export function characterAccuracy(expected: PlanDocument, actual: PlanDocument): { accuracy: number; chars: number; errors: number } {
  const match = matchRows(expected.rows, actual.rows);
  let chars = 0;
  let errors = 0;
  expected.rows.forEach((er, e) => {
    const a = match.get(e);
    const ar = a === undefined ? undefined : actual.rows[a];
    for (const [field, get] of Object.entries(ROW_FIELDS)) {
      if (field === "pages") continue;
      const et = fieldText(get(er));
      chars += et.length;
      errors += ar ? Math.min(Math.max(et.length, 1), editDistance(et, fieldText(get(ar)))) : et.length;
    }
  });
  return { accuracy: chars ? Math.max(0, 1 - errors / chars) : 1, chars, errors };
}
