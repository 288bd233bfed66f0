/**
 * Document metadata from the text before the plan table: title, issuer, region, period.
 */
import type { TextBlock } from "../extract/grid.js";
import type { PlanDocument } from "../model/schema.js";
import { schoolYearDates } from "../normalize/dates/calendar.js";

type Metadata = PlanDocument["document"];

/** "П Л А Н" → "ПЛАН": runs of single letters separated by single spaces become one word. */
export function collapseLetterSpacing(text: string): string {
  return text.replace(/(?<![\p{L}])(\p{L})((?: \p{L}){2,})(?![\p{L}])/gu, (m) => m.replace(/ /g, ""));
}

function clean(text: string): string {
  return collapseLetterSpacing(
    text
      .replace(/\u00ad/g, "")
      .replace(/\s+/g, " ")
      .trim(),
  );
}

/** Whether a text is a running page header or a page number rather than part of the title. */
function isPageFurniture(text: string): boolean {
  return /стр\.\s*\d+|^\d+$|^страница\s+\d+/iu.test(text.trim());
}

const PERIOD_PATTERNS: { re: RegExp; make: (m: RegExpExecArray) => Metadata["period"] }[] = [
  {
    // "за учебната 2024/2025 година", "учебна 2024-2025 г."
    re: /учебна(?:та)?\s+(\d{4})\s*[/–-]\s*(\d{4})/iu,
    make: (m) => ({ label: `${m[1]}/${m[2]}`, ...schoolYearDates(+m[1], +m[2]) }),
  },
  {
    re: /(\d{4})\s*[/–-]\s*(\d{4})\s+учебна/iu,
    make: (m) => ({ label: `${m[1]}/${m[2]}`, ...schoolYearDates(+m[1], +m[2]) }),
  },
  {
    // "за периода 2024 – 2026 г."
    re: /за\s+(?:периода\s+)?(\d{4})\s*[–-]\s*(\d{4})\s*(?:г\.|година|години)/iu,
    make: (m) => ({ label: `${m[1]}-${m[2]}`, start: `${m[1]}-01-01`, end: `${m[2]}-12-31` }),
  },
  {
    // "за 2024 г.", "за 2024 година"
    re: /за\s+(?:(?:календарната|бюджетната)\s+)?(\d{4})\s*(?:г\.|год\.|година)/iu,
    make: (m) => ({ label: m[1], start: `${m[1]}-01-01`, end: `${m[1]}-12-31` }),
  },
];

export function findPeriod(text: string): Metadata["period"] {
  for (const p of PERIOD_PATTERNS) {
    const m = p.re.exec(text);
    if (m) return p.make(m);
  }
  return null;
}

/** "КЮСТЕНДИЛ" → "Кюстендил", "СТАРА ЗАГОРА" → "Стара Загора"; mixed case is kept. */
function placeName(text: string): string {
  const t = text.trim().replace(/[.,;:]+$/, "");
  if (t !== t.toUpperCase()) return t;
  return t
    .toLowerCase()
    .split(/(\s+|-)/)
    .map((w) => (/^\p{L}/u.test(w) ? w[0].toUpperCase() + w.slice(1) : w))
    .join("");
}

const PLACE = "(\\p{Lu}\\p{L}+(?:[ -]\\p{Lu}\\p{L}+)?)";

/** A case-insensitive pattern for a phrase, without the "i" flag (which would let \p{Lu} match lower case). */
function anyCase(phrase: string): string {
  return [...phrase]
    .map((ch) => (ch === " " ? "\\s+" : ch.toLowerCase() !== ch.toUpperCase() ? `[${ch.toLowerCase()}${ch.toUpperCase()}]` : ch))
    .join("");
}

/** School, kindergarten and centre types that issue their own plans ("СУ", "Детска градина", …). */
const INSTITUTION =
  "(?:ДГ|ЦДГ|ОДЗ|ДЯ|СУ|СОУ|ОУ|ОбУ|НУ|ПГ|ПМГ|ПГИ|ППМГ|ЕГ|СпУ|ЦСОП|ЦПЛР|ЦСПП|" +
  [
    "детска градина",
    "целодневна детска градина",
    "основно училище",
    "средно училище",
    "обединено училище",
    "начално училище",
    "профилирана гимназия",
    "професионална гимназия",
    "природо-математическа гимназия",
    "езикова гимназия",
    "гимназия",
    "спортно училище",
    "център за подкрепа за личностно развитие",
  ]
    .map(anyCase)
    .join("|") +
  ")";

