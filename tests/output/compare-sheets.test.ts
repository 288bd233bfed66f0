/**
 * The comparison workbook and `compare --json` on plans with renditions and two periods: plans counted once,
 * priorities side by side, changes between years, parties merged across spelling variants, old JSON accepted.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { Comparison } from "../../src/model/compare-schema.js";
import type { PlanDocument, Row } from "../../src/model/schema.js";
import { buildComparisonWorkbook } from "../../src/output/compare.js";
import { partyKey } from "../../src/normalize/party-key.js";
import { kazanlak, kyustendil, row } from "./fixtures.js";

/** The DOCX rendition of the Kyustendil plan: same rows, another file, one warning more. */
const kyustendilDocx: PlanDocument = {
  ...kyustendil,
  source: { file: "ruo-kyustendil-2024-2025.docx", format: "docx", sha256: "d".repeat(64), pages: null },
  rows: kyustendil.rows.map((r) => ({ ...r, pages: [] })),
  warnings: [...kyustendil.warnings, { code: "docx-structure", message: "x", page: null }],
};

/** Kazanlak a year on: the campaign dropped, one activity edited, one added, responsible spelled differently. */
const kazanlak2025: PlanDocument = {
  ...kazanlak,
  source: { ...kazanlak.source, file: "kazanlak-pld-2025.docx", sha256: "e".repeat(64) },
  document: { ...kazanlak.document, period: { label: "2025", start: "2025-01-01", end: "2025-12-31" } },
  rows: [
    { ...kazanlak.rows[1], activity: `${kazanlak.rows[1].activity} и на родителите`, deadline: { text: "м. март – м. май 2025 г.", start: "2025-03-01", end: "2025-05-31", kind: "range" } },
    kazanlak.rows[0],
    row({ activity: "Създаване на клуб по роботика за ученици от прогимназиален етап", sections: [{ number: null, label: "Оперативна цел 2", title: "Дигитални умения" }] }),
  ],
};

const docs = [kyustendil, kazanlak, kyustendilDocx, kazanlak2025];
let book: ExcelJS.Workbook;
let dir: string;

function headers(sheet: ExcelJS.Worksheet): string[] {
  return (sheet.getRow(1).values as unknown[]).slice(1).map((v) => String(v ?? ""));
}
function column(sheet: ExcelJS.Worksheet, name: string): unknown[] {
  const c = headers(sheet).indexOf(name) + 1;
  const out: unknown[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) out.push(sheet.getRow(r).getCell(c).value);
  return out;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "plan-extract-cmp2-"));
  book = buildComparisonWorkbook(docs);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("comparison: one plan, many renditions", () => {
  it("counts a plan's renditions once and lists them", () => {
    const sheet = book.getWorksheet("Обобщение")!;
    expect(column(sheet, "Регион")).toEqual(["Казанлък", "Казанлък", "Кюстендил"]);
    expect(column(sheet, "Период")).toEqual(["2024", "2025", "2024/2025"]);
    expect(column(sheet, "Документи")).toEqual([1, 1, 2]);
    expect(column(sheet, "Дейности")).toEqual([3, 3, 4]);
    expect(column(sheet, "Файлове на плана")[2]).toBe("ruo-kyustendil-2024-2025.pdf\nruo-kyustendil-2024-2025.docx");
    expect(column(sheet, "Редовете са от")[2]).toBe("ruo-kyustendil-2024-2025.pdf"); // fewer warnings
    expect(book.getWorksheet("Дейности")!.rowCount).toBe(1 + 4 + 3 + 3);
    expect(book.getWorksheet("Документи")!.rowCount).toBe(1 + 4);
    expect((book.getWorksheet("Теми")!.getRow(2).values as unknown[]).slice(2)).toEqual(["Кюстендил 2024/2025", "Казанлък 2024", "Казанлък 2025"]);
  });
});

describe("comparison: priorities across regions", () => {
  it("lists every plan's top-level sections with their topics", () => {
    const sheet = book.getWorksheet("Приоритети")!;
    expect(headers(sheet)).toEqual([
      "План", "Регион", "Период", "Приоритет (раздел от първо ниво)", "Дейности", "Дял от дейностите на плана", "Основна тема",
      "Теми на дейностите (брой)",
    ]);
    const priorities = column(sheet, "Приоритет (раздел от първо ниво)");
    expect(priorities.slice(0, 2)).toEqual([
      "1 Повишаване на обхвата и пълноценното включване на децата и учениците",
      "2 Повишаване на образователните резултати чрез дигитализация",
    ]);
    expect(column(sheet, "Дейности").slice(0, 2)).toEqual([3, 1]);
    expect(column(sheet, "Основна тема")[0]).toBe("обхват и отпадане");
    expect(column(sheet, "План").filter((p) => p === "Казанлък 2025")).toHaveLength(2);
  });
});

