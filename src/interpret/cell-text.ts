/**
 * A cell's printed lines → one clean string: lines joined with single spaces, whitespace collapsed,
 * soft hyphens removed, and a word broken at a line end by a hyphen joined again ("обра-" +
 * "зователни" → "образователни") while a real hyphen is kept ("социално-" + "емоционалното" →
 * "социално-емоционалното", "арт-" + "терапия" → "арт-терапия", "5 и 6-" + "годишна").
 *
 * The decision uses, in this order: the characters around the hyphen, the document's own vocabulary
 * (words seen unbroken elsewhere), and a Bulgarian word list (hunspell's dictionary-bg, read by
 * ./bulgarian-words.ts). The word list is loaded once per process, the first time a hyphen cannot be
 * decided without it (~0.2 s).
 */
import { isBulgarianWord, loadBulgarianWords } from "./bulgarian-words.js";

/** Loads the Bulgarian word list now (optional: joinCellLines loads it when first needed). */
export async function prepareHyphenDictionary(): Promise<void> {
  loadBulgarianWords();
}

/** A word the hunspell dictionary accepts (case-insensitively). */
export function isDictionaryWord(word: string): boolean {
  return isBulgarianWord(word);
}

const SOFT_HYPHEN = /\u00ad/g;
const LETTER = /\p{L}/u;
const HYPHENS = "-\u2010"; // hyphen-minus, hyphen (U+2011 non-breaking hyphen is always kept)

/** Decides whether `left` (ending in a hyphen) and `right` join without the hyphen. */
export function isSplitWord(left: string, right: string, vocab?: ReadonlySet<string>): boolean {
  const hyphen = left[left.length - 1];
  if (!HYPHENS.includes(hyphen)) return false;
  const before = left[left.length - 2] ?? "";
  if (!LETTER.test(before)) return false; // "6-годишна", "г.-юни", "2024-2025"
  const token = left.slice(0, -1).split(/\s+/).pop() ?? "";
  const leftWord = (token.split(/[-\u2010\u2011/]/).pop() ?? "").replace(/^[^\p{L}]+/u, "");
  const rightWord = /^\p{L}+/u.exec(right)?.[0] ?? "";
  if (!leftWord || !rightWord) return false;
  // "РУО-", "Д-р": abbreviations and capitals after a hyphen are not word splits.
  if (leftWord.length >= 2 && leftWord === leftWord.toUpperCase()) return false;
  if (leftWord.length === 1 && leftWord === leftWord.toUpperCase()) return false;
  if (rightWord[0] !== rightWord[0].toLowerCase()) return false;

  const l = leftWord.toLowerCase();
  const r = rightWord.toLowerCase();
  const joined = l + r;
  const hyphenated = `${l}-${r}`;
  if (vocab && vocab.size > 0) {
    const has = (w: string): boolean => vocab.has(w);
    if (has(hyphenated)) return false;
    if (has(joined)) return true;
    // The left part written with a hyphen elsewhere ("психо-социална" → "психо-" + "физическите").
    if (l.length >= 3) {
      for (const w of vocab) if (w.startsWith(`${l}-`)) return false;
    }
  }
  if (isDictionaryWord(joined)) return true;
  // Prefixes Bulgarian writes together with the word ("интеркултурно", "мултимедия").
  if (JOINED_PREFIXES.has(l)) return true;
  const leftOk = isDictionaryWord(l);
  if (leftOk && isDictionaryWord(r)) return false; // "социално-емоционалното"
  // A capitalised piece that is not a word, then lower case: a broken name ("Самора-" + "ново").
  if (!leftOk && leftWord[0] !== l[0]) return true;
  // "арт-терапия": an unknown first part before a real word of some length keeps its hyphen;
  // a short remainder ("Юлиа-" + "на", "Хилендарс-" + "ки") is the end of a broken word.
  if (r.length >= 4 && isDictionaryWord(r)) return false;
  return true;
}

/** Bound prefixes that Bulgarian spelling writes together with the rest of the word. */
const JOINED_PREFIXES = new Set([
  "анти",
  "интер",
  "контра",
  "макро",
  "микро",
  "мулти",
  "мега",
  "супер",
  "ултра",
  "хипер",
  "екстра",
  "транс",
  "псевдо",
  "квази",
  "пост",
  "свръх",
  "извън",
  "между",
  "общо",
  "полу",
  "вътре",
]);

/** "социално‐" + "емоционалното …" → "социално-емоционалното" (lower case), to look up in the vocabulary. */
function hyphenatedPair(left: string, right: string): string {
  const l = /[\p{L}\p{N}]+(?=\u2010$)/u.exec(left)?.[0] ?? "";
  const r = /^[\p{L}\p{N}]+/u.exec(right)?.[0] ?? "";
  return `${l}-${r}`.toLowerCase();
}

/**
 * A number, year or range broken at a line end: a year range whose second year was cut
 * ("2024/202" + "5", "2024-20" + "25") or a range broken after its dash or slash ("2021–" + "2027",
 * "2024/" + "2025").
 */
export function isBrokenNumber(left: string, right: string): boolean {
  const digits = /^\d+/.exec(right)?.[0];
  if (!digits) return false;
  if (/\d[/–—-]$/u.test(left)) return true;
  const m = /(?:^|[^\d])(\d{4})[/–—-](\d{1,3})$/u.exec(left);
  if (!m) return false;
  const second = m[2] + digits;
  return second.length === 4 ? +second === +m[1] + 1 : second.length === 2 && +second === (+m[1] + 1) % 100;
}

/** Joins a cell's lines into one cleaned string. */
export function joinCellLines(lines: string[], vocab?: ReadonlySet<string>): string {
  const clean = lines.map((l) => l.replace(/[\s\u00a0\u2007\u202f]+/g, " ").trim()).filter((l) => l.replace(SOFT_HYPHEN, "").length > 0);
  if (clean.length === 0) return "";
  let text = clean[0];
  for (let i = 1; i < clean.length; i++) {
    const next = clean[i];
    if (text.endsWith("\u00ad")) {
      text = text.slice(0, -1) + next;
    } else if (isBrokenNumber(text, next)) {
      text += next; // "2024/202" + "5", "2021–" + "2027": a number or range broken at the line end
    } else if (/[.,;:)»“]-$/u.test(text)) {
      text += ` ${next}`; // "г.-" + "юни 2025 г.": a dash between two parts, broken where a space stood
    } else if (text.endsWith("\u2010") && /\p{L}\u2010$/u.test(text) && /^\p{Ll}/u.test(next) && !vocab?.has(hyphenatedPair(text, next))) {
      // U+2010 at a line end is what browsers print for an automatic (soft) hyphenation break; a typed
      // hyphen is U+002D. So the word was split by the layout, unless the document writes it hyphenated.
      text = text.slice(0, -1) + next;
    } else if (HYPHENS.includes(text[text.length - 1]) && !/\s[-\u2010]$/.test(text)) {
      text = isSplitWord(text.replace(SOFT_HYPHEN, ""), next, vocab) ? text.slice(0, -1) + next : text + next;
    } else if (text.endsWith("/") && /^\p{L}/u.test(next)) {
      text += next; // "ДГ/" + "училища": a line broken after a slash
    } else if (text.endsWith("\u2011")) {
      text += next;
    } else {
      text += ` ${next}`;
    }
  }
  // Typographic hyphens (U+2010, non-breaking U+2011) are written as the plain hyphen.
  return text
    .replace(SOFT_HYPHEN, "")
    .replace(/[\u2010\u2011]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}
