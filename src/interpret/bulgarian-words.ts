/**
 * Is this a Bulgarian word? A compact reader of the hunspell Bulgarian dictionary (npm
 * `dictionary-bg`): stems from index.dic with their affix flags, suffix rules from index.aff, and a
 * word is known when it is a stem or a stem plus one of the suffixes its flags allow. That is all
 * hunspell does with this dictionary (it has suffix rules only, no prefixes, no continuation classes,
 * no compounding); reading it this way takes about a tenth of a second and a few MB, where the general
 * nspell loader took about 4 s and 200 MB per process.
 * Loaded once per process (per worker thread), the first time a word has to be looked up.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

interface SuffixRule {
  flag: string;
  /** Characters the rule removes from the stem ("" for none). */
  strip: string;
  /** Characters it adds. */
  add: string;
  /** Regular expression the stem must end with (null for "."). */
  condition: RegExp | null;
}

interface WordList {
  /** Stem → its affix flags. */
  stems: Map<string, string>;
  /** Rules by the suffix they add. */
  rulesByAdd: Map<string, SuffixRule[]>;
  longestAdd: number;
}

let list: WordList | null | undefined;

function dictionaryDir(): string {
  return dirname(fileURLToPath(import.meta.resolve("dictionary-bg")));
}

export function parseAffixes(aff: string): SuffixRule[] {
  const rules: SuffixRule[] = [];
  for (const line of aff.split(/\r?\n/)) {
    const parts = line.trim().split(/\s+/);
    if (parts[0] !== "SFX" || parts.length < 5) continue;
    const [, flag, strip, add, condition] = parts;
    rules.push({
      flag,
      strip: strip === "0" ? "" : strip,
      add: add === "0" ? "" : add.split("/")[0],
      condition: condition === "." ? null : new RegExp(`${condition}$`, "u"),
    });
  }
  return rules;
}

export function parseStems(dic: string): Map<string, string> {
  const stems = new Map<string, string>();
  const lines = dic.split(/\r?\n/);
  // The first line is the entry count.
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    const slash = line.indexOf("/");
    const word = slash < 0 ? line : line.slice(0, slash);
    const flags = slash < 0 ? "" : line.slice(slash + 1).split(/\s/)[0];
    stems.set(word, (stems.get(word) ?? "") + flags);
  }
  return stems;
}

export function buildWordList(aff: string, dic: string): WordList {
  const rulesByAdd = new Map<string, SuffixRule[]>();
  let longestAdd = 0;
  for (const rule of parseAffixes(aff)) {
    const bucket = rulesByAdd.get(rule.add) ?? [];
    bucket.push(rule);
    rulesByAdd.set(rule.add, bucket);
    longestAdd = Math.max(longestAdd, rule.add.length);
  }
  return { stems: parseStems(dic), rulesByAdd, longestAdd };
}

function load(): WordList | null {
  if (list !== undefined) return list;
  try {
    const dir = dictionaryDir();
    list = buildWordList(readFileSync(join(dir, "index.aff"), "utf8"), readFileSync(join(dir, "index.dic"), "utf8"));
  } catch {
    list = null; // decide without the word list
  }
  return list;
}

function knownForm(w: WordList, word: string): boolean {
  if (w.stems.has(word)) return true;
  for (let n = Math.min(w.longestAdd, word.length - 1); n >= 1; n--) {
    const rules = w.rulesByAdd.get(word.slice(word.length - n));
    if (!rules) continue;
    const base = word.slice(0, word.length - n);
    for (const rule of rules) {
      const stem = base + rule.strip;
      const flags = w.stems.get(stem);
      if (flags && flags.includes(rule.flag) && (!rule.condition || rule.condition.test(stem))) return true;
    }
  }
  return false;
}

/** Whether the dictionary knows the word, as written, in lower case, or capitalised. */
export function isBulgarianWord(word: string): boolean {
  if (!word) return false;
  const w = load();
  if (!w) return false;
  const lower = word.toLowerCase();
  return knownForm(w, word) || knownForm(w, lower) || knownForm(w, lower[0].toUpperCase() + lower.slice(1));
}

/** Load the word list now (it loads itself on first use otherwise). */
export function loadBulgarianWords(): boolean {
  return load() !== null;
}
