/**
 * Workbooks people can print and follow: status, deadline kind, parsed numbers, source links, Bulgarian
 * warnings and review reasons, thin borders, print setup on every sheet; the summary sheet in front of
 * all-plans.xlsx (in memory and streamed).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlanDocument } from "../../src/model/schema.js";
import { AllPlansWriter } from "../../src/output/all-plans-stream.js";
import { buildComparisonWorkbook } from "../../src/output/compare.js";
import { DEADLINE_KIND_BG, REVIEW_REASON_BG, reviewReasonBg, WARNING_BG, warningBg } from "../../src/output/messages-bg.js";
import { buildPlanWorkbook } from "../../src/output/workbook.js";
import { DEADLINE_KINDS } from "../../src/model/schema.js";
import { kazanlak, kyustendil } from "./fixtures.js";

/** Kyustendil with a review that asks for a check. */
const checked: PlanDocument = {
  ...kyustendil,
  review: { status: "check", reasons: [{ code: "few-deadlines", message: "3 of 4 rows have no deadline" }, { code: "new-thing", message: "Something new" }] },
};

function headers(sheet: ExcelJS.Worksheet): string[] {
  return (sheet.getRow(1).values as unknown[]).slice(1).map((v) => String(v ?? ""));
}
function cell(sheet: ExcelJS.Worksheet, r: number, name: string): ExcelJS.Cell {
  const column = headers(sheet).indexOf(name) + 1;
  if (column === 0) throw new Error(`no column ${name}`);
  return sheet.getRow(r + 1).getCell(column);
}

let dir: string;
let streamed: ExcelJS.Workbook;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "plan-extract-print-"));
  const path = join(dir, "all-plans.xlsx");
  const writer = new AllPlansWriter(path);
  writer.add(1, kazanlak);
  writer.add(0, checked);
  expect(await writer.close()).toBe(true);
  streamed = new ExcelJS.Workbook();
  await streamed.xlsx.readFile(path);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("activity rows people can follow", () => {
  const book = buildPlanWorkbook([checked, kazanlak]);
  const sheet = book.getWorksheet("Дейности")!;

  it("says which rows to check and why, in Bulgarian", () => {
    expect(cell(sheet, 1, "Статус").value).toBe("ok");
    // kyustendil row 4 has a deadline-unparsed warning
    expect(cell(sheet, 4, "Статус").value).toBe("check");
    expect(cell(sheet, 4, "За проверка").value).toBe(WARNING_BG["deadline-unparsed"]);
    expect(cell(sheet, 1, "За проверка").value).toBeNull();
  });

  it("gives the deadline kind in Bulgarian and the parsed indicator values as numbers", () => {
    expect(cell(sheet, 1, "Вид срок").value).toBe("период");
    expect(cell(sheet, 3, "Вид срок").value).toBe("повтарящ се");
    expect(cell(sheet, 1, "Целева стойност (число)").value).toBe(3); // "3 детски градини" (targetParts)
    expect(cell(sheet, 1, "Целева стойност (число)").type).toBe(ExcelJS.ValueType.Number);
    expect(cell(sheet, 2, "Целева стойност (число)").value).toBe(9); // "9", no parts
    expect(cell(sheet, 3, "Целева стойност (число)").value).toBeNull(); // "=SUM(A1)"
    expect(cell(sheet, 2, "Текуща стойност (число)").value).toBe(0);
  });

  it("links each row to its source: the PDF page, or the DOCX file", () => {
    const pdf = cell(sheet, 2, "Източник").value as ExcelJS.CellHyperlinkValue;
    expect(pdf).toEqual({ text: "ruo-kyustendil-2024-2025.pdf, с. 2", hyperlink: "ruo-kyustendil-2024-2025.pdf#page=2" });
    const docx = cell(sheet, kyustendil.rows.length + 1, "Източник").value as ExcelJS.CellHyperlinkValue;
    expect(docx).toEqual({ text: "kazanlak-pld-2024.docx", hyperlink: "kazanlak-pld-2024.docx" });
    const withOrigin = { ...kazanlak, rows: [{ ...kazanlak.rows[0], origin: { table: 1, row: 4 } }] };
    const originSheet = buildPlanWorkbook([withOrigin]).getWorksheet("Дейности")!;
    expect(cell(originSheet, 1, "Източник").value).toEqual({ text: "kazanlak-pld-2024.docx, табл. 2, ред 5", hyperlink: "kazanlak-pld-2024.docx" });
    const based = buildPlanWorkbook([kyustendil], { sourceBase: "../планове" }).getWorksheet("Дейности")!;
    expect((cell(based, 1, "Източник").value as ExcelJS.CellHyperlinkValue).hyperlink).toBe(
      `${encodeURI("../планове/ruo-kyustendil-2024-2025.pdf")}#page=2`,
    );
  });

  it("wraps every text column, section columns included", () => {
    for (const name of ["Раздел", "Подраздел", "Дейност", "Отговорници (разписани)"]) {
      expect(cell(sheet, 1, name).alignment?.wrapText).toBe(true);
    }
  });

  it("writes warnings and review reasons in Bulgarian, the library's message beside them", () => {
    const warnings = book.getWorksheet("Предупреждения")!;
    expect(cell(warnings, 1, "Код").value).toBe("deadline-unparsed");
    expect(cell(warnings, 1, "Съобщение").value).toBe(WARNING_BG["deadline-unparsed"]);
    expect(cell(warnings, 1, "Подробности").value).toBe(kyustendil.warnings[0].message);
    // An unknown code keeps the library's message.
    expect(cell(warnings, 2, "Код").value).toBe("header-repeated");
    expect(cell(warnings, 2, "Съобщение").value).toBe(kyustendil.warnings[1].message);
    const documents = book.getWorksheet("Документи")!;
    expect(cell(documents, 1, "Статус").value).toBe("check");
    expect(cell(documents, 1, "Причини за проверка").value).toBe(`${REVIEW_REASON_BG["few-deadlines"]}\nSomething new`);
    expect(cell(documents, 2, "Статус").value).toBe("ok");
  });
});

