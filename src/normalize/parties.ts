/**
 * Responsible-party cells ("Отговорник", "Отговорни институции") → the distinct parties they name.
 *
 * The input is the cell's raw lines, so a one-per-line list ("Детски градини" / "Училища") can be
 * told from one party that wraps ("РЦПППО –" / "Стара Загора", "Община" / "Казанлък",
 * "Регионален център за подкрепа на процеса на приобщаващото" / "образование"):
 *   - a line continues the one before when that one ends with a dangling dash, a hyphen, a
 *     preposition or conjunction, an open quote or bracket, or a head word that needs a name
 *     after it ("Община", "Регионален център", "отдел"); or when the line starts in lower case
 *     and is not itself a role ("ст. експерт …", "началник …", "членове …");
 *   - the joined text is split on ";" and "," (not inside quotes or brackets, and not before
 *     "гр." / "с." of a place) and on "и" only between two roles
 *     ("ст. експерт по ПНЕ и старши експерт по математика");
 *   - trailing punctuation is trimmed, duplicates (by canonicalParty) dropped.
 * `expanded` spells out abbreviations (null when none is known or one is ambiguous), with role
 * nouns in one form ("ст. експертът", "ст. експерти" → "старши експерт") so parties can be counted.
 */
import type { Party } from "../model/schema.js";
import { expandAbbreviations, loadAbbreviations, type AbbreviationTable } from "./abbreviations.js";

/** Role nouns: their grammatical forms → the singular, indefinite form. */
const ROLE_FORMS: [RegExp, string][] = [
  [/^експерт(?:ът|а|и|ите)$/u, "експерт"],
  [/^начални(?:к(?:ът|а)|ци|ците)$/u, "началник"],
  [/^директор(?:ът|а|и|ите)$/u, "директор"],
  [/^заместник-директор(?:ът|а|и|ите)$/u, "заместник-директор"],
  [/^помощник-директор(?:ът|а|и|ите)$/u, "помощник-директор"],
  [/^учител(?:ят|я|и|ите)$/u, "учител"],
  [/^ръководител(?:ят|я|и|ите)$/u, "ръководител"],
  [/^председател(?:ят|я|и|ите)$/u, "председател"],
  [/^член(?:ът|а|ове|овете)$/u, "член"],
  [/^инспектор(?:ът|а|и|ите)$/u, "инспектор"],
  [/^специалист(?:ът|а|и|ите)$/u, "специалист"],
  [/^психолог(?:ът|а|зи|озите)$/u, "психолог"],
  [/^съветни(?:к(?:ът|а)|ци|ците)$/u, "съветник"],
  [/^координатор(?:ът|а|и|ите)$/u, "координатор"],
  [/^медиатор(?:ът|а|и|ите)$/u, "медиатор"],
  [/^възпитател(?:ят|я|и|ите)$/u, "възпитател"],
];

/** Words that start a role (a person's position): a party of its own. */
const ROLE_START =
  /^(?:ст\.|старши|гл\.|главни?|мл\.|младши|зам\.|заместник|пом\.|помощник|пед\.|педагогическ|експерт|начални[кц]|директор|учител|класн|кл\.|ръководител|председател|член|инспектор|специалист|психолог|логопед|ресурсн|съветни[кц]|координатор|медиатор|възпитател|служител|представител|отговорни|кмет|секретар|юрисконсулт|счетоводител|медицинск|екип|комиси)/iu;

/** Prepositions and conjunctions that cannot end a party. */
const DANGLING_WORD =
  /(?:^|\s)(?:на|по|за|от|в|във|към|при|с|със|и|или|до|чрез|между|както|съвместно|заедно|ст\.|гл\.|мл\.|зам\.|пом\.|пед\.|кл\.)$/u;

/** A list bullet at the start of a line. */
const BULLET = /^(?:[-–—•·*▪◦]\s+|\d{1,2}[.)]\s+)/u;

/** Words that open a clause about the party before the comma ("…, определени със заповед", "…, които"). */
const CLAUSE_START =
  /^\s*(?:\p{Ll}+(?:ени|ана|ани|яни|ели|али|ящи|ещи|ащи|ван|вана|вани|ено|ена|ан)|които|който|която|което|чиито|включително|вкл\.|съответно|както|отговорн\p{Ll}*|определен\p{Ll}*|назначен\p{Ll}*)(?!\p{L})/u;

