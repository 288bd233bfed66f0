/**
 * The block stream → plan rows: headings in every form (merged table rows, paragraphs, Word
 * heading styles), nested across tables; tables that continue without a header; the column words
 * of real plans; the review status.
 */
import { describe, expect, it } from "vitest";
import { documentFromBlocks, type DocumentBlock, type Grid, type ParagraphBlock } from "../../src/extract/grid.js";
import { interpretDocument, paragraphHeading } from "../../src/interpret/index.js";
import { splitHeading } from "../../src/interpret/headings.js";
import { mapColumns } from "../../src/interpret/columns.js";
import { reviewDocument } from "../../src/interpret/review.js";
import { loadAbbreviations } from "../../src/normalize/abbreviations.js";
import { cell, grid, row, texts } from "./grid-builders.js";

const abbreviations = loadAbbreviations();
const para = (text: string, extra: Partial<ParagraphBlock> = {}): DocumentBlock => ({ kind: "paragraph", text, page: null, ...extra });
const table = (g: Grid): DocumentBlock => ({ kind: "table", grid: g });
const TITLE = [para("План за дейността на ДГ „Слънце“ – гр. Казанлък за учебната 2024/2025 година", { bold: true })];

function interpret(blocks: DocumentBlock[]) {
  const doc = documentFromBlocks("docx", null, blocks);
  const { value, messages } = interpretDocument(doc, { abbreviations });
  return { ...value, warnings: messages, review: reviewDocument(value.rows, messages) };
}

const header4 = () => texts(["№", "Дейност", "Срок", "Отговорник"], { header: true });

describe("heading text split (contract rules)", () => {
  it("splits number, label and title", () => {
    expect(splitHeading("1. Повишаване на обхвата")).toMatchObject({ number: "1", label: null, title: "Повишаване на обхвата" });
    expect(splitHeading("1.1 Цел: Намаляване на отпадането")).toMatchObject({
      number: "1.1",
      label: "Цел",
      title: "Намаляване на отпадането",
    });
    expect(splitHeading("1.3. Цел: Планиране")).toMatchObject({ number: "1.3", label: "Цел", title: "Планиране" });
    expect(splitHeading("Оперативна цел 2: Качество")).toMatchObject({ number: null, label: "Оперативна цел 2", title: "Качество" });
    expect(splitHeading("Приоритет 1. Достъп")).toMatchObject({ number: null, label: "Приоритет 1", title: "Достъп" });
    expect(splitHeading("Мярка 1.1. Подкрепа")).toMatchObject({ number: null, label: "Мярка 1.1", title: "Подкрепа" });
    expect(splitHeading("I. Организационна дейност")).toMatchObject({ number: "I", label: null, title: "Организационна дейност" });
    expect(splitHeading("2024 г. беше добра")).toMatchObject({ number: null });
  });
});

