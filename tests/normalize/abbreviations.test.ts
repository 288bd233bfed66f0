import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  bundledAbbreviations,
  expandAbbreviations,
  findAbbreviations,
  loadAbbreviations,
  mergeAbbreviations,
  readAbbreviationFile,
} from "../../src/normalize/abbreviations.js";

const table = loadAbbreviations();

const REQUIRED = [
  "РУО",
  "МОН",
  "ЗПУО",
  "ПУФРУО",
  "НВО",
  "ДЗИ",
  "ЗДИППК",
  "ДГ",
  "ОУ",
  "НУ",
  "СУ",
  "ПГ",
  "ЕГ",
  "ПМГ",
  "СЕУ",
  "СОП",
  "ЕПЛР",
  "РЕПЛР",
  "РЦПППО",
  "МКБППМН",
  "ОДК",
  "ЦПЛР",
  "ЦОП",
  "ЦСРИ",
  "ДСП",
  "РУ на МВР",
  "ОМДК",
  "АПФСИО",
  "ПОО",
  "ПО",
  "ПНЕ",
  "ОНЕ",
  "БЕЛ",
  "ЧЕМЕ",
  "ОНГОР",
  "ОСО",
  "ПМС",
  "МС",
  "БДП",
  "ДОС",
  "СПК",
  "БЧК",
  "НПО",
  "ИУП",
  "РВО",
  "НП",
  "ОНС",
  "ДАЗД",
  "АСП",
  "ОбС",
  "ППС",
];

describe("bundled abbreviation table", () => {
  const entries = bundledAbbreviations();
  it("has at least 70 entries, each with a source", () => {
    expect(entries.length).toBeGreaterThanOrEqual(70);
    for (const e of entries) expect(e.source.length, e.abbr).toBeGreaterThan(3);
  });
  it("contains every required abbreviation once", () => {
    const abbrs = entries.map((e) => e.abbr);
    for (const a of REQUIRED) expect(abbrs, a).toContain(a);
    expect(new Set(abbrs).size).toBe(abbrs.length);
  });
  it("gives ambiguous entries alternatives", () => {
    for (const e of entries.filter((x) => x.ambiguous)) expect(e.alternatives?.length ?? 0, e.abbr).toBeGreaterThanOrEqual(2);
    expect(entries.find((e) => e.abbr === "ПО")?.ambiguous).toBe(true);
  });
});

describe("expandAbbreviations", () => {
  const cases: [string, string | null][] = [
    // real responsible cells (РУО Кюстендил, Казанлък)
    ["ст. експерт по ПО", "старши експерт по предучилищно образование"],
    ["ст. експертът по ПО", "старши експертът по предучилищно образование"],
    ["ст. експерт по ПОО", "старши експерт по професионално образование и обучение"],
    ["ст. експерт по ОСО", "старши експерт по организация на средното образование"],
    ["ст. експерт по ПНЕ", "старши експерт по природни науки и екология"],
    ["старши експерт по ОНГОР", "старши експерт по обществени науки, гражданско образование и религия"],
    ["ст. експерт по БЕЛ", "старши експерт по български език и литература"],
    ["ст. експерти по БЕЛ", "старши експерти по български език и литература"],
    ["ст. експерт за ОНЕ", "старши експерт за обучение в начален етап"],
    ["ст. експерт по ЧЕМЕ", "старши експерт по чужди езици"],
    ["ст. експерт по математика", "старши експерт по математика"],
    ["ст. експерти в отдел ОМДК", "старши експерти в отдел „Организационно-методическа дейност и контрол“"],
    ["началник на отдел АПФСИО", "началник на отдел „Административно-правно, финансово-стопанско и информационно обслужване“"],
    ["ст. експерти в отдел АП-ФСНО", "старши експерти в отдел „Административно-правно, финансово-стопанско и информационно обслужване“"],
    ["началник на РУО", "началник на Регионално управление на образованието"],
    ["РЦПППО – Стара Загора", "Регионален център за подкрепа на процеса на приобщаващото образование – Стара Загора"],
    ["ЦОП и ЦСРИ - Казанлък", "Център за обществена подкрепа и Център за социална рехабилитация и интеграция - Казанлък"],
    ["РУ на МВР", "Районно управление на Министерството на вътрешните работи"],
    ["ДСП", "Дирекция „Социално подпомагане“"],
    ["МКБППМН", "Местна комисия за борба срещу противообществените прояви на малолетните и непълнолетните"],
    ["ОДК", "Общински детски комплекс"],
    ["ДГ", "Детска градина"],
    ["РП", "Районна прокуратура"],
    ["БЧК", "Български Червен кръст"],
    ["НПО", "Неправителствена организация"],
    [
      "РЕПЛР в РЦПППО",
      "Регионален екип за подкрепа за личностно развитие в Регионален център за подкрепа на процеса на приобщаващото образование",
    ],
    // nothing known
    ["Детски градини", null],
    ["Училища", null],
    ["Община Казанлък", null],
    ["ръководители на екипите за обхват по общини", null],
    ["старши експерт по математика", null],
    // "ст." only before a staff title
    ["ст. Загора", null],
    ["Ст. експерт по ПО", "Старши експерт по предучилищно образование"],
    ["ст.експерт по БЕЛ", "старши експерт по български език и литература"],
    ["гл. учител", "главен учител"],
    ["мл. експерт", "младши експерт"],
    ["зам.-директор", "заместник-директор"],
    // ambiguous: context decides or the text stays unexpanded
    ["ПО", null],
    ["курсове за ПО", "курсове за професионално обучение"],
    ["ПГ „Христо Ботев“, гр. Дупница", "Професионална гимназия „Христо Ботев“, гр. Дупница"],
    ["деца в ПГ", "деца в подготвителна група"],
    ["ПГ", null],
    ["СЕУ „Св. Паисий Хилендарски“, гр. Дупница", null],
    ["СУ „Христо Ботев“, гр. Сапарева баня", "Средно училище „Христо Ботев“, гр. Сапарева баня"],
    ["СУ „Св. Климент Охридски“", "Софийски университет „Св. Климент Охридски“"],
    ["решение на ПС", "решение на педагогически съвет"],
    // abbreviations inside words are not read
    ["ПОМОЩ", null],
    ["НПОО", null],
  ];
  for (const [text, expected] of cases) {
    it(`${JSON.stringify(text)} → ${JSON.stringify(expected)}`, () => {
      expect(expandAbbreviations(text, table)).toBe(expected);
    });
  }
  it("reports each abbreviation with its place", () => {
    const found = findAbbreviations("началници на отдели, ст. експерти от отдел ОМДК и отдел АПФСИО", table);
    expect(found.map((m) => m.text)).toEqual(["ст.", "ОМДК", "АПФСИО"]);
    expect(found[1].start).toBe("началници на отдели, ст. експерти от отдел ".length);
  });
  it("prefers the longest abbreviation (РУ на МВР over МВР)", () => {
    expect(findAbbreviations("РУ на МВР", table).map((m) => m.text)).toEqual(["РУ на МВР"]);
  });
});