/** A role noun that names its field after it ("ст. експерт ОСО", "началник РУО", "отдел ОМДК"). */
const COMPLEMENT_NOUN = /(?:^|\s)(?:експерт(?:и|ът|а|ите)?|начални(?:к|ци|кът|ка)|отдел(?:и|а)?)$/u;

/** A phrase ending in an adjective with an article ("… на областната", "… на приобщаващото"). */
const PHRASE_ADJECTIVE = /\s\p{Ll}+(?:(?:ск|н)(?:ата|ото|ия|ият|ите)|щ(?:ото|ия|ият|ата))$/u;

/** A line that is one adjective ("Здравни", "Общински"): the noun follows on the next line. */
const LONE_ADJECTIVE = /^\p{L}+(?:ски|ни|ен|ан|на|но|ска|ско|ова|ов|ови)$/iu;

/** Head words that need a name or complement after them. */
const HEAD_WORD =
  /(?:^|\s)(?:община|общинска|общински|областна|областен|районна|районно|районен|регионален|регионално|регионална|център|дирекция|отдел|комисия|министерство|агенция|сектор|управление|читалище)$/iu;

function cleanLine(line: string): string {
  return line
    .replace(/\u00ad/g, "")
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}

function unbalanced(s: string): boolean {
  // „…“ closes with “ (or ”); brackets must close too.
  const bgOpen = (s.match(/„/g) ?? []).length;
  const bgClose = (s.match(/[“”]/g) ?? []).length;
  const paren = (s.match(/\(/g) ?? []).length - (s.match(/\)/g) ?? []).length;
  return bgOpen > bgClose || paren > 0;
}

/** A line that starts a party of its own: an abbreviation in capitals or a plural institution noun. */
const NEW_ITEM = /^(?:\p{Lu}{2,}(?![\p{Ll}])|(?:училищ|детск|общин|читалищ|неправителствен|родител|ученич)\p{L}*)/u;

/** True when `next` continues `prev` (one party wrapping over two lines). */
function continues(prev: string, next: string): boolean {
  // A bulleted list: "- директор" / "- учители", "1. …" / "2. …" (a dash after an unbulleted line
  // continues it instead: "РЦПППО" / "– Стара Загора").
  if (/^\d{1,2}[.)]\s/u.test(next) || (BULLET.test(next) && BULLET.test(prev))) return false;
  if (/[-\u2010\u2011\u00ad–—]$/u.test(prev)) return true; // "РЦПППО –", "ЦСРИ -", "начал‐"
  // A list separator at a line end: join, and let the separator split decide ("членове на
  // комисии," / "определени със заповед …" is one party).
  if (/[,;]$/u.test(prev)) return true;
  if (DANGLING_WORD.test(prev)) return true;
  const head = HEAD_WORD.exec(prev);
  if (head && !ROLE_START.test(next)) {
    // "ст. експерти от отдел" / "ОМДК": a head word inside a phrase always takes what follows;
    // a capitalised one alone on its line ("Община" / "Казанлък") unless a new item follows.
    const word = head[0].trim();
    if (/^\p{Ll}/u.test(word) || !NEW_ITEM.test(next)) return true;
  }
  // "ст. експерт" / "ОСО", "началник" / "РУО, …": a role noun and the abbreviation of its field.
  if (ROLE_START.test(prev) && COMPLEMENT_NOUN.test(prev) && /^\p{Lu}{2,}(?!\p{Ll})/u.test(next)) return true;
  if (unbalanced(prev)) return true;
  // "РЦПППО" / "– Стара Загора".
  if (/^[-–—]/u.test(next)) return true;
  // "Регионална библиотека" / "„Захарий Княжески“": a name in quotes belongs to the words before it.
  if (/^[„«"]/u.test(next) && !/[“”»"]$/u.test(prev)) return true;
  // "РЦПППО – Стара" / "Загора": a place after a dash goes on with a capitalised word.
  if (/\s[-–—]\s*\p{Lu}\p{Ll}+$/u.test(prev) && /^\p{Lu}\p{Ll}+$/u.test(next) && !NEW_ITEM.test(next)) return true;
  // "Класните" / "ръководители": one word alone on its line, then the lower-case rest of the party.
  if (/^\p{Lu}\p{Ll}+$/u.test(prev) && /^\p{Ll}/u.test(next) && !NEW_ITEM.test(next)) return true;
  if (/^\p{Ll}/u.test(next)) {
    // After an adjective the noun follows: "Здравни" / "медиатори", "… на приобщаващото" / "образование".
    if (LONE_ADJECTIVE.test(prev) || PHRASE_ADJECTIVE.test(prev)) return true;
    // Otherwise a lower-case line continues unless it starts a role or an institution of its own.
    return !ROLE_START.test(next) && !NEW_ITEM.test(next);
  }
  return false;
}