const ISSUER_PATTERNS: { re: RegExp; make: (place: string, match: string) => { issuer: string; region: string } }[] = [
  {
    re: new RegExp(`${anyCase("регионално управление на образованието")}\\s*[–—-]?\\s*(?:гр\\.\\s*)?${PLACE}`, "u"),
    make: (p) => ({ issuer: `Регионално управление на образованието – ${p}`, region: p }),
  },
  {
    re: new RegExp(`(?<!\\p{L})РУО\\s*[–—-]\\s*${PLACE}`, "u"),
    make: (p) => ({ issuer: `Регионално управление на образованието – ${p}`, region: p }),
  },
  {
    // "СУ „Христо Ботев“ – гр. Дупница", "ДГ № 5 „Слънце“, гр. Казанлък": the institution as printed, the town as region
    re: new RegExp(
      `(?<!\\p{L})${INSTITUTION}\\s*(?:№\\s*\\d+\\s*)?[„"«“][^„"«“”»]{1,80}["“”»]\\s*(?:[–—-]|,)?\\s*(?:${anyCase("гр.")}|${anyCase("град")}|${anyCase("с.")}|${anyCase("село")})\\s*${PLACE}`,
      "u",
    ),
    make: (p, m) => ({ issuer: m.replace(/\s+/g, " ").trim(), region: p }),
  },
  { re: new RegExp(`(?<!\\p{L})${anyCase("община")}\\s+${PLACE}`, "u"), make: (p) => ({ issuer: `Община ${p}`, region: p }) },
  { re: new RegExp(`${anyCase("общински съвет")}\\s*[–—-]?\\s*${PLACE}`, "u"), make: (p) => ({ issuer: `Община ${p}`, region: p }) },
  { re: new RegExp(`(?<!\\p{L})${anyCase("област")}\\s+${PLACE}`, "u"), make: (p) => ({ issuer: `Област ${p}`, region: p }) },
];

/** Words of a title block that are never a place, though they may follow one ("КАЗАНЛЪК План"). */
const NOT_PLACE = /^(За|На|В|И|План|Програма|Годишен|Годишна|Приложение|Стратегия|Общински|Общинска|Относно)$/u;

function findIssuer(text: string): { issuer: string; region: string } | null {
  for (const p of ISSUER_PATTERNS) {
    const m = p.re.exec(text);
    if (m) {
      const place = placeName(m[1]);
      // Words that follow a place name in an upper-case title are not part of it ("КЮСТЕНДИЛ ЗА").
      const words = place.split(" ");
      while (words.length > 1 && NOT_PLACE.test(words[words.length - 1])) words.pop();
      if (NOT_PLACE.test(words[0])) continue;
      const trimmed = words.join(" ");
      return p.make(trimmed, m[0].slice(0, m[0].lastIndexOf(m[1])) + trimmed);
    }
  }
  return null;
}

/** The issuer named in one line of the title block, else in the text as a whole. */
function findIssuerIn(lines: string[]): { issuer: string; region: string } | null {
  for (const l of lines) {
    const who = findIssuer(l);
    if (who) return who;
  }
  return findIssuer(lines.join(" "));
}

/**
 * Title: from the first line that starts with "План" (after collapsing letter spacing) through the
 * line that names the plan's period, at most six lines.
 */
function findTitle(lines: string[]): string | null {
  const start = lines.findIndex(
    (l) => /^((годишен|годишна|оперативен|общински|общинска)\s+)?(план|програма)(?!\p{L})/iu.test(l) && !isPageFurniture(l),
  );
  if (start < 0) return null;
  const parts: string[] = [];
  for (let i = start; i < lines.length && parts.length < 6; i++) {
    const line = lines[i];
    if (i > start && (/^\(/.test(line) || line.length > 200 || /^\d+\.\s/.test(line))) break;
    parts.push(line);
    if (findPeriod(parts.join(" "))) break;
  }
  return parts.join(" ").replace(/\s+/g, " ").trim() || null;
}

export function readMetadata(blocks: TextBlock[], tableText: string): Metadata {
  const before = blocks
    .filter((b) => b.where === "before")
    .map((b) => clean(b.text))
    .filter((t) => t && !isPageFurniture(t));
  const lines = before
    .flatMap((t) => t.split(/\n/))
    .map((t) => t.trim())
    .filter(Boolean);
  const title = findTitle(lines);
  const headText = lines.join(" ");
  const period = (title && findPeriod(title)) || findPeriod(headText) || null;
  const who = (title && findIssuer(title)) || findIssuerIn(lines) || findIssuer(tableText.slice(0, 2000)) || null;
  return { title, issuer: who?.issuer ?? null, region: who?.region ?? null, period };
}