describe("user tables", () => {
  const dir = mkdtempSync(join(tmpdir(), "abbr-"));
  it("adds and overrides entries from a file (--abbreviations my.json)", () => {
    const file = join(dir, "my.json");
    writeFileSync(
      file,
      JSON.stringify({
        entries: [
          { abbr: "АИ", full: "административна информация", source: "my office" },
          { abbr: "ПО", full: "професионално обучение", source: "my region's usage" },
        ],
      }),
    );
    const t = loadAbbreviations(file);
    expect(expandAbbreviations("ст. експерт по АИ", t)).toBe("старши експерт по административна информация");
    expect(expandAbbreviations("ст. експерт по ПО", t)).toBe("старши експерт по професионално обучение");
    expect(t.entries.length).toBe(bundledAbbreviations().length + 1);
    // the bundled table is not changed
    expect(expandAbbreviations("ст. експерт по ПО", table)).toBe("старши експерт по предучилищно образование");
  });
  it("accepts a bare array and in-memory entries", () => {
    const file = join(dir, "bare.json");
    writeFileSync(file, JSON.stringify([{ abbr: "ХХХ", full: "хикс", source: "test" }]));
    expect(readAbbreviationFile(file)).toHaveLength(1);
    const t = loadAbbreviations([{ abbr: "ЯЯЯ", full: "я", source: "test" }]);
    expect(expandAbbreviations("ЯЯЯ", t)).toBe("Я");
    const m = mergeAbbreviations(table, [{ abbr: "ДГ", full: "детски градини", source: "test" }]);
    expect(expandAbbreviations("2 ДГ", m)).toBe("2 детски градини");
  });
  it("refuses a bad file with a readable reason", () => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ entries: [{ abbr: "X" }] }));
    expect(() => loadAbbreviations(bad)).toThrow(/bad\.json/);
    const broken = join(dir, "broken.json");
    writeFileSync(broken, "{ not json");
    expect(() => loadAbbreviations(broken)).toThrow(/not valid JSON/);
    expect(() => loadAbbreviations(join(dir, "missing.json"))).toThrow(/cannot read/);
    const badRe = join(dir, "badre.json");
    writeFileSync(badRe, JSON.stringify([{ abbr: "X", full: "x", source: "s", when: { before: "(" } }]));
    expect(() => loadAbbreviations(badRe)).toThrow(/bad context pattern/);
  });
});