describe("print setup", () => {
  const books = {
    plan: buildPlanWorkbook([kazanlak]),
    "all-plans": buildPlanWorkbook([checked, kazanlak], { summary: true }),
    comparison: buildComparisonWorkbook([checked, kazanlak]),
  };
  for (const [name, book] of Object.entries(books)) {
    it(`${name}: every sheet landscape, fitted to the page width, title row repeated, thin borders`, () => {
      for (const sheet of book.worksheets) {
        expect(sheet.pageSetup, sheet.name).toMatchObject({ orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
        expect(sheet.pageSetup.printTitlesRow, sheet.name).toMatch(/^\d+:\d+$/);
        const [first] = sheet.pageSetup.printTitlesRow!.split(":").map(Number);
        const body = sheet.getRow(first + 1).getCell(1);
        if (body.value !== null) expect(body.border?.left?.style, sheet.name).toBe("thin");
      }
    });
  }
});

describe("„За печат“: the plan laid out for A4", () => {
  const expected = (sheet: ExcelJS.Worksheet) => {
    expect(headers(sheet)).toEqual(["№", "Дейност", "Срок", "Индикатори", "Отговорници", "Статус"]);
    const first = (r: number) => sheet.getRow(r).getCell(1).value;
    // Document title, then the headings where they change, then the activities.
    expect(String(first(2))).toContain(kyustendil.document.title!);
    expect(String(first(2))).toContain("ruo-kyustendil-2024-2025.pdf");
    expect(first(3)).toBe("1 Повишаване на обхвата и пълноценното включване на децата и учениците");
    expect(first(4)).toBe("1.1 Цел: Разширяване на обхвата на децата в задължителното предучилищно образование");
    expect(first(5)).toBe("1.1.1");
    expect(sheet.getRow(5).getCell(4).value).toBe("Мерна единица: брой\nТекуща: 19 детски градини\nЦелева: 3 детски градини");
    expect(first(6)).toBe("1.2 Цел: Намаляване процента на отпадналите деца и ученици"); // level 1 changes only
    expect(first(7)).toBe("1.2.2");
    expect(first(8)).toBe("1.2.10");
    expect(first(9)).toBe("2 Повишаване на образователните резултати чрез дигитализация");
    expect(sheet.getRow(10).getCell(6).value).toBe(`check: ${WARNING_BG["deadline-unparsed"]}`);
    expect(sheet.getRow(7).getCell(6).value).toBe("ok");
    expect(sheet.getRow(3).getCell(1).isMerged).toBe(true);
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1 });
  };
  it("in memory", () => expected(buildPlanWorkbook([kyustendil, kazanlak]).getWorksheet("За печат")!));
  it("streamed", () => expected(streamed.getWorksheet("За печат")!));
});

