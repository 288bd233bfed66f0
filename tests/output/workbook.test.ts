import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTIVITY_COLUMNS, buildPlanWorkbook, writePlanWorkbook } from "../../src/output/workbook.js";
import { numberOrText, parseBareNumber, sectionText, textCell } from "../../src/output/workbook-cells.js";
import { kazanlak, kyustendil } from "./fixtures.js";

let dir: string;
let book: ExcelJS.Workbook;
const file = () => join(dir, "all-plans.xlsx");

function headers(sheet: ExcelJS.Worksheet): string[] {
  const values = sheet.getRow(1).values as unknown[];
  return values.slice(1).map(String);
}

/** The cell in `sheet` at data row `r` (1 = first row under the header) under header `name`. */
function cell(sheet: ExcelJS.Worksheet, r: number, name: string): ExcelJS.Cell {
  const column = headers(sheet).indexOf(name) + 1;
  if (column === 0) throw new Error(`no column ${name}`);
  return sheet.getRow(r + 1).getCell(column);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "plan-extract-wb-"));
  await writePlanWorkbook([kyustendil, kazanlak], file());
  book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file());
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("plan workbook", () => {
  it("has its sheets and no temporary file left behind", async () => {
    expect(book.worksheets.map((s) => s.name)).toEqual(["Дейности", "За печат", "Документи", "Предупреждения"]);
    expect(await readdir(dir)).toEqual(["all-plans.xlsx"]);
  });

  it("has the Bulgarian headers of the activities sheet", () => {
    expect(headers(book.getWorksheet("Дейности")!)).toEqual([
      "Статус", "Регион", "Период", "Документ", "№", "Раздел", "Подраздел", "Дейност", "Срок", "Вид срок", "Начало", "Край",
      "Мерна единица", "Текуща стойност", "Текуща стойност (число)", "Целева стойност", "Целева стойност (число)",
      "Очаквани резултати", "Финансиране", "Отговорници", "Отговорници (разписани)", "Забележка", "Страници", "Източник",
      "За проверка",
    ]);
    expect(ACTIVITY_COLUMNS).toHaveLength(25);
  });

  it("writes one row per activity with values matching the JSON", () => {
    const sheet = book.getWorksheet("Дейности")!;
    expect(sheet.rowCount).toBe(1 + kyustendil.rows.length + kazanlak.rows.length);
    expect(cell(sheet, 1, "Регион").value).toBe("Кюстендил");
    expect(cell(sheet, 1, "Период").value).toBe("2024/2025");
    expect(cell(sheet, 1, "Документ").value).toBe("ruo-kyustendil-2024-2025.pdf");
    expect(cell(sheet, 1, "№").value).toBe("1.1.1");
    expect(cell(sheet, 1, "Раздел").value).toBe("1 Повишаване на обхвата и пълноценното включване на децата и учениците");
    expect(cell(sheet, 1, "Подраздел").value).toBe(
      "1.1 Цел: Разширяване на обхвата на децата в задължителното предучилищно образование",
    );
    expect(cell(sheet, 1, "Дейност").value).toBe(kyustendil.rows[0].activity);
    expect(cell(sheet, 1, "Срок").value).toBe("октомври 2024 -декември 2024 година");
    expect(cell(sheet, 1, "Текуща стойност").value).toBe("19 детски градини");
    expect(cell(sheet, 1, "Отговорници").value).toBe("ст. експерт по ПО");
    expect(cell(sheet, 1, "Отговорници (разписани)").value).toBe("старши експерт по предучилищно образование");
    expect(cell(sheet, 2, "Страници").value).toBe("2, 3");
    // expanded null → the party as printed
    expect(cell(sheet, 2, "Отговорници (разписани)").value).toBe("ръководители на екипите за обхват");
    expect(cell(sheet, 3, "Отговорници (разписани)").value).toBe(
      "старши експерт по организация на средното образование; старши експерт по предучилищно образование",
    );
    // municipal plan: label sections, no numbers, DOCX has no pages
    const k = kyustendil.rows.length;
    expect(cell(sheet, k + 1, "Регион").value).toBe("Казанлък");
    expect(cell(sheet, k + 1, "№").value).toBeNull();
    expect(cell(sheet, k + 1, "Раздел").value).toBe(
      "Оперативна цел 1: Осигуряване на процес и среда на учене, които премахват пречките пред ученето",
    );
    expect(cell(sheet, k + 1, "Подраздел").value).toBe("Мярка 1: Осигуряване на качествено оценяване на индивидуалните потребности");
    expect(cell(sheet, k + 1, "Финансиране").value).toBe("От бюджета на отговорните институции");
    expect(cell(sheet, k + 1, "Страници").value).toBeNull();
  });

  it("writes dates as real dates at the right day (no time-zone shift), shown dd.mm.yyyy", () => {
    const sheet = book.getWorksheet("Дейности")!;
    const start = cell(sheet, 1, "Начало");
    const end = cell(sheet, 1, "Край");
    expect(start.type).toBe(ExcelJS.ValueType.Date);
    expect(start.value).toBeInstanceOf(Date);
    expect((start.value as Date).toISOString()).toBe("2024-10-01T00:00:00.000Z");
    expect((end.value as Date).toISOString()).toBe("2024-12-31T00:00:00.000Z");
    expect(start.numFmt).toBe("dd.mm.yyyy");
    expect(cell(sheet, 4, "Начало").value).toBeNull();
  });

  it("writes bare numbers as numbers and other indicator text as text", () => {
    const sheet = book.getWorksheet("Дейности")!;
    expect(cell(sheet, 2, "Текуща стойност").type).toBe(ExcelJS.ValueType.Number);
    expect(cell(sheet, 2, "Текуща стойност").value).toBe(0);
    expect(cell(sheet, 2, "Целева стойност").value).toBe(9);
    expect(cell(sheet, 4, "Целева стойност").value).toBe(2.5);
    expect(cell(sheet, 1, "Целева стойност").type).toBe(ExcelJS.ValueType.String);
  });

  it("never writes formula-like text as a formula", () => {
    const sheet = book.getWorksheet("Дейности")!;
    const formulaLike = cell(sheet, 3, "Целева стойност");
    expect(formulaLike.type).toBe(ExcelJS.ValueType.String);
    expect(formulaLike.value).toBe("=SUM(A1)");
    expect(formulaLike.formula).toBeUndefined();
    const minus = cell(sheet, 4, "Текуща стойност");
    expect(minus.type).toBe(ExcelJS.ValueType.String);
    expect(minus.value).toBe("-5 деца");
    const plus = cell(sheet, 4, "Забележка");
    expect(plus.type).toBe(ExcelJS.ValueType.String);
    expect(plus.value).toBe("+ допълнително финансиране");
    // No cell in any sheet is a formula.
    for (const ws of book.worksheets) {
      ws.eachRow((r) => r.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula)));
    }
  });

  it("has a bold frozen header, an autofilter, wrapped text and a wide activity column", () => {
    const sheet = book.getWorksheet("Дейности")!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(String(typeof sheet.autoFilter === "string" ? sheet.autoFilter : "")).toMatch(/^A1:Y8$/);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    const activityColumn = headers(sheet).indexOf("Дейност") + 1;
    expect(sheet.getColumn(activityColumn).width).toBeGreaterThanOrEqual(60);
    expect(cell(sheet, 1, "Дейност").alignment?.wrapText).toBe(true);
  });

  it("lists the documents", () => {
    const sheet = book.getWorksheet("Документи")!;
    expect(sheet.rowCount).toBe(3);
    expect(cell(sheet, 1, "Файл").value).toBe("ruo-kyustendil-2024-2025.pdf");
    expect(cell(sheet, 1, "Заглавие").value).toBe(kyustendil.document.title);
    expect(cell(sheet, 1, "Дейности").value).toBe(4);
    expect(cell(sheet, 1, "Предупреждения").value).toBe(2);
    expect(cell(sheet, 1, "Страници").value).toBe(14);
    expect(cell(sheet, 2, "Страници").value).toBeNull();
    expect(cell(sheet, 2, "Формат").value).toBe("docx");
    expect((cell(sheet, 2, "Начало на периода").value as Date).toISOString()).toBe("2024-01-01T00:00:00.000Z");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
  });

  it("lists every warning with file, page and activity number", () => {
    const sheet = book.getWorksheet("Предупреждения")!;
    expect(sheet.rowCount).toBe(3);
    expect(cell(sheet, 1, "Файл").value).toBe("ruo-kyustendil-2024-2025.pdf");
    expect(cell(sheet, 1, "Страница").value).toBe(5);
    expect(cell(sheet, 1, "№ на дейността").value).toBe("2.1.3");
    expect(cell(sheet, 1, "Ред (пореден)").value).toBe(4);
    expect(cell(sheet, 1, "Код").value).toBe("deadline-unparsed");
    expect(cell(sheet, 2, "№ на дейността").value).toBeNull();
  });

  it("builds the same layout for one document", () => {
    const one = buildPlanWorkbook([kazanlak]);
    expect(one.worksheets.map((s) => s.name)).toEqual(["Дейности", "За печат", "Документи", "Предупреждения"]);
    expect(one.getWorksheet("Дейности")!.rowCount).toBe(1 + kazanlak.rows.length);
    expect(one.getWorksheet("Предупреждения")!.rowCount).toBe(1);
  });
});