describe("comparison: years side by side", () => {
  it("shows continued, new and dropped activities with both texts and both deadlines", () => {
    const sheet = book.getWorksheet("Дейности по години")!;
    expect(column(sheet, "Промяна")).toEqual(["продължава", "продължава", "отпада", "нова"]);
    expect(column(sheet, "Дейност преди")[0]).toBe(kazanlak.rows[0].activity);
    expect(column(sheet, "Дейност сега")[1]).toBe(`${kazanlak.rows[1].activity} и на родителите`);
    expect(column(sheet, "Срок преди")[1]).toBe("м. март – м. май 2024 г.");
    expect(column(sheet, "Срок сега")[1]).toBe("м. март – м. май 2025 г.");
    expect(column(sheet, "Дейност преди")[2]).toBe(kazanlak.rows[2].activity);
    expect(column(sheet, "Дейност сега")[3]).toMatch(/роботика/);
  });

  it("gives each period's figures with the difference, and priorities continued and added", () => {
    const sheet = book.getWorksheet("Промени по години")!;
    const names = column(sheet, "Показател");
    const at = (name: string) => sheet.getRow(names.indexOf(name) + 2);
    expect(at("Дейности (брой)").getCell(6).value).toBe(3);
    expect(at("Нови").getCell(7).value).toBe(1);
    expect(at("Отпаднали").getCell(6).value).toBe(1);
    const dated = at("Дял със срок с дати");
    expect(dated.getCell(6).value).toBeCloseTo(2 / 3);
    expect(dated.getCell(7).value).toBeCloseTo(2 / 3);
    expect(dated.getCell(8).value).toBeCloseTo(0);
    expect(dated.getCell(6).numFmt).toBe("0%");
    expect(column(sheet, "Промяна").filter((c) => c === "нов")).toHaveLength(1);
    expect(column(sheet, "Група")).toContain("Теми");
    expect(column(sheet, "Група")).toContain("Отговорници");
  });
});

describe("parties merged across spelling variants", () => {
  it("counts 'началник РУО' and 'началник на РУО' as one party", () => {
    expect(partyKey("началник РУО")).toBe(partyKey("Началник на РУО"));
    expect(partyKey("РЦПППО – Стара Загора")).toBe(partyKey("РЦПППО-Стара Загора"));
    expect(partyKey("ОУ „Христо Ботев“")).toBe(partyKey('ОУ "Христо Ботев"'));
    expect(partyKey("Заместник–директор")).toBe(partyKey("заместник-директор"));
    expect(partyKey("ст. експерт по ПО")).not.toBe(partyKey("ст. експерт по ПОО"));
    const withParty = (doc: PlanDocument, text: string): PlanDocument => ({
      ...doc,
      rows: doc.rows.map((r): Row => ({ ...r, responsible: { text, parties: [{ text, expanded: null }] } })),
    });
    const wb = buildComparisonWorkbook([withParty(kyustendil, "началник РУО"), withParty(kazanlak, "Началник на РУО")]);
    const sheet = wb.getWorksheet("Отговорници")!;
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(2).value).toBe("началник РУО; Началник на РУО");
  });
});

describe("compare --json and schema --compare", () => {
  const io = () => {
    let out = "";
    let err = "";
    return {
      io: { out: { write: (s: string) => ((out += s), true) }, err: { write: (s: string) => ((err += s), true) }, tty: false } as never,
      text: () => ({ out, err }),
    };
  };

  it("writes the comparison for scripts, valid against its schema; old JSON without review is read", async () => {
    const folder = join(dir, "plans");
    const { mkdir } = await import("node:fs/promises");
    await mkdir(folder, { recursive: true });
    for (const doc of docs) await writeFile(join(folder, `${doc.source.file}.json`), JSON.stringify(doc));
    // A JSON written before review existed.
    const { review: _review, ...old } = { ...kazanlak, source: { ...kazanlak.source, file: "old.docx", sha256: "f".repeat(64) }, document: { ...kazanlak.document, region: "Стара Загора" } };
    await writeFile(join(folder, "old.docx.json"), JSON.stringify(old));
    await writeFile(join(folder, "errors.json"), "[]");
    const t = io();
    const code = await main(["compare", folder, "--out", join(dir, "c.xlsx"), "--json", join(dir, "c.json")], t.io);
    expect(t.text().err).toBe("");
    expect(code).toBe(0);
    const json = Comparison.parse(JSON.parse(await readFile(join(dir, "c.json"), "utf8")));
    const lines = json.plans.map((p) => `${p.region} ${p.period?.label}: ${p.documents.length} document(s), ${p.activities} activities`);
    expect(lines.sort()).toEqual([
      "Казанлък 2024: 1 document(s), 3 activities",
      "Казанлък 2025: 1 document(s), 3 activities",
      "Кюстендил 2024/2025: 2 document(s), 4 activities",
      "Стара Загора 2024: 1 document(s), 3 activities",
    ]);
    expect(json.plans.find((p) => p.region === "Стара Загора")!.status).toBe("ok");
    expect(json.changes).toHaveLength(1);
    expect(json.changes[0]).toMatchObject({ region: "Казанлък", continued: 2, added: 1, dropped: 1 });
    expect(json.changes[0].from.label).toBe("2024");
    expect(json.changes[0].continuedPairs[1]).toMatchObject({ fromDeadline: "м. март – м. май 2024 г.", toDeadline: "м. март – м. май 2025 г." });
  });

  it("prints the comparison's JSON Schema", async () => {
    const t = io();
    expect(await main(["schema", "--compare"], t.io)).toBe(0);
    const schema = JSON.parse(t.text().out) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(["plans", "changes"]));
    const plain = io();
    await main(["schema"], plain.io);
    expect(JSON.parse(plain.text().out).properties).toHaveProperty("rows");
  });
});
