/**
 * Abbreviations of Bulgarian education and public administration: the bundled table
 * (./abbreviations.json, every entry with the law, regulation or usage its meaning comes from),
 * user tables that add to or override it (`--abbreviations my.json`, same format), and
 * expansion of a text ("ст. експерт по ПО" → "старши експерт по предучилищно образование").
 *
 * Entry format (see docs/normalize.md):
 *   { "abbr": "ПО", "full": null, "source": "…", "ambiguous": true,
 *     "alternatives": [ { "full": "предучилищно образование", "when": { "before": "експерт по\\s+$" } }, … ] }
 * - `abbr` as printed; `forms` other spellings of the same abbreviation.
 * - `when.before` / `when.after`: regular expressions (Unicode, case-sensitive) that the text just
 *   before / just after the abbreviation must match (anchored at the abbreviation). An entry with
 *   `when` is only read where its context matches ("ст." only in "ст. експерт", "ст. учител").
 * - `ambiguous: true`: the first alternative whose `when` matches is used; an alternative without
 *   `when` is the default when it is the only one without. When none applies the meaning stays unresolved and
 *   expandAbbreviations returns null for the whole text.
 * The only I/O here is reading a user's table file in loadAbbreviations(path).
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import data from "./abbreviations.json" with { type: "json" };

const Context = z
  .object({
    before: z.string().optional(),
    after: z.string().optional(),
  })
  .strict();

const Alternative = z
  .object({
    full: z.string().min(1),
    source: z.string().optional(),
    when: Context.optional(),
  })
  .strict();

export const AbbreviationEntrySchema = z
  .object({
    abbr: z.string().min(1),
    full: z.string().min(1).nullable(),
    source: z.string().min(1),
    note: z.string().optional(),
    forms: z.array(z.string().min(1)).optional(),
    when: Context.optional(),
    ambiguous: z.boolean().optional(),
    alternatives: z.array(Alternative).optional(),
  })
  .strict()
  .refine((e) => e.full !== null || (e.alternatives && e.alternatives.length > 0), {
    message: "an entry needs a full form or alternatives",
  });

/** A table file: `{ "entries": [...] }` (version and description optional) or a bare array of entries. */
export const AbbreviationFileSchema = z.union([
  z.object({ version: z.number().optional(), description: z.string().optional(), entries: z.array(AbbreviationEntrySchema) }).strict(),
  z.array(AbbreviationEntrySchema),
]);

export type AbbreviationContext = z.infer<typeof Context>;
export type AbbreviationAlternative = z.infer<typeof Alternative>;
export type AbbreviationEntry = z.infer<typeof AbbreviationEntrySchema>;

export interface AbbreviationTable {
  readonly entries: readonly AbbreviationEntry[];
}

/** One abbreviation found in a text. */
export interface AbbreviationMatch {
  start: number;
  end: number;
  /** As printed in the text. */
  text: string;
  entry: AbbreviationEntry;
  /** The expansion chosen for this place, or null when the meaning is ambiguous here. */
  full: string | null;
}

// ---------------------------------------------------------------------------------------------

function parseEntries(raw: unknown, where: string): AbbreviationEntry[] {
  const parsed = AbbreviationFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`${where}: not an abbreviations table:\n${z.prettifyError(parsed.error)}`);
  }
  const entries = Array.isArray(parsed.data) ? parsed.data : parsed.data.entries;
  for (const e of entries) {
    const contexts = [e.when, ...(e.alternatives ?? []).map((a) => a.when)];
    for (const c of contexts) {
      for (const re of [c?.before, c?.after]) {
        if (re === undefined) continue;
        try {
          new RegExp(re, "u");
        } catch (err) {
          throw new Error(`${where}: entry "${e.abbr}": bad context pattern ${JSON.stringify(re)}: ${(err as Error).message}`);
        }
      }
    }
  }
  return entries;
}

let bundled: AbbreviationEntry[] | null = null;

/** The bundled entries (src/normalize/abbreviations.json). */
export function bundledAbbreviations(): readonly AbbreviationEntry[] {
  bundled ??= parseEntries(data, "bundled abbreviations.json");
  return bundled;
}