/** A first part that stays hyphenated when a line ends after it ("социално-" / "емоционалното"). */
const COMPOUND_FIRST = /(?:^|[\s„"(])(?:\p{L}{3,}о|заместник|помощник|арт|главен|старши|младши)$/iu;

/** Joins one line onto the text before it; a word broken by a hyphen at a line end is rejoined. */
function joinLine(prev: string, next: string): string {
  const broken = /(\p{Ll})[-\u2010\u2011\u00ad]$/u.exec(prev);
  if (broken && /^\p{Ll}/u.test(next)) {
    const stem = prev.slice(0, -1);
    if (prev.endsWith("\u00ad") || !COMPOUND_FIRST.test(stem)) return stem + next;
    return `${stem}-${next}`;
  }
  // "АП-" / "ФСНО", "РЦПППО-" / "Стара Загора": a hyphen attached to the word stays, without a space.
  if (/\p{L}[-\u2010\u2011]$/u.test(prev) && /^\p{Lu}/u.test(next)) return prev.slice(0, -1) + "-" + next;
  return `${prev} ${next}`;
}

/** A role over institutions: "директори на ДГ", "ръководители на училища". */
const ROLE_OVER = /^(?:ст\.\s*|старши\s+|главни?\s+)?\p{L}+\s+(?:на|в|от|при)\s+\S/u;

/**
 * Whether the comma after `cur` continues a list of institutions that a role is followed by
 * ("директори на ДГ, училища и ЦПЛР"): the list up to the next ";" ends with "… и X", and its
 * items are a few words each, none of them a role or a sentence of its own.
 */
function continuesRoleList(cur: string, rest: string): boolean {
  const head = cur.trim();
  if (!ROLE_START.test(head) || !ROLE_OVER.test(head) || head.split(/\s+/).length > 8) return false;
  const list = rest.split(";")[0];
  const items = list.split(",").map((x) => x.trim());
  if (!/\s+и\s+\S+/u.test(items[items.length - 1])) return false;
  return items.every((x) => x !== "" && x.split(/\s+/).length <= 4 && !ROLE_START.test(x));
}

/** Splits on "," and ";" outside quotes and brackets; a "гр."/"с." after a comma stays. */
function splitOnSeparators(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = "";
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === "„" || ch === "(" || ch === "«") depth++;
    else if ((ch === "“" || ch === "”" || ch === ")" || ch === "»") && depth > 0) depth--;
    if ((ch === "," || ch === ";") && depth === 0) {
      const rest = s.slice(i + 1);
      // A comma before a place ("…, гр. Дупница") or before a clause about the party before it
      // ("членове на комисии, определени със заповед …") does not separate parties.
      if (
        ch === "," &&
        (/^\s*(?:гр\.|с\.|град\s|село\s|общ\.|обл\.)/u.test(rest) ||
          (CLAUSE_START.test(rest) && !ROLE_START.test(rest.trim()) && !NEW_ITEM.test(rest.trim())) ||
          continuesRoleList(cur, rest))
      ) {
        cur += ch;
        continue;
      }
      out.push(cur);
      cur = "";
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

/** Splits on " и " only when both sides are roles (persons' positions). */
function splitOnAnd(s: string): string[] {
  const parts: string[] = [];
  let rest = s;
  for (;;) {
    const re = /\s+и\s+/gu;
    let m: RegExpExecArray | null;
    let cut = -1;
    let cutLen = 0;
    while ((m = re.exec(rest)) !== null) {
      const left = rest.slice(0, m.index).trim();
      const right = rest.slice(m.index + m[0].length).trim();
      if (ROLE_START.test(left) && ROLE_START.test(right) && !unbalanced(left)) {
        cut = m.index;
        cutLen = m[0].length;
        break;
      }
    }
    if (cut < 0) break;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut + cutLen);
  }
  parts.push(rest);
  return parts;
}

const KEEP_DOT = /(?:^|\s)(?:ст|гл|мл|зам|пом|пед|гр|с|др|бл|ул|кв|акад|проф|д-р|доц|инж|св|кл)\.$/iu;

function trimParty(s: string): string {
  let t = s.trim();
  for (;;) {
    const before = t;
    t = t.replace(/^[-–—•·*▪◦\s]+/u, "").replace(/^\d{1,2}[.)]\s+/u, "");
    t = t.replace(/[\s,;:]+$/u, "");
    if (t.endsWith(".") && !KEEP_DOT.test(t)) t = t.slice(0, -1);
    t = t.replace(/\s*[-–—]$/u, "");
    if (t === before) break;
  }
  return t.replace(/\s+/g, " ").trim();
}

/** Role nouns in one form: "старши експертът по …" → "старши експерт по …". */
export function normalizeRoleForms(text: string): string {
  return text.replace(/[\p{L}-]+/gu, (w) => {
    const lower = w.toLowerCase();
    for (const [re, base] of ROLE_FORMS) {
      if (re.test(lower)) return w.charAt(0) === lower.charAt(0) ? base : base.charAt(0).toUpperCase() + base.slice(1);
    }
    return w;
  });
}

let defaultTable: AbbreviationTable | null = null;

/**
 * A key for counting a party across plans: abbreviations spelled out, role nouns in one form,
 * lower case, quotes and punctuation dropped, "детски градини" → "детска градина" and the like.
 * `table` defaults to the bundled abbreviations.
 */
export function canonicalParty(text: string, table?: AbbreviationTable): string {
  const t = table ?? (defaultTable ??= loadAbbreviations());
  const clean = trimParty(cleanLine(text)).replace(/(?<=\p{Lu}{2,})\s*-\s*(?=\p{Lu})/gu, " – ");
  const expanded = expandAbbreviations(clean, t) ?? clean;
  // "РЦПППО-Стара Загора" and "РЦПППО – Стара Загора" are one party; "заместник-директор" keeps its hyphen.
  let key = normalizeRoleForms(expanded)
    .replace(/\s+[-–—]\s*|\s*[–—]\s*|(?<=\p{Lu}\p{L}*)-(?=\p{Lu})/gu, " - ")
    .toLowerCase();
  key = key.replace(/[„“”"«»']/gu, "").replace(/[.,;:]/gu, " ");
  const plural: [RegExp, string][] = [
    [/(?<!\p{L})детски(?:те)? градини(?!\p{L})/gu, "детска градина"],
    [/(?<!\p{L})детската градина(?!\p{L})/gu, "детска градина"],
    [/(?<!\p{L})училища(?:та)?(?!\p{L})/gu, "училище"],
    [/(?<!\p{L})училището(?!\p{L})/gu, "училище"],
    [/(?<!\p{L})отдели(?:те)?(?!\p{L})/gu, "отдел"],
    [/(?<!\p{L})общината(?!\p{L})/gu, "община"],
    [/(?<!\p{L})читалища(?:та)?(?!\p{L})/gu, "читалище"],
    [/(?<!\p{L})медиатори(?:те)?(?!\p{L})/gu, "медиатор"],
    [/(?<!\p{L})здравни(?:те)? медиатор(?!\p{L})/gu, "здравен медиатор"],
  ];
  for (const [re, s] of plural) key = key.replace(re, s);
  return key.replace(/\s+/g, " ").trim();
}

/**
 * The distinct parties of a responsible cell, from its raw lines. Each party is kept as printed
 * (lines of a wrapped party joined with a space) and gets `expanded` (see file comment).
 */
export function splitParties(lines: readonly string[], table: AbbreviationTable): Party[] {
  const cleaned = lines.map(cleanLine).filter((l) => l !== "");
  // 1. Lines → logical items.
  const items: string[] = [];
  for (const line of cleaned) {
    if (items.length > 0 && continues(items[items.length - 1], line)) {
      items[items.length - 1] = joinLine(items[items.length - 1], line);
    } else {
      items.push(line);
    }
  }
  // 2. Items → parties.
  const parties: Party[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    for (const piece of splitOnSeparators(item)) {
      for (const part of splitOnAnd(piece)) {
        const text = trimParty(part);
        if (text === "" || !/\p{L}/u.test(text)) continue;
        const key = canonicalParty(text, table);
        if (seen.has(key)) continue;
        seen.add(key);
        const exp = expandAbbreviations(text, table);
        parties.push({ text, expanded: exp === null ? null : normalizeRoleForms(exp) });
      }
    }
  }
  return parties;
}