describe("headings in table rows", () => {
  it("reads a merged cell spanning the whole table as number + label + title, never as a number alone", () => {
    const g = grid(4, [
      header4(),
      row([cell(0, "1. Повишаване на обхвата", { colSpan: 4 })]),
      row([cell(0, ["1.1 Цел: Разширяване", "на обхвата"], { colSpan: 4 })]),
      texts(["1.1.1", "Среща с директорите", "октомври 2024 г.", "РУО"]),
      row([cell(0, "1.3. Цел: Планиране", { colSpan: 4 })]),
      texts(["1.3.1", "Анализ", "ноември 2024 г.", "РУО"]),
    ]);
    const { rows, warnings, review } = interpret([...TITLE, table(g)]);
    expect(rows.map((r) => r.number)).toEqual(["1.1.1", "1.3.1"]);
    expect(rows[0].sections).toEqual([
      { number: "1", label: null, title: "Повишаване на обхвата" },
      { number: "1.1", label: "Цел", title: "Разширяване на обхвата" },
    ]);
    expect(rows[1].sections[1]).toEqual({ number: "1.3", label: "Цел", title: "Планиране" });
    expect(warnings.filter((w) => w.code === "row-number-only")).toEqual([]);
    expect(review.status).toBe("ok");
  });

  it("reads labelled headings in a cell over every column but the first", () => {
    const g = grid(4, [
      texts(["№ по ред", "Дейности", "Срок", "Отговорни лица"], { header: true }),
      row([cell(0, ""), cell(1, "Приоритет 1. Достъп до образование", { colSpan: 3 })]),
      row([cell(0, ""), cell(1, "Мярка 1.1. Обхват", { colSpan: 3 })]),
      texts(["1.", "Обход на адресите", "септември 2024 г.", "класните ръководители"]),
      row([cell(0, ""), cell(1, "Мярка 1.2. Задържане", { colSpan: 3 })]),
      texts(["2.", "Работа с родители", "октомври 2024 г.", "директор"]),
    ]);
    const { rows } = interpret([...TITLE, table(g)]);
    expect(rows.map((r) => r.sections)).toEqual([
      [
        { number: null, label: "Приоритет 1", title: "Достъп до образование" },
        { number: null, label: "Мярка 1.1", title: "Обхват" },
      ],
      [
        { number: null, label: "Приоритет 1", title: "Достъп до образование" },
        { number: null, label: "Мярка 1.2", title: "Задържане" },
      ],
    ]);
  });
});

