/**
 * The words and number forms of deadline cells: month names, years, ordinals, and the word lists
 * that classify a cell without a date (recurring, conditional, ongoing, the whole period, none).
 * Texts are matched after `normalizeText` (lower case, one kind of dash, single spaces).
 */

export const L = "а-яa-z"; // letters after lower-casing (Cyrillic і is mapped to Latin i)

/** Month names and abbreviations; the month number is found from the stem. */
export const MONTH =
  "януари|януарий|яну\\.?|ян\\.|февруари|февруарий|февр\\.?|фев\\.|март|мар\\.|април|апр\\.|май|юни|юли|август|авг\\.|" +
  "септември|септемврий|септ\\.?|сеп\\.|октомври|октомврий|окт\\.?|ноември|ноемврий|ноем\\.|ное\\.|нояв\\.?|декември|декемврий|дек\\.?";

export function monthNumber(token: string): number {
  const t = token.replace(/\.$/, "");
  const stems: [string, number][] = [
    ["ян", 1],
    ["фе", 2],
    ["мар", 3],
    ["ап", 4],
    ["май", 5],
    ["юн", 6],
    ["юл", 7],
    ["ав", 8],
    ["се", 9],
    ["ок", 10],
    ["но", 11],
    ["де", 12],
  ];
  for (const [stem, n] of stems) if (t.startsWith(stem)) return n;
  return 0;
}

export const YEAR = "((?:19|20)\\d{2})";
/** "г.", "год.", "година", "годtimes" after a year, consumed so it is not left over. */
export const YEAR_WORD = `(?:\\s*(?:г\\.|год\\.|година|г(?![${L}])))?`;

/** Ordinals for terms (1–2), half-years (1–2) and quarters (1–4). */
export const ORDINAL =
  `(iv|iii|ii|i|[1-4]|първи(?:ят|я)?|първо(?:то)?|първа(?:та)?|втори(?:ят|я)?|второ(?:то)?|втора(?:та)?|` +
  `трети(?:ят|я)?|трето(?:то)?|четвърти(?:ят|я)?|четвърто(?:то)?)` +
  `(?:\\s*-\\s*(?:во|ро|то|ви|ри|ти|ия|ият|ия))?`;

/** One or more ordinals: "I", "I и II", "I-III", "първо и второ" (no capture groups). */
export const ORDINAL_NC = ORDINAL.replace(/\((?!\?)/g, "(?:");
export const ORDINAL_LIST = `${ORDINAL_NC}(?:\\s*(?:и|,|-|–|до)\\s*${ORDINAL_NC})*`;

export function romanMonth(token: string): number {
  const r = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"];
  return r.indexOf(token) + 1;
}

export function ordinalNumber(token: string): number {
  const t = token.trim();
  const roman: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
  if (roman[t]) return roman[t];
  if (/^[1-4]$/.test(t)) return +t;
  if (t.startsWith("първ")) return 1;
  if (t.startsWith("втор")) return 2;
  if (t.startsWith("трет")) return 3;
  if (t.startsWith("четвърт")) return 4;
  return 0;
}

export const RECURRING: [RegExp, string][] = [
  [/ежедневн|ежедневен|всеки ден|всекидневн|(?<![а-я])дневно(?![а-я])/, "daily"],
  [
    /ежеседмич|всяка седмица|(?<![а-я])седмично(?![а-я])|веднъж седмично|всеки (?:понеделник|вторник|петък|четвъртък|събота|неделя)|всяка (?:сряда|събота|неделя)/,
    "weekly",
  ],
  [/ежемесеч|всеки месец|(?<![а-я])месечно(?![а-я])|веднъж месечно|число(?:то)? на (?:всеки |текущия |следващия )?месец/, "monthly"],
  [/ежетримесеч|всяко тримесечие|на всяко тримесечие|(?<![а-я])тримесечно(?![а-я])/, "quarterly"],
  [/всеки (?:учебен )?срок|в края на всеки срок/, "termly"],
  [
    /(?:два|2) пъти (?:в |през )?(?:годи(?:шно|на)|учебната година)|веднъж на полугодие|ежеполугоди|(?<![а-я])полугодишно(?![а-я])/,
    "half-yearly",
  ],
  [/ежегод|всяка (?:учебна |календарна )?година|(?<![а-я])годишно(?![а-я])|веднъж годишно/, "yearly"],
  [/периодичн/, "periodic"],
];

export const CONDITIONAL =
  /при необходимост|при нужда|при поискване|при възникн|при възникване|при наличие|при сигнал|при покана|при заявка|при промян|при постъпване|при получаване|при обявяване|при откриване|при установяване|(?<![а-я])съгласно|(?<![а-я])според|по график|по графика|в зависимост|в сроковете|в сроковет|в съответствие с|в срокове|по заявка|по искане|по преценка|след одобрение|след утвърждаване|след обявяване|след получаване|по време на|когато|ако |(?<![а-я])при (?!това)|(?<![а-я])след (?=[а-я])|(?:дни|дена|седмици|месеца) (?:след|от|преди)|в срок от|в [0-9]+-?дневен срок|в едномесечен срок|в тримесечен срок/;

export const ONGOING = /постоян|(?<![а-я])текущ|непрекъснат|регулярн|перманентн|(?<![а-я])винаги|всекидневно|системно/;

export const WHOLE_PERIOD =
  /целогодишн|през цялата (?:учебна |календарна )?година|през цялата година|през годината|в рамките на годината|през цялия период|за целия период/;

export const NONE = /^(?:-+|—|x|х|неприложимо|не се прилага|няма|н\/п|n\/a)\.?$/;

/** Roman month numerals, longest first. */
export const ROMAN_MONTH = "xii|xi|x|ix|viii|vii|vi|v|iv|iii|ii|i";

/** Lower case, one kind of dash, soft hyphens dropped, single spaces. */
export function normalizeText(text: string): string {
  return (
    text
      .normalize("NFC")
      .toLowerCase()
      .replace(/\u0456/g, "i") // Cyrillic і (used in roman numerals such as "ІІ срок")
      // Cyrillic х written for X in a roman month ("15.ХІІ.2024"): only between dots / before a year.
      .replace(/(?<=\.\s?)[хx]([ivх]*)(?=\s?\.)/g, (_m, rest: string) => "x" + rest.replace(/х/g, "x"))
      .replace(/\u00ad/g, "")
      .replace(/[\u2010-\u2015\u2212]/g, "-")
      .replace(/[\s\u00a0]+/g, " ")
      .trim()
  );
}