/** Reads and checks a user's abbreviations file; throws an Error with a readable reason. */
export function readAbbreviationFile(path: string): AbbreviationEntry[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new Error(`cannot read abbreviations file ${path}: ${(err as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (err) {
    throw new Error(`abbreviations file ${path} is not valid JSON: ${(err as Error).message}`);
  }
  return parseEntries(raw, `abbreviations file ${path}`);
}

/** A new table: `base` with `extra` added; an extra entry with the same `abbr` replaces the base one. */
export function mergeAbbreviations(base: AbbreviationTable, extra: readonly AbbreviationEntry[]): AbbreviationTable {
  const byAbbr = new Map<string, AbbreviationEntry>();
  for (const e of base.entries) byAbbr.set(e.abbr, e);
  for (const e of extra) byAbbr.set(e.abbr, e);
  return { entries: [...byAbbr.values()] };
}

/**
 * The bundled table, optionally extended: `extra` is the path of a user's JSON file (the
 * CLI's `--abbreviations my.json`), an array of entries, or an object `{ entries: [...] }`.
 * Entries in `extra` add to the bundled ones and override those with the same `abbr`.
 */
export function loadAbbreviations(
  extra?: string | readonly AbbreviationEntry[] | { entries: readonly AbbreviationEntry[] },
): AbbreviationTable {
  const base: AbbreviationTable = { entries: bundledAbbreviations() };
  if (extra === undefined) return base;
  const entries = typeof extra === "string" ? readAbbreviationFile(extra) : parseEntries(extra, "abbreviations given to loadAbbreviations");
  return mergeAbbreviations(base, entries);
}

// ---------------------------------------------------------------------------------------------
// Matching

interface Compiled {
  re: RegExp;
  entry: AbbreviationEntry;
  before?: RegExp;
  after?: RegExp;
  alternatives: { full: string; before?: RegExp; after?: RegExp }[];
}

const compiledCache = new WeakMap<AbbreviationTable, Compiled[]>();

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function contextRes(c: AbbreviationContext | undefined): { before?: RegExp; after?: RegExp } {
  return {
    before: c?.before !== undefined ? new RegExp(`(?:${c.before})$`, "u") : undefined,
    after: c?.after !== undefined ? new RegExp(`^(?:${c.after})`, "u") : undefined,
  };
}

function spellingRe(spelling: string): RegExp {
  const body = escapeRe(spelling.trim()).replace(/\s+/g, "\\s+");
  const endsWithLetter = /[\p{L}\p{N}]$/u.test(spelling.trim());
  // Word abbreviations written in lower case ("ст.", "зам.") are read in any case ("Ст. експерт").
  const lower = spelling === spelling.toLowerCase();
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}${endsWithLetter ? "(?![\\p{L}\\p{N}])" : ""}`, lower ? "giu" : "gu");
}

function compile(table: AbbreviationTable): Compiled[] {
  let c = compiledCache.get(table);
  if (c) return c;
  c = [];
  for (const entry of table.entries) {
    const ctx = contextRes(entry.when);
    const alternatives = (entry.alternatives ?? []).map((a) => ({ full: a.full, ...contextRes(a.when) }));
    for (const spelling of [entry.abbr, ...(entry.forms ?? [])]) {
      c.push({ re: spellingRe(spelling), entry, ...ctx, alternatives });
    }
  }
  compiledCache.set(table, c);
  return c;
}

function contextMatches(text: string, start: number, end: number, before?: RegExp, after?: RegExp): boolean {
  if (before && !before.test(text.slice(0, start))) return false;
  if (after && !after.test(text.slice(end))) return false;
  return true;
}

/**
 * Every abbreviation of the table in `text`, left to right, longest first where two overlap.
 * Entries whose `when` context does not match are not reported.
 */
export function findAbbreviations(text: string, table: AbbreviationTable): AbbreviationMatch[] {
  const candidates: { start: number; end: number; c: Compiled }[] = [];
  for (const c of compile(table)) {
    c.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = c.re.exec(text)) !== null) {
      const start = m.index;
      const end = start + m[0].length;
      if (contextMatches(text, start, end, c.before, c.after)) candidates.push({ start, end, c });
      if (m[0].length === 0) c.re.lastIndex++;
    }
  }
  candidates.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const out: AbbreviationMatch[] = [];
  let last = -1;
  for (const { start, end, c } of candidates) {
    if (start < last) continue;
    last = end;
    let full: string | null = c.entry.full;
    if (c.entry.ambiguous || c.alternatives.length > 0) {
      // The alternative whose context matches; else the single alternative without a context (the default).
      const defaults = c.alternatives.filter((a) => !a.before && !a.after);
      const alt =
        c.alternatives.find((a) => (a.before || a.after) && contextMatches(text, start, end, a.before, a.after)) ??
        (defaults.length === 1 ? defaults[0] : undefined);
      full = alt ? alt.full : c.entry.ambiguous ? null : c.entry.full;
    }
    out.push({ start, end, text: text.slice(start, end), entry: c.entry, full });
  }
  return out;
}

function upperFirst(s: string): string {
  return s.charAt(0).toLocaleUpperCase("bg") + s.slice(1);
}

/**
 * `text` with its known abbreviations spelled out. Returns null when the text contains no
 * abbreviation of the table, or one whose meaning the context does not decide.
 */
export function expandAbbreviations(text: string, table: AbbreviationTable): string | null {
  const matches = findAbbreviations(text, table);
  if (matches.length === 0 || matches.some((m) => m.full === null)) return null;
  let out = "";
  let pos = 0;
  for (const m of matches) {
    let full = m.full as string;
    const printedUpper = m.text.charAt(0) !== m.text.charAt(0).toLowerCase();
    const printedAllCaps = m.text === m.text.toUpperCase();
    const atStart = text.slice(0, m.start).trim() === "";
    if (printedUpper && (!printedAllCaps || atStart)) full = upperFirst(full);
    // "ст.експерт" → "старши експерт": keep a space after a word abbreviation.
    const next = text.charAt(m.end);
    const glue = m.text.endsWith(".") && /\p{L}/u.test(next) ? " " : "";
    out += text.slice(pos, m.start) + full + glue;
    pos = m.end;
  }
  return out + text.slice(pos);
}