describe("headings in paragraphs", () => {
  it("takes bold roman paragraphs as sections over small tables whose row numbers restart", () => {
    const small = (rows: string[][]) => grid(4, [header4(), ...rows.map((r) => texts(r))]);
    const { rows, review } = interpret([
      ...TITLE,
      para("I. Организационна дейност", { bold: true }),
      table(
        small([
          ["1.", "Педагогически съвет", "септември 2024 г.", "директор"],
          ["2.", "График", "октомври 2024 г.", "директор"],
        ]),
      ),
      para("II. Квалификационна дейност", { bold: true }),
      table(small([["1.", "Обучение", "ноември 2024 г.", "ЗДУД"]])),
    ]);
    expect(rows.map((r) => [r.number, r.sections.map((s) => `${s.number}|${s.title}`)])).toEqual([
      ["1", ["I|Организационна дейност"]],
      ["2", ["I|Организационна дейност"]],
      ["1", ["II|Квалификационна дейност"]],
    ]);
    expect(review.status).toBe("ok");
  });

  it("nests paragraph headings with heading rows inside the tables, across tables", () => {
    const { rows } = interpret([
      ...TITLE,
      para("I. Учебна дейност", { bold: true }),
      table(
        grid(4, [
          header4(),
          row([cell(0, "1."), cell(1, "Цел: Резултати", { colSpan: 3 })]),
          texts(["1.1", "Тестове", "май 2025 г.", "учители"]),
        ]),
      ),
      para("II. Извънкласна дейност", { bold: true }),
      table(grid(4, [header4(), texts(["1.", "Клубове", "октомври 2024 г.", "учители"])])),
    ]);
    expect(rows[0].sections).toEqual([
      { number: "I", label: null, title: "Учебна дейност" },
      { number: "1", label: "Цел", title: "Резултати" },
    ]);
    // "II." closes "I." and the "1." heading row under it.
    expect(rows[1].sections).toEqual([{ number: "II", label: null, title: "Извънкласна дейност" }]);
  });

  it("reads Word heading styles and labelled paragraphs; only the first table has a header", () => {
    const body = (n: string, act: string) => grid(4, [texts([n, act, "2024 г.", "Община"])]);
    const { rows } = interpret([
      para("ПРОГРАМА за 2024 г.", { bold: true }),
      para("Оперативна цел 1: Достъп", { outlineLevel: 0, style: "Heading1" }),
      para("Мярка 1.1. Сгради", { outlineLevel: 1, style: "Heading2" }),
      table(grid(4, [header4(), texts(["1.", "Ремонт", "2024 г.", "Община"])])),
      para("Мярка 1.2. Транспорт", { outlineLevel: 1, style: "Heading2" }),
      table(body("1.", "Училищен автобус")),
      para("Оперативна цел 2: Качество", { outlineLevel: 0, style: "Heading1" }),
      para("Мярка 2.1. Обучения", { outlineLevel: 1, style: "Heading2" }),
      table(body("1.", "Курсове")),
    ]);
    expect(rows.map((r) => [r.activity, r.sections.map((s) => s.label)])).toEqual([
      ["Ремонт", ["Оперативна цел 1", "Мярка 1.1"]],
      ["Училищен автобус", ["Оперативна цел 1", "Мярка 1.2"]],
      ["Курсове", ["Оперативна цел 2", "Мярка 2.1"]],
    ]);
  });

  it("does not take a heading over every row (the chapter holding the plan) or an unstyled numbered list for a section", () => {
    const { rows } = interpret([
      ...TITLE,
      para("I. Приоритети", { bold: true }),
      para("1. Обхват на децата"),
      para("2. Качество"),
      para("II. Дейности за изпълнение на приоритетите:", { bold: true }),
      table(grid(4, [header4(), texts(["1.", "Среща", "октомври 2024 г.", "директор"])])),
    ]);
    expect(rows[0].sections).toEqual([]);
  });

  it("keeps a labelled heading with its own number over the only table as a section", () => {
    const { rows } = interpret([
      ...TITLE,
      para("Приоритет 5. Качествено образование", { bold: true }),
      table(grid(4, [header4(), texts(["1.", "Среща", "октомври 2024 г.", "директор"])])),
    ]);
    expect(rows[0].sections).toEqual([{ number: null, label: "Приоритет 5", title: "Качествено образование" }]);
  });

  it("keeps it too when its number is Roman", () => {
    const { rows } = interpret([
      ...TITLE,
      para("Приоритет II. Качествено образование", { bold: true }),
      table(grid(4, [header4(), texts(["1.", "Среща", "октомври 2024 г.", "директор"])])),
    ]);
    expect(rows[0].sections).toEqual([{ number: null, label: "Приоритет II", title: "Качествено образование" }]);
  });

  it("classifies paragraphs: styled, bold numbered, labelled with a number; not plain numbered text", () => {
    expect(paragraphHeading({ kind: "paragraph", text: "Общи положения", page: null, outlineLevel: 0 })?.level).toBeDefined();
    expect(paragraphHeading({ kind: "paragraph", text: "1. Повишаване на обхвата", page: null, bold: true })?.section).toEqual({
      number: "1",
      label: null,
      title: "Повишаване на обхвата",
    });
    expect(paragraphHeading({ kind: "paragraph", text: "Оперативна цел 2: Качество", page: null })?.section.label).toBe("Оперативна цел 2");
    expect(paragraphHeading({ kind: "paragraph", text: "1. Повишаване на обхвата", page: null })).toBeNull();
    expect(paragraphHeading({ kind: "paragraph", text: "Планът е приет на заседание", page: null, bold: true })).toBeNull();
  });
});

describe("tables that continue", () => {
  it("a second table that starts with data rows takes the columns of the table before it", () => {
    const { rows } = interpret([
      ...TITLE,
      table(grid(4, [header4(), row([cell(0, "1. Обхват", { colSpan: 4 })]), texts(["1.1", "Обход", "септември 2024 г.", "учители"])])),
      table(
        grid(4, [
          texts(["1.2", "Срещи с родители", "октомври 2024 г.", "класните ръководители"]),
          row([cell(0, "2. Качество", { colSpan: 4 })]),
          texts(["2.1", "Тестове", "май 2025 г.", "ЗДУД"]),
        ]),
      ),
    ]);
    expect(rows.map((r) => [r.number, r.deadline.text, r.responsible.text, r.sections.map((s) => s.number)])).toEqual([
      ["1.1", "септември 2024 г.", "учители", ["1"]],
      ["1.2", "октомври 2024 г.", "класните ръководители", ["1"]],
      ["2.1", "май 2025 г.", "ЗДУД", ["2"]],
    ]);
  });

  it("does not continue a table whose column widths differ from the table before", () => {
    const first = grid(4, [header4(), texts(["1.", "Обход", "септември 2024 г.", "учители"])]);
    const other = grid(4, [texts(["Иван Петров", "учител", "0888 123 456", "стая 12"])]);
    first.columnWidths = [500, 4000, 1500, 2000];
    other.columnWidths = [3000, 2000, 2000, 1000];
    const { rows } = interpret([...TITLE, table(first), table(other)]);
    expect(rows.map((r) => r.activity)).toEqual(["Обход"]);
  });

  it("never takes a data row for a header", () => {
    // Words of header texts inside data cells ("дейности", "отговорните") next to a date.
    const g = grid(3, [texts(["Организиране на дейности по проекта", "октомври 2024 г.", "отговорните лица"])]);
    expect(mapColumns(g)).toBeNull();
  });
});

