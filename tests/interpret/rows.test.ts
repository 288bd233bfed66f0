import { describe, expect, it } from "vitest";
import { isRepeatedHeader, mapColumns } from "../../src/interpret/columns.js";
import { collectRows } from "../../src/interpret/rows.js";
import { parseHeading } from "../../src/interpret/headings.js";
import { cell, grid, row, texts } from "./grid-builders.js";

const clean = (lines: string[]) => lines.join(" ").replace(/\s+/g, " ").trim();

// A РУО-style table: two header rows with a group header over three indicator columns.
const ruoHeader = [
  row(
    [
      cell(0, "№", { rowSpan: 2 }),
      cell(1, "Цели/мерки/дейности по:", { rowSpan: 2 }),
      cell(2, "Срок за изпълнение", { rowSpan: 2 }),
      cell(3, "Индикатори за изпълнение", { colSpan: 3 }),
      cell(6, "Отговорник", { rowSpan: 2 }),
      cell(7, "Забележка", { rowSpan: 2 }),
    ],
    { header: true },
  ),
  row([cell(3, "Мерна единица (брой, %)"), cell(4, "Текуща стойност"), cell(5, "Целева стойност")], { header: true }),
];

describe("column roles", () => {
  it("reads roles over two header rows with a group header", () => {
    const map = mapColumns(grid(8, [...ruoHeader]))!;
    expect(map.roles).toEqual(["number", "activity", "deadline", "unit", "current", "target", "responsible", "note"]);
    expect(map.headerRowCount).toBe(2);
  });

  it("reads roles in another order and with other words, keeping unknown columns as extra", () => {
    const g = grid(6, [texts(["Дейност", "№ по ред", "Отговорници", "Срок", "Финансиране", "Целева група"], { header: true })]);
    const map = mapColumns(g)!;
    expect(map.roles).toEqual(["activity", "number", "responsible", "deadline", "financing", "extra"]);
  });

  it("takes a single 'Индикатори за изпълнение' column as expected results", () => {
    const map = mapColumns(grid(4, [texts(["№", "Дейности", "Срок", "Индикатори за изпълнение"], { header: true })]))!;
    expect(map.roles[3]).toBe("expected");
  });

  it("tells a repeated header row by its cells' header keys, cell by cell", () => {
    const g = grid(8, [...ruoHeader]);
    const map = mapColumns(g)!;
    expect(isRepeatedHeader({ ...ruoHeader[0], page: 2 }, map)).toBe(true);
    // The same words written a little differently (case, a line break, a hyphen at a line end).
    expect(
      isRepeatedHeader(row([cell(3, "МЕРНА ЕДИНИЦА (брой, %)"), cell(4, ["Текуща", "стойност"]), cell(5, ["Целе-", "ва стойност"])]), map),
    ).toBe(true);
    expect(isRepeatedHeader(row([cell(3, "Мерна единица (брой, %)"), cell(4, "Текуща стойност"), cell(5, "5")]), map)).toBe(false);
    // Fewer cells than the header row: not its signature, but every cell is a header word, so a header too.
    expect(isRepeatedHeader(row([cell(3, "Мерна единица (брой, %)"), cell(4, "Текуща стойност")]), map)).toBe(true);
    expect(isRepeatedHeader(row([cell(3, "Мерна единица (брой, %)"), cell(4, "19")]), map)).toBe(false);
    expect(isRepeatedHeader(texts(["1.1", "Методическа подкрепа", "октомври 2024", "брой", "19", "3", "ст. експерт по ПО", ""]), map)).toBe(
      false,
    );
  });

  it("returns null for a table without an activity column", () => {
    expect(mapColumns(grid(2, [texts(["Име", "Телефон"])]))).toBeNull();
  });
});

