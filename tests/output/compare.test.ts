import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Row } from "../../src/model/schema.js";
import { deadlineMonths, monthOf, planMonths } from "../../src/output/compare-months.js";
import { canonicalParty } from "../../src/normalize/parties.js";
import { countParties } from "../../src/output/compare-parties.js";
import { writeComparisonWorkbook } from "../../src/output/compare.js";
import { hasNumericTarget } from "../../src/output/row-figures.js";
import { classifyActivity, compileStem, compileThemes, loadThemes, ThemesFileError } from "../../src/output/themes.js";
import { kazanlak, kyustendil, row as emptyRow } from "./fixtures.js";

let dir: string;
let book: ExcelJS.Workbook;
const docs = [kyustendil, kazanlak];

function headers(sheet: ExcelJS.Worksheet, rowNumber = 1): string[] {
  return (sheet.getRow(rowNumber).values as unknown[]).slice(1).map((v) => (v === undefined || v === null ? "" : String(v)));
}

/** The row of `sheet` whose first cell (or cell in `column`) is `label`. */
function rowWith(sheet: ExcelJS.Worksheet, label: string, column = 1, from = 1): ExcelJS.Row {
  for (let r = from; r <= sheet.rowCount; r++) {
    if (sheet.getRow(r).getCell(column).value === label) return sheet.getRow(r);
  }
  throw new Error(`no row ${label}`);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "plan-extract-cmp-"));
  await writeComparisonWorkbook(docs, join(dir, "compare.xlsx"));
  book = new ExcelJS.Workbook();
  await book.xlsx.readFile(join(dir, "compare.xlsx"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("comparison workbook", () => {
  it("has its sheets and leaves no temporary file", async () => {
    expect(book.worksheets.map((s) => s.name)).toEqual([
      "Обобщение", "Теми", "Приоритети", "Промени по години", "Дейности по години", "Отговорници", "Срокове по месеци",
      "Дейности", "Документи", "Предупреждения",
    ]);
    expect(await readdir(dir)).toEqual(["compare.xlsx"]);
  });

  it("summarizes region × period", () => {
    const sheet = book.getWorksheet("Обобщение")!;
    expect(headers(sheet)).toEqual([
      "Регион", "Период", "Документи", "Дейности", "Със срок с дати", "Дял със срок с дати", "С числова цел",
      "Дял с числова цел", "Дял с отговорник", "Предупреждения", "Статус", "Причини за проверка", "Файлове на плана",
      "Редовете са от",
    ]);
    // Sorted by region (Bulgarian collation): Казанлък before Кюстендил.
    const k = sheet.getRow(2);
    expect(k.getCell(1).value).toBe("Казанлък");
    expect(k.getCell(4).value).toBe(3);
    expect(k.getCell(5).value).toBe(2);
    expect(k.getCell(6).value).toBeCloseTo(2 / 3);
    expect(k.getCell(6).numFmt).toBe("0%");
    const r = sheet.getRow(3);
    expect(r.getCell(1).value).toBe("Кюстендил");
    expect(r.getCell(2).value).toBe("2024/2025");
    expect(r.getCell(4).value).toBe(4);
    expect(r.getCell(5).value).toBe(3); // three rows with dates, one "при необходимост"
    expect(r.getCell(7).value).toBe(3); // "3 детски градини" (targetParts), "9", "2,5"; not "=SUM(A1)"
    expect(r.getCell(10).value).toBe(2);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
  });

  it("lays out topics × plans as a clean chart-ready block with data bars", () => {
    const sheet = book.getWorksheet("Теми")!;
    expect(sheet.getCell("A1").value).toBe("Дейности по теми (брой)");
    expect(headers(sheet, 2)).toEqual(["Тема", "Кюстендил 2024/2025", "Казанлък 2024"]);
    const row = rowWith(sheet, "обхват и отпадане");
    expect(row.number).toBe(3);
    expect(row.getCell(2).value).toBe(2); // 1.2.2 and 1.2.10 (by section), 1.1.1 is "обхвата"? see next test
    const stem = rowWith(sheet, "STEM и дигитализация");
    // "Обучение на учители за работа с дигитални ресурси и STEM среда": "обучение на учители" comes first.
    expect(stem.getCell(2).value).toBe(0);
    expect(rowWith(sheet, "квалификация на учители").getCell(2).value).toBe(1);
    expect(rowWith(sheet, "приобщаващо образование").getCell(2).value).toBe(1);
    expect(rowWith(sheet, "управление и училищна мрежа").getCell(3).value).toBe(1);
    const rules = (sheet as unknown as { conditionalFormattings: { ref: string; rules: { type: string }[] }[] }).conditionalFormattings;
    expect(rules.some((cf) => cf.rules.some((r) => r.type === "dataBar"))).toBe(true);
    expect(rowWith(sheet, "Дейности по вид (брой)")).toBeTruthy();
    expect(rowWith(sheet, "контрол").getCell(2).value).toBe(1);
  });

  it("tags each activity with a type and a topic", () => {
    const sheet = book.getWorksheet("Дейности")!;
    const h = headers(sheet);
    expect(h.slice(-3)).toEqual(["Вид дейност", "Тема", "Всички теми"]);
    const type = h.indexOf("Вид дейност") + 1;
    const topic = h.indexOf("Тема") + 1;
    expect(sheet.getRow(2).getCell(type).value).toBe("методическа подкрепа");
    expect(sheet.getRow(5).getCell(type).value).toBe("квалификация/обучение");
    expect(sheet.getRow(5).getCell(topic).value).toBe("квалификация на учители");
    expect(sheet.getRow(5).getCell(topic + 1).value).toBe("квалификация на учители; STEM и дигитализация");
    expect(sheet.getRow(8).getCell(type).value).toBe("кампания");
    expect(sheet.getRow(8).getCell(topic).value).toBe("обхват и отпадане");
    // dates still dates, formula-like text still text
    const start = h.indexOf("Начало") + 1;
    expect((sheet.getRow(2).getCell(start).value as Date).toISOString()).toBe("2024-10-01T00:00:00.000Z");
    const target = h.indexOf("Целева стойност") + 1;
    expect(sheet.getRow(4).getCell(target).type).toBe(ExcelJS.ValueType.String);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
  });

  it("counts responsible parties by their expanded, canonical form", () => {
    const sheet = book.getWorksheet("Отговорници")!;
    expect(headers(sheet)).toEqual([
      "Отговорник", "Изписване в плановете", "Кюстендил 2024/2025", "Казанлък 2024", "Общо дейности", "Брой планове",
    ]);
    // "ст. експерт по ПО" (Кюстендил, twice) and "ст. експерти по ПО" (Казанлък) are one party.
    const po = rowWith(sheet, "старши експерт по предучилищно образование");
    expect(po.number).toBe(2); // named in both plans: first
    expect(po.getCell(3).value).toBe(2);
    expect(po.getCell(4).value).toBe(1);
    expect(po.getCell(5).value).toBe(3);
    expect(po.getCell(6).value).toBe(2);
    expect(String(po.getCell(2).value)).toContain("ст. експерти по ПО");
    const obshtina = rowWith(sheet, "Община Казанлък");
    expect(obshtina.getCell(3).value).toBeNull();
    expect(obshtina.getCell(4).value).toBe(2);
  });

  it("spreads deadlines over the months of each plan's period", () => {
    const sheet = book.getWorksheet("Срокове по месеци")!;
    expect(headers(sheet)).toEqual(["Месец", "Име на месеца", "Кюстендил 2024/2025", "Казанлък 2024"]);
    const first = sheet.getRow(2);
    expect((first.getCell(1).value as Date).toISOString()).toBe("2024-01-01T00:00:00.000Z");
    expect(first.getCell(2).value).toBe("януари 2024");
    expect(first.getCell(3).value).toBeNull(); // before Кюстендил's period
    expect(first.getCell(4).value).toBe(0);
    const march = rowWith(sheet, "март 2024", 2);
    expect(march.getCell(4).value).toBe(1);
    const december = rowWith(sheet, "декември 2024", 2);
    expect(december.getCell(3).value).toBe(3); // 1.1.1 (Oct–Dec), 1.2.2 (Sep–Jun), 1.2.10 (whole year)
    expect(december.getCell(4).value).toBe(1);
    const september2025 = rowWith(sheet, "септември 2025", 2);
    expect(september2025.getCell(3).value).toBe(1);
    expect(september2025.getCell(4).value).toBeNull();
    expect(rowWith(sheet, "Без дати в срока", 2).getCell(3).value).toBe(1);
    expect(rowWith(sheet, "Обхващат целия период", 2).getCell(3).value).toBe(1);
  });

  it("has no formula anywhere", () => {
    for (const sheet of book.worksheets) {
      sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
    }
  });

  it("writes data bars as Excel writes them (x14 rule with a real id) and no formula element", async () => {
    const zip = await JSZip.loadAsync(await readFile(join(dir, "compare.xlsx")));
    const sheets = Object.keys(zip.files).filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
    expect(sheets.length).toBe(10);
    let bars = 0;
    for (const name of sheets) {
      const xml = await zip.file(name)!.async("string");
      expect(xml).not.toMatch(/<f[ >]/);
      expect(xml).not.toContain("<x14:id/>");
      const ids = [...xml.matchAll(/<x14:id>([^<]+)<\/x14:id>/g)].map((m) => m[1]);
      for (const id of ids) expect(xml).toContain(`<x14:cfRule type="dataBar" id="${id}">`);
      bars += ids.length;
    }
    expect(bars).toBeGreaterThan(0);
  });

  it("accepts a themes file that extends the table", async () => {
    const themesPath = join(dir, "my-themes.json");
    await writeFile(themesPath, JSON.stringify({ topics: [{ name: "срещи с екипи", stems: ["екип"] }] }));
    const themes = loadThemes(themesPath);
    expect(themes.topics.at(-1)).toEqual({ name: "срещи с екипи", stems: ["екип"] });
    const out = join(dir, "with-themes.xlsx");
    await writeComparisonWorkbook(docs, out, { themes });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(rowWith(wb.getWorksheet("Теми")!, "срещи с екипи")).toBeTruthy();
    await rm(out);
    await rm(themesPath);
  });
});

describe("themes", () => {
  const matcher = compileThemes(loadThemes());
  const row = (activity: string, sections: Row["sections"] = []): Row => emptyRow({ activity, sections });

  it("matches stems at word starts, case-insensitively, inflections included", () => {
    expect(compileStem("контрол").test("Осъществяване на КОНТРОЛА по")).toBe(true);
    expect(compileStem("контрол").test("самоконтрол")).toBe(false);
    expect(compileStem("чужд ез").test("обучението по чужди езици")).toBe(true);
    expect(compileStem("чужд ез").test("часовете по чуждия език")).toBe(true);
    expect(compileStem("чужд ез").test("чужди проблеми")).toBe(false);
  });

  it("matches abbreviations as whole words in capitals only", () => {
    expect(compileStem("БЕЛ").test("часовете по БЕЛ.")).toBe(true);
    expect(compileStem("БЕЛ").test("бели петна")).toBe(false);
    expect(compileStem("БЕЛ").test("БЕЛГИЯ")).toBe(false);
    expect(compileStem("STEM").test("STEM-центрове")).toBe(true);
  });

  it("takes the type named first in the activity; organisation words only as a fallback", () => {
    expect(classifyActivity(row("Методическа подкрепа и контрол на организацията"), matcher).type).toBe("методическа подкрепа");
    expect(classifyActivity(row("Контрол и методическа подкрепа"), matcher).type).toBe("контрол");
    expect(classifyActivity(row("Организиране и провеждане на работна среща с директорите"), matcher).type).toBe("среща/събитие");
    expect(classifyActivity(row("Организиране на учене чрез правене"), matcher).type).toBe("организация/координация");
    expect(classifyActivity(row("Нещо съвсем друго"), matcher).type).toBeNull();
  });

  it("falls back on the section headings for the topic", () => {
    const t = classifyActivity(row("Провеждане на срещи", [{ number: "1", label: null, title: "Намаляване на отпадането" }]), matcher);
    expect(t.topic).toBe("обхват и отпадане");
    const both = classifyActivity(row("Контрол на часовете по БЕЛ в училища с ниски резултати от НВО"), matcher);
    expect(both.topic).toBe("БЕЛ и четивна грамотност");
    expect(both.topics).toEqual(["БЕЛ и четивна грамотност", "НВО и ДЗИ"]);
  });

  it("replaces, removes and rejects entries from a themes file", async () => {
    const d = await mkdtemp(join(tmpdir(), "plan-extract-themes-"));
    try {
      const p = join(d, "t.json");
      await writeFile(p, JSON.stringify({ types: [{ name: "контрол", stems: ["надзор"] }, { name: "кампания", stems: [] }] }));
      const t = loadThemes(p);
      expect(t.types.find((e) => e.name === "контрол")!.stems).toEqual(["надзор"]);
      expect(t.types.some((e) => e.name === "кампания")).toBe(false);
      await writeFile(p, JSON.stringify({ replace: true, topics: [{ name: "само това", stems: ["това"] }] }));
      expect(loadThemes(p).topics).toEqual([{ name: "само това", stems: ["това"] }]);
      await writeFile(p, JSON.stringify({ topics: [{ name: "x" }] }));
      expect(() => loadThemes(p)).toThrow(ThemesFileError);
      await writeFile(p, "{ not json");
      expect(() => loadThemes(p)).toThrow(ThemesFileError);
    } finally {
      await rm(d, { recursive: true, force: true });
    }
  });
});

describe("comparison helpers", () => {
  it("recognises numeric targets", () => {
    expect(kyustendil.rows.map(hasNumericTarget)).toEqual([true, true, false, true]);
  });

  it("groups party name variants by canonicalParty", () => {
    const key = (name: string) => canonicalParty(name);
    expect(key("ст. експерт по ПОО")).toBe(key("старши  експерти по ПОО"));
    expect(key("началници на отдели")).toBe(key("Началник на отдел"));
    expect(key("ст. експерт по ПО")).not.toBe(key("ст. експерт по ПОО"));
    const lines = countParties([kazanlak], key);
    expect(lines[0]).toMatchObject({ name: "Община Казанлък", counts: [2] });
  });

  it("reads deadline spans, open ends taking the plan's period", () => {
    const period = { first: monthOf("2024-09-15"), last: monthOf("2025-09-14") };
    const r = kyustendil.rows[0];
    expect(deadlineMonths(r, period)).toEqual([monthOf("2024-10-01"), monthOf("2024-12-31")]);
    const until = { ...r, deadline: { ...r.deadline, start: null, end: "2025-01-31", kind: "until" as const } };
    expect(deadlineMonths(until, period)).toEqual([period.first, monthOf("2025-01-31")]);
    expect(deadlineMonths(kyustendil.rows[3], period)).toBeNull();
  });

  it("derives the months from the deadlines when the period is unknown", () => {
    const doc = { ...kazanlak, document: { ...kazanlak.document, period: null } };
    const months = planMonths(doc);
    expect(months.first).toBe(monthOf("2024-03-01"));
    expect(months.last).toBe(monthOf("2024-12-01"));
    expect(months.undated).toBe(1);
  });
});