describe("column words of real plans", () => {
  it("maps the vocabulary to fields; amount and source are joined, partners follow the responsible", () => {
    const g = grid(8, [
      texts(
        [
          "№",
          "Дейности",
          "Срок за изпълнение",
          "Отговорни лица",
          "Партньори",
          "Финансиране (лв.)",
          "Източник на финансиране",
          "Очакван резултат",
        ],
        { header: true },
      ),
      texts([
        "1.",
        "Ремонт на физкултурен салон",
        "юни 2025 г.",
        "директор",
        "Община Казанлък",
        "12 500,00",
        "Общински бюджет",
        "Ремонтиран салон",
      ]),
      texts(["2.", "Клуб по роботика", "октомври 2024 г.", "учител по информатика", "", "", "Национална програма", "Сформиран клуб"]),
    ]);
    const { rows, warnings } = interpret([...TITLE, table(g)]);
    expect(warnings.filter((w) => w.code === "unknown-column")).toEqual([]);
    expect(rows[0].financing).toBe("12 500,00; Общински бюджет");
    expect(rows[1].financing).toBe("Национална програма");
    expect(rows[0].responsible.text).toBe("директор; Община Казанлък");
    expect(rows[0].responsible.parties.map((p) => p.text)).toEqual(["директор", "Община Казанлък"]);
    expect(rows[0].indicator.expected).toBe("Ремонтиран салон");
  });

  it.each([
    ["Очаквани резултати", "expected"],
    ["Индикатори за изпълнение", "expected"],
    ["Срокове", "deadline"],
    ["Отговорник", "responsible"],
    ["Отговорни институции", "responsible"],
    ["Отговорна институция", "responsible"],
    ["Изпълнители", "responsible"],
    ["Бюджет", "financing"],
    ["Бюджет (лв.)", "financing"],
    ["Необходими средства", "financing"],
    ["Сума", "financing"],
    ["Източници на финансиране", "source"],
    ["Месец", "month"],
    ["Период", "month"],
    ["Време на провеждане", "month"],
    ["Коментар", "note"],
    ["Бележки", "note"],
  ])("header %s → %s", (header, role) => {
    const map = mapColumns(grid(3, [texts(["№", "Дейност", header], { header: true })]))!;
    expect(map.roles[2]).toBe(role);
  });

  it("a month column is the deadline when there is no deadline column; a merged month cell covers every row it spans", () => {
    const g = grid(4, [
      texts(["№", "Дейност", "Месец", "Отговорник"], { header: true }),
      row([cell(0, "1."), cell(1, "Тържество за първия учебен ден"), cell(2, "Септември", { rowSpan: 2 }), cell(3, "директор")]),
      row([cell(0, "2."), cell(1, "Родителска среща"), cell(3, "учители")]),
      texts(["3.", "Коледно тържество", "Декември", "учители"]),
      texts(["4.", "Пролетен празник", "Март", "учители"]),
    ]);
    const { rows } = interpret([...TITLE, table(g)]);
    expect(rows.map((r) => [r.deadline.text, r.deadline.start, r.deadline.end])).toEqual([
      ["Септември", "2024-09-01", "2024-09-30"],
      ["Септември", "2024-09-01", "2024-09-30"],
      ["Декември", "2024-12-01", "2024-12-31"],
      ["Март", "2025-03-01", "2025-03-31"],
    ]);
  });

  it("a month column beside a deadline column is kept as extra", () => {
    const map = mapColumns(grid(4, [texts(["Дейност", "Срок", "Период", "Отговорник"], { header: true })]))!;
    expect(map.roles).toEqual(["activity", "deadline", "extra", "responsible"]);
  });
});