describe("rows and sections", () => {
  it("builds sections from spanning rows, skips separators and joins a row cut by a page break", () => {
    const g = grid(8, [
      ...ruoHeader,
      row([cell(0, "1."), cell(1, "Повишаване на обхвата", { colSpan: 7 })]),
      row([cell(0, "1.1"), cell(1, "Цел: Разширяване на обхвата", { colSpan: 7 })]),
      row([cell(1, "Дейности:", { colSpan: 7 })]),
      texts(["1.1.1", "Методическа подкрепа", "октомври 2024", "брой", "19", "3", "ст. експерт по ПО", ""], { page: 1 }),
      texts(["1.1.2", ["Методическа подкрепа за социално-"], "учебна 2024-2025 година", "брой", "19", "1", "ст. експерт по ПО", ""], {
        page: 1,
      }),
      // Page 2 repeats the header, then continues row 1.1.2.
      { ...ruoHeader[0], page: 2, afterPageBreak: true },
      { ...ruoHeader[1], page: 2 },
      texts(["", ["емоционалното развитие"], "", "", "", "", "", ""], { page: 2 }),
      row([cell(0, "1.2"), cell(1, "Цел: Намаляване на отпадането", { colSpan: 7 })], { page: 2 }),
      texts(["1.2.1", "Планиране", "септември 2024 г. – юни 2025 г.", "брой", "17 екипи", "17 екипи", "началници на отдели", ""], {
        page: 2,
      }),
    ]);
    const map = mapColumns(g)!;
    const { rows } = collectRows(g, map, clean);
    expect(rows.map((r) => r.number)).toEqual(["1.1.1", "1.1.2", "1.2.1"]);
    // Each row keeps the index of the grid row it starts in; the table index is 0 unless given.
    expect(rows.map((r) => r.gridRow)).toEqual([5, 6, 11]);
    expect(rows.map((r) => r.table)).toEqual([0, 0, 0]);
    expect(collectRows(g, map, clean, { table: 3 }).rows.map((r) => r.table)).toEqual([3, 3, 3]);
    expect(rows[1].lines.activity).toEqual(["Методическа подкрепа за социално-", "емоционалното развитие"]);
    expect(rows[0].sections).toEqual([
      { number: "1", label: null, title: "Повишаване на обхвата" },
      { number: "1.1", label: "Цел", title: "Разширяване на обхвата" },
    ]);
    expect(rows[2].sections[1]).toEqual({ number: "1.2", label: "Цел", title: "Намаляване на отпадането" });
  });

  it("turns merged 'Мярка' cells into sections over the rows they group, under spanning goals", () => {
    const g = grid(6, [
      texts(["Мярка", "Дейности", "Срок за изпълнение", "Източници на финансиране", "Отговорни институции", "Очаквани резултати"], {
        header: true,
      }),
      row([cell(0, ["Оперативна цел 1:", "Осигуряване на среда"], { colSpan: 6 })]),
      row([
        cell(0, ["Мярка 1:", "Оценяване на", "потребностите"], { rowSpan: 2 }),
        cell(1, "Изпълнение на практики"),
        cell(2, "Декември 2024 г."),
        cell(3, "От бюджета"),
        cell(4, ["Детски градини", "Училища"]),
        cell(5, "Извършена оценка"),
      ]),
      row([
        cell(1, "Оценка на риска"),
        cell(2, "Декември 2024 г."),
        cell(3, "Неприложимо"),
        cell(4, "Детски градини"),
        cell(5, "Оценен риск"),
      ]),
      // A page break: the measure cell goes on (empty), and the first row is cut.
      row([cell(0, "", { rowSpan: 2 }), cell(1, "продължение на оценката"), cell(2, ""), cell(3, ""), cell(4, ""), cell(5, "")], {
        afterPageBreak: true,
        page: 2,
      }),
      row(
        [
          cell(0, ["Мярка 2:", "Методи"]),
          cell(1, "Консултации"),
          cell(2, "Декември 2024 г."),
          cell(3, "От бюджета"),
          cell(4, "Училища"),
          cell(5, "Усвоен материал"),
        ],
        { page: 2 },
      ),
    ]);
    const map = mapColumns(g)!;
    expect(map.roles[0]).toBe("measure");
    const { rows } = collectRows(g, map, clean);
    expect(rows.map((r) => r.lines.activity?.join(" "))).toEqual([
      "Изпълнение на практики",
      "Оценка на риска продължение на оценката",
      "Консултации",
    ]);
    expect(rows[0].sections).toEqual([
      { number: null, label: "Оперативна цел 1", title: "Осигуряване на среда" },
      { number: null, label: "Мярка 1", title: "Оценяване на потребностите" },
    ]);
    expect(rows[2].sections[1]).toEqual({ number: null, label: "Мярка 2", title: "Методи" });
    expect(rows[0].lines.responsible).toEqual(["Детски градини", "Училища"]);
  });
});

describe("headings cut by a page break", () => {
  it("continues a spanning heading whose text runs onto the next page (no spans, as in a borderless table)", () => {
    const g = grid(4, [
      texts(["№", "Дейности", "Срок", "Отговорник"], { header: true }),
      texts(["5.", "Организация на квалификационната дейност, учили-", "", ""], { page: 1 }),
      texts(["", "ще за всеки специалист", "", ""], { page: 2, afterPageBreak: true }),
      texts(["5.1.1", "Методическа подкрепа", "учебна 2024/2025 година", "ст. експерт"], { page: 2 }),
      texts(["5.1.2", "Обучение", "учебна 2024/2025 година", "ст. експерт"], { page: 2 }),
    ]);
    const { rows } = collectRows(g, mapColumns(g)!, (l) => l.join(" "));
    expect(rows.map((r) => r.number)).toEqual(["5.1.1", "5.1.2"]);
    expect(rows[0].sections[0].title).toBe("Организация на квалификационната дейност, учили- ще за всеки специалист");
  });
});

describe("row numbers that wrap", () => {
  it("joins a number wrapped in a narrow column, also when the page break cuts it", () => {
    const g = grid(4, [
      texts(["№", "Дейности", "Срок", "Отговорник"], { header: true }),
      texts(["20.1", "Цел: Обучение", "", ""]),
      texts([["20.1.", "21"], "Контрол", "учебна 2024/2025 година", "ст. експерт"], { page: 1 }),
      texts(["20.1.2", "Провеждане на работна среща с учителите по", "октомври 2024", "ст. експерт по"], { page: 1 }),
      texts(["2", "математика за обсъждане", "– декември 2024 г.", "математика"], { page: 2, afterPageBreak: true }),
    ]);
    const { rows } = collectRows(g, mapColumns(g)!, (l) => l.join(" "));
    expect(rows.map((r) => r.number)).toEqual(["20.1.21", "20.1.22"]);
    expect(rows[1].lines.deadline).toEqual(["октомври 2024", "– декември 2024 г."]);
  });
});

describe("headings", () => {
  it("splits label and title", () => {
    expect(parseHeading("Мярка 2: Прилагане на методи")).toEqual({ label: "Мярка 2", title: "Прилагане на методи", rank: 4 });
    expect(parseHeading("Оперативна цел 1: Осигуряване")).toMatchObject({ label: "Оперативна цел 1", title: "Осигуряване" });
    expect(parseHeading("Цел: Възпитание в толерантност")).toMatchObject({ label: "Цел", title: "Възпитание в толерантност" });
    expect(parseHeading("Повишаване на обхвата")).toMatchObject({ label: null, title: "Повишаване на обхвата" });
    expect(parseHeading("Целенасочена подкрепа за всяко дете")).toMatchObject({ label: null });
  });
});
