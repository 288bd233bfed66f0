/**
 * The theme table of the comparison workbook: a user-editable list of Bulgarian word stems that tags each
 * activity with a type (контрол, методическа подкрепа, …) and a topic (обхват и отпадане, STEM и
 * дигитализация, …). The default table is ./themes.json; `loadThemes(path)` merges a user's file over it.
 * Matching rules are documented in themes.json ("$comment") and docs/workbooks.md.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import type { Row } from "../model/schema.js";
import defaultThemesJson from "./themes.json" with { type: "json" };

export const ThemeEntry = z.object({
  name: z.string().trim().min(1),
  stems: z.array(z.string().trim().min(1)),
  /** Used only when no other entry of the list matches. */
  fallback: z.boolean().optional(),
});
export type ThemeEntry = z.infer<typeof ThemeEntry>;

export const ThemeTable = z.object({
  types: z.array(ThemeEntry),
  topics: z.array(ThemeEntry),
});
export type ThemeTable = z.infer<typeof ThemeTable>;

/** A user's themes file: lists to merge over the default table (or to replace it with "replace": true). */
const ThemeFile = z.object({
  replace: z.boolean().optional(),
  types: z.array(ThemeEntry).optional(),
  topics: z.array(ThemeEntry).optional(),
});

/** Label of an activity that no type (topic) matches. */
export const NO_TYPE = "друго";
export const NO_TOPIC = "без тема";

export class ThemesFileError extends Error {
  constructor(path: string, details: string) {
    super(`themes file ${path}: ${details}`);
    this.name = "ThemesFileError";
  }
}

/** The default theme table (src/output/themes.json). */
export function defaultThemes(): ThemeTable {
  return ThemeTable.parse(defaultThemesJson);
}

/**
 * The theme table: the default one, with the file at `path` (if given) merged over it. In that file an
 * entry whose name is already in the table replaces it (an empty "stems" list removes it), a new name is
 * added at the end; with "replace": true the file's lists replace the default lists entirely.
 * Throws ThemesFileError when the file cannot be read or does not have that shape.
 */
export function loadThemes(path?: string): ThemeTable {
  const base = defaultThemes();
  if (path === undefined) return base;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new ThemesFileError(path, error instanceof Error ? error.message : String(error));
  }
  const parsed = ThemeFile.safeParse(raw);
  if (!parsed.success) throw new ThemesFileError(path, z.prettifyError(parsed.error));
  const file = parsed.data;
  return {
    types: mergeEntries(base.types, file.types, file.replace === true),
    topics: mergeEntries(base.topics, file.topics, file.replace === true),
  };
}

function mergeEntries(base: ThemeEntry[], own: ThemeEntry[] | undefined, replace: boolean): ThemeEntry[] {
  if (own === undefined) return base;
  const merged = replace ? [] : [...base];
  for (const entry of own) {
    const at = merged.findIndex((e) => e.name.toLowerCase() === entry.name.toLowerCase());
    if (at >= 0) merged[at] = entry;
    else merged.push(entry);
  }
  return merged.filter((entry) => entry.stems.length > 0);
}

/** A stem compiled to a regular expression. */
interface CompiledStem {
  pattern: RegExp;
}

interface CompiledEntry {
  name: string;
  fallback: boolean;
  order: number;
  stems: CompiledStem[];
}

/** A theme table ready to classify rows. */
export interface ThemeMatcher {
  types: CompiledEntry[];
  topics: CompiledEntry[];
}

const LETTER = "\\p{L}\\p{N}";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** An abbreviation: only capital letters (and digits), at least two characters. */
function isAbbreviation(word: string): boolean {
  return /^[\p{Lu}\p{N}]{2,}$/u.test(word) && /\p{Lu}/u.test(word);
}

/**
 * "контрол" → the start of a word: /(?<![\p{L}\p{N}])контрол/iu;
 * "чужд ез" → two words in a row ("чужди езици", "чуждия език"), each a stem; "БЕЛ" → the whole word, capitals only.
 */
export function compileStem(stem: string): RegExp {
  const words = stem.trim().split(/\s+/);
  const abbreviation = words.every(isAbbreviation);
  const parts = words.map((word, i) => {
    const last = i === words.length - 1;
    const escaped = escapeRegExp(word);
    if (abbreviation) return `${escaped}(?![${LETTER}])`;
    return last ? escaped : `${escaped}[${LETTER}]*`;
  });
  const source = `(?<![${LETTER}])${parts.join("[\\s\\u00A0]+")}`;
  return new RegExp(source, abbreviation ? "gu" : "giu");
}

function compileEntries(entries: ThemeEntry[]): CompiledEntry[] {
  return entries.map((entry, order) => ({
    name: entry.name,
    fallback: entry.fallback === true,
    order,
    stems: entry.stems.map((stem) => ({ pattern: compileStem(stem) })),
  }));
}

export function compileThemes(themes: ThemeTable): ThemeMatcher {
  return { types: compileEntries(themes.types), topics: compileEntries(themes.topics) };
}

interface Hit {
  entry: CompiledEntry;
  index: number;
  length: number;
}

/** Each entry's earliest match in `text`. */
function hits(text: string, entries: CompiledEntry[]): Hit[] {
  const found: Hit[] = [];
  for (const entry of entries) {
    let best: Hit | null = null;
    for (const stem of entry.stems) {
      stem.pattern.lastIndex = 0;
      const match = stem.pattern.exec(text);
      if (!match) continue;
      const hit = { entry, index: match.index, length: match[0].length };
      if (!best || hit.index < best.index || (hit.index === best.index && hit.length > best.length)) best = hit;
    }
    if (best) found.push(best);
  }
  return found;
}

/** The winning entry: non-fallback first, then earliest in the text, then longer match, then listed first. */
function pick(found: Hit[]): string | null {
  const sorted = [...found].sort(
    (a, b) =>
      Number(a.entry.fallback) - Number(b.entry.fallback) ||
      a.index - b.index ||
      b.length - a.length ||
      a.entry.order - b.entry.order,
  );
  return sorted[0]?.entry.name ?? null;
}

/** The theme tags of one activity. */
export interface ActivityThemes {
  /** The activity's type, or null when no type matches. */
  type: string | null;
  /** The activity's main topic, or null. */
  topic: string | null;
  /** Every topic that matches the activity text (or, when none does, the section headings), main topic first. */
  topics: string[];
}

/** Tag one activity with a type (from its text) and topics (from its text, else its sections, innermost first). */
export function classifyActivity(row: Row, matcher: ThemeMatcher): ActivityThemes {
  const type = pick(hits(row.activity, matcher.types));
  let topicHits = hits(row.activity, matcher.topics);
  for (let i = row.sections.length - 1; topicHits.length === 0 && i >= 0; i--) {
    topicHits = hits(row.sections[i].title, matcher.topics);
  }
  const topic = pick(topicHits);
  const others = topicHits
    .filter((hit) => hit.entry.name !== topic)
    .sort((a, b) => a.index - b.index || a.entry.order - b.entry.order)
    .map((hit) => hit.entry.name);
  return { type, topic, topics: topic ? [topic, ...others] : [] };
}