describe("review status", () => {
  it("says check, with what it saw, for an unknown column, rows without a section, a skipped heading and few deadlines", () => {
    const { review } = interpret([
      ...TITLE,
      table(grid(4, [texts(["№", "Дейност", "Срок", "Целева група"], { header: true }), texts(["1.", "Без раздел", "", "x"])])),
      para("2. Втора част"),
      table(
        grid(4, [
          texts(["№", "Дейност", "Срок", "Целева група"], { header: true }),
          row([cell(0, "3. Част", { colSpan: 4 })]),
          texts(["3.1", "Под раздел", "", ""]),
        ]),
      ),
    ]);
    expect(review.status).toBe("check");
    const codes = review.reasons.map((r) => r.code);
    expect(codes).toEqual(expect.arrayContaining(["unknown-column", "rows-without-section", "skipped-heading", "few-deadlines"]));
    expect(review.reasons.find((r) => r.code === "unknown-column")!.message).toContain("Целева група");
    expect(review.reasons.find((r) => r.code === "skipped-heading")!.message).toContain("2. Втора част");
  });

  it("says check for a heading-like table row that was kept as a row", () => {
    const g = grid(4, [
      header4(),
      texts(["1.", "Обход", "септември 2024 г.", "учители"]),
      texts(["", "2. Качество на обучението", "", ""]),
      texts(["2.", "Срещи", "октомври 2024 г.", "учители"]),
    ]);
    const { review, rows } = interpret([...TITLE, table(g)]);
    expect(rows).toHaveLength(3);
    expect(review.reasons.find((r) => r.code === "skipped-heading")?.message).toContain("2. Качество на обучението");
  });

  it("says check for a heading-like row in a table with a month column instead of a deadline column", () => {
    const months = () => texts(["Месец", "Дейност", "Отговорник"], { header: true });
    const g = grid(3, [
      months(),
      texts(["Септември", "Обход", "учители"]),
      texts(["", "2. Качество на обучението", ""]),
      texts(["Октомври", "Срещи", "учители"]),
    ]);
    const { review, rows, warnings } = interpret([...TITLE, table(g)]);
    expect(rows).toHaveLength(3);
    expect(warnings.filter((w) => w.code === "skipped-heading").map((w) => w.message)).toEqual([
      expect.stringContaining("2. Качество на обучението"),
    ]);
    expect(review.reasons.find((r) => r.code === "skipped-heading")?.message).toContain("2. Качество на обучението");
    // A table without any date column gives no such warning: its rows have no date to miss.
    const plain = grid(2, [
      texts(["Дейност", "Отговорник"], { header: true }),
      texts(["Обход", "учители"]),
      texts(["2. Качество на обучението", ""]),
    ]);
    expect(interpret([...TITLE, table(plain)]).warnings.filter((w) => w.code === "skipped-heading")).toEqual([]);
  });

  it("says check for a row with a number and nothing else, no period and OCR warnings", () => {
    const { review } = interpret([
      para("План за дейността", { bold: true }),
      table(
        grid(3, [texts(["№", "Дейност", "Срок"], { header: true }), texts(["1.", "", ""]), texts(["2.", "Среща", "октомври 2024 г."])]),
      ),
    ]);
    expect(review.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(["number-only-row", "no-period"]));
    const ocr = reviewDocument([], [{ code: "ocr-low-confidence", message: "page 2 was read by OCR", page: 2, row: null }]);
    expect(ocr).toEqual({ status: "check", reasons: [{ code: "ocr", message: "page 2 was read by OCR" }] });
  });
});