describe("print setup of the streamed all-plans.xlsx", () => {
  it("has every sheet fitted to the page width, landscape, title row repeated", () => {
    for (const sheet of streamed.worksheets) {
      expect(sheet.pageSetup, sheet.name).toMatchObject({ orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(sheet.pageSetup.printTitlesRow, sheet.name).toBe("1:1");
      expect(sheet.getRow(2).getCell(1).border?.left?.style, sheet.name).toBe("thin");
    }
  });
});

describe("all-plans.xlsx summary", () => {
  it("comes first, in memory and streamed, one line per document and a total", () => {
    const inMemory = buildPlanWorkbook([checked, kazanlak], { summary: true });
    for (const book of [inMemory, streamed]) {
      expect(book.worksheets.map((s) => s.name)).toEqual(["Обобщение", "Дейности", "За печат", "Документи", "Предупреждения"]);
      const sheet = book.getWorksheet("Обобщение")!;
      expect(headers(sheet)).toEqual([
        "Файл", "Регион", "Период", "Статус", "Причини за проверка", "Дейности", "Дял със срок с дати", "Дял с числова цел",
        "Дял с отговорник", "Дейности за проверка", "Предупреждения",
      ]);
      expect(cell(sheet, 1, "Файл").value).toBe(kyustendil.source.file);
      expect(cell(sheet, 1, "Статус").value).toBe("check");
      expect(cell(sheet, 1, "Дейности").value).toBe(4);
      expect(cell(sheet, 1, "Дял със срок с дати").value).toBeCloseTo(3 / 4);
      expect(cell(sheet, 1, "Дейности за проверка").value).toBe(1);
      expect(cell(sheet, 2, "Файл").value).toBe(kazanlak.source.file);
      expect(cell(sheet, 3, "Файл").value).toMatch(/^Общо: 2/);
      expect(cell(sheet, 3, "Дейности").value).toBe(7);
      expect(cell(sheet, 3, "Предупреждения").value).toBe(2);
    }
    // The streamed activities carry the same new columns.
    const activities = streamed.getWorksheet("Дейности")!;
    expect(cell(activities, 4, "Статус").value).toBe("check");
    expect((cell(activities, 2, "Източник").value as ExcelJS.CellHyperlinkValue).hyperlink).toBe("ruo-kyustendil-2024-2025.pdf#page=2");
  });
});

describe("Bulgarian wording table", () => {
  it("has a wording for every warning and review code in use, and every deadline kind", () => {
    const warningCodes = [
      "deadline-unparsed", "deadline-outside-period", "deadline-year-unknown", "no-period", "unknown-column", "row-number-only",
      "row-without-activity", "docx-reader", "docx-structure", "docx-numbering", "docx-nested-table", "docx-vmerge",
      "pdf-borderless-table", "pdf-page-unreadable", "pdf-page-without-text", "pdf-truncated",
      "timeout", "too-complex", "needs-libreoffice", "ocr-page", "ocr-low-confidence", "docx-fallback",
    ];
    // the tables are keyed by the code unions (src/model/message-codes.ts); docx-structure is an older code
    for (const code of warningCodes) expect(warningBg({ code, message: "English text" }), code).toMatch(/[а-я]/);
    for (const code of ["skipped-heading", "unknown-column", "rows-without-section", "number-only-row", "few-deadlines", "no-period", "ocr"]) {
      expect(reviewReasonBg({ code, message: "English text" }), code).toMatch(/[а-я]/);
    }
    for (const kind of DEADLINE_KINDS) expect(DEADLINE_KIND_BG[kind]).toMatch(/[а-я]/);
    expect(warningBg({ code: "brand-new", message: "English text" })).toBe("English text");
    expect(reviewReasonBg({ code: "brand-new", message: "English text" })).toBe("English text");
  });
});