describe("cell helpers", () => {
  it("parses bare numbers only", () => {
    expect(parseBareNumber("19")).toBe(19);
    expect(parseBareNumber("2,5")).toBe(2.5);
    expect(parseBareNumber("1 200")).toBe(1200);
    expect(parseBareNumber("-3")).toBe(-3);
    expect(parseBareNumber("19 детски градини")).toBeNull();
    expect(parseBareNumber("1.2.3")).toBeNull();
    expect(parseBareNumber("15%")).toBeNull();
    expect(numberOrText("  ")).toBeNull();
  });

  it("drops characters XML cannot hold and keeps cells within Excel's limit", () => {
    expect(textCell("a\u0001b\u000Bc")).toBe("abc");
    expect(textCell("x".repeat(40_000))!.length).toBe(32_767);
    expect(textCell("")).toBeNull();
  });

  it("formats sections", () => {
    expect(sectionText({ number: "1.2", label: "Цел", title: "Т" })).toBe("1.2 Цел: Т");
    expect(sectionText({ number: null, label: "Мярка 2", title: "Т" })).toBe("Мярка 2: Т");
    expect(sectionText({ number: "1", label: null, title: "Т" })).toBe("1 Т");
    expect(sectionText({ number: null, label: null, title: "Т" })).toBe("Т");
  });
});