describe("PDF layouts: tables cut by pages, borderless month cells, shifting columns", () => {
  it("a table that goes on on a later page without a header begins with the rest of the last row", () => {
    const first = grid(4, [header4(), texts(["1.", "Представяне на предложението", "февруари 2025 г.", "началник РУО,"], { page: 2 })]);
    const second = grid(4, [
      texts(["", "на комисията по заетост", "", "ст. експерт по ПОО"], { page: 3 }),
      texts(["2.", "Анализ", "март 2025 г.", "РУО"], { page: 3 }),
    ]);
    first.rows[1].cells.forEach((c) => (c.pages = [2]));
    second.rows.forEach((r) => r.cells.forEach((c) => (c.pages = c.lines.length ? [3] : [])));
    const { rows } = interpret([...TITLE, table(first), table(second)]);
    expect(rows.map((r) => [r.number, r.activity, r.responsible.text, r.pages])).toEqual([
      ["1", "Представяне на предложението на комисията по заетост", "началник РУО, ст. експерт по ПОО", [2, 3]],
      ["2", "Анализ", "РУО", [3]],
    ]);
  });

  it("in a borderless table an empty month cell takes the month above (the rest of a merged cell), until a heading", () => {
    const g = grid(4, [
      texts(["№", "Дейност", "Месец", "Отговорник"], { header: true }),
      texts(["1.", "Оценка на риска", "Септември", "директор"]),
      texts(["2.", "Ранно оценяване", "", "учители"]),
      row([cell(0, "II. Работа с децата", { colSpan: 4 })]),
      texts(["1.", "Учене чрез правене", "", "учители"]),
    ]);
    g.borderless = true;
    const { rows } = interpret([...TITLE, table(g)]);
    expect(rows.map((r) => r.deadline.text)).toEqual(["Септември", "Септември", null]);
    // with ruling lines an empty cell stays empty
    const ruled = { ...g, borderless: false };
    expect(interpret([...TITLE, table(ruled)]).rows.map((r) => r.deadline.text)).toEqual(["Септември", null, null]);
  });

  it("a cell that starts in a column without a header takes the role of the headed column it covers", () => {
    const g = grid(5, [
      row([cell(1, "Мярка"), cell(2, "Дейности"), cell(3, "Срок"), cell(4, "Отговорници")], { header: true }),
      row([cell(1, "Мярка 1: Обхват"), cell(2, "Обход"), cell(3, "декември 2024 г."), cell(4, "Училища")]),
      row([cell(0, "Мярка 2: Подкрепа", { colSpan: 2 }), cell(2, "Консултации"), cell(3, "декември 2024 г."), cell(4, "Училища")]),
    ]);
    const { rows, warnings } = interpret([...TITLE, table(g)]);
    expect(rows.map((r) => r.sections.map((s) => s.label))).toEqual([["Мярка 1"], ["Мярка 2"]]);
    expect(warnings.filter((w) => w.code === "unknown-column")).toEqual([]);
  });
});

describe("messages name their place", () => {
  it("an unknown column names its table; a deadline warning its row and table; a skipped row its table", () => {
    const other = grid(2, [texts(["Име", "Телефон"], { header: true }), texts(["А", "1"])]);
    const g = grid(4, [
      texts(["№", "Дейност", "Срок", "Целева група"], { header: true }),
      texts(["1.", "Среща", "юни 2030 г.", "родители"]),
      texts(["2.", "", "", ""]),
    ]);
    const { warnings } = interpret([...TITLE, table(other), para("Дейности"), table(g)]);
    const place = (code: string) => warnings.filter((w) => w.code === code).map((w) => [w.stage, w.place]);
    expect(place("unknown-column")).toEqual([["interpret", { page: null, row: null, table: 1 }]]);
    expect(place("deadline-outside-period")).toEqual([["normalize", { page: null, row: 0, table: 1 }]]);
    expect(place("row-number-only")).toEqual([["interpret", { page: null, row: null, table: 1 }]]);
  });
});
