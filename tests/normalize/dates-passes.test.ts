/**
 * The passes of src/normalize/dates/passes.ts, each on its own: what one pass reads from a cell
 * when it runs alone (the order of the table is tested through normalizeDeadline in
 * dates.test.ts). A point is shown as "kind year start..end"; a point without a year is built
 * for 2024 and shown with year "-".
 */
import { describe, expect, it } from "vitest";
import { iso, SCHOOL_YEAR, schoolYearDates, schoolYearInterval } from "../../src/normalize/dates/calendar.js";
import { findPoints, POINT_PASSES, type PointPass } from "../../src/normalize/dates/passes.js";
import { normalizeText } from "../../src/normalize/dates/vocabulary.js";

function pass(name: string): PointPass {
  const found = POINT_PASSES.find((p) => p.name === name);
  if (!found) throw new Error(`no pass named ${name}`);
  return found;
}

function read(name: string, text: string): string[] {
  return findPoints(normalizeText(text), [pass(name)]).map((p) => {
    const i = p.make(p.year ?? 2024);
    return `${p.kind} ${p.year ?? "-"} ${iso(i.start)}..${iso(i.end)}`;
  });
}

const CASES: Record<string, [string, string[]][]> = {
  "numbered reference": [
    ["съгласно Заповед № РД09-1/25.04.2024 г.", []],
    ["№ 1 от 19.02.2020 г.", []],
  ],
  "act with a date": [["Наредба 4 от 20.04.2017 г.", []]],
  "act with a year": [["ПМС № 100/2024 г.", []]],
  "school year or year range": [
    ["учебна 2024/2025 година", ["school-year 2024 2024-09-15..2025-09-14"]],
    ["2024-2025 учебна година", ["school-year 2024 2024-09-15..2025-09-14"]],
    ["уч. 2024/25 г.", ["school-year 2024 2024-09-15..2025-09-14"]],
    ["2024-2027 г.", ["year 2024 2024-01-01..2024-12-31", "year 2027 2027-01-01..2027-12-31"]],
    ["2024-2023", []],
  ],
  "numeric day range": [
    ["10-15.09.2024", ["day 2024 2024-09-10..2024-09-10", "day 2024 2024-09-15..2024-09-15"]],
    ["15-10.09.2024", []],
  ],
  "numeric day": [
    ["10.9.2024 г.", ["day 2024 2024-09-10..2024-09-10"]],
    ["10/09/2024", ["day 2024 2024-09-10..2024-09-10"]],
    ["10.09.24", ["day 2024 2024-09-10..2024-09-10"]],
    ["31.02.2024", []],
  ],
  "day range with a month name": [
    ["10 - 15 октомври 2024", ["day 2024 2024-10-10..2024-10-10", "day 2024 2024-10-15..2024-10-15"]],
    ["1 до 5 юни", ["day - 2024-06-01..2024-06-01", "day - 2024-06-05..2024-06-05"]],
  ],
  "day with a month name": [
    ["15 септември 2024", ["day 2024 2024-09-15..2024-09-15"]],
    ["до 15-ти септ.", ["day - 2024-09-15..2024-09-15"]],
    ["31 юни", []],
  ],
  "day with a roman month": [
    ["15.IX.2024 г.", ["day 2024 2024-09-15..2024-09-15"]],
    ["15.ХІІ.2024", ["day 2024 2024-12-15..2024-12-15"]],
  ],
  "roman month and year": [
    ["м. IX 2024 г.", ["month 2024 2024-09-01..2024-09-30"]],
    ["IX.2024", ["month 2024 2024-09-01..2024-09-30"]],
  ],
  "numeric month and year": [
    ["10.2024 г.", ["month 2024 2024-10-01..2024-10-31"]],
    ["м. 02/2025", ["month 2025 2025-02-01..2025-02-28"]],
    ["13.2024", []],
  ],
  "numeric day without a year": [
    ["01.10", ["day - 2024-10-01..2024-10-01"]],
    ["32.10", []],
  ],
  quarter: [
    ["I-во тримесечие на 2025 г.", ["quarter 2025 2025-01-01..2025-03-31"]],
    ["I-III тримесечие", ["quarter - 2024-01-01..2024-03-31", "quarter - 2024-07-01..2024-09-30"]],
    ["Q4 2024", ["quarter 2024 2024-10-01..2024-12-31"]],
  ],
  "half-year": [
    ["първо полугодие на 2025 г.", ["half-year 2025 2025-01-01..2025-06-30"]],
    ["второ шестмесечие", ["half-year - 2024-07-01..2024-12-31"]],
  ],
  term: [
    ["I срок", ["term - 2024-09-15..2025-01-31"]],
    ["втори учебен срок", ["term - 2025-02-01..2025-06-30"]],
    ["I и II срок", ["term - 2024-09-15..2025-01-31", "term - 2025-02-01..2025-06-30"]],
    ["III срок", []],
  ],
  "month name": [
    ["м. октомври 2024 г.", ["month 2024 2024-10-01..2024-10-31"]],
    ["окт. 2024", ["month 2024 2024-10-01..2024-10-31"]],
    ["Декември", ["month - 2024-12-01..2024-12-31"]],
  ],
  "calendar year": [
    ["през 2024 година", ["year 2024 2024-01-01..2024-12-31"]],
    ["2024 г.", ["year 2024 2024-01-01..2024-12-31"]],
    ["1850", []],
  ],
  "school year without numbers": [
    ["до края на учебната година", ["school-year - 2024-09-15..2025-09-14"]],
    ["текущата уч. г.", ["school-year - 2024-09-15..2025-09-14"]],
  ],
};

describe("date passes, each on its own", () => {
  it("has a test for every pass, and unique names", () => {
    const names = POINT_PASSES.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(CASES).sort()).toEqual([...names].sort());
  });

  for (const p of POINT_PASSES) {
    it(p.name, () => {
      for (const [text, want] of CASES[p.name] ?? []) expect([text, read(p.name, text)]).toEqual([text, want]);
    });
  }

  it("blanks what a pass has read, so a later pass cannot read it again", () => {
    const two = [pass("school year or year range"), pass("calendar year")];
    expect(findPoints(normalizeText("учебна 2024/2025 г."), two).map((p) => `${p.kind} ${p.year}`)).toEqual(["school-year 2024"]);
    // alone, the calendar-year pass reads the first year of the school year as a year of its own
    expect(findPoints(normalizeText("учебна 2024/2025 г."), [pass("calendar year")]).map((p) => `${p.kind} ${p.year}`)).toEqual([
      "year 2024",
    ]);
  });
});

describe("the school year, defined once", () => {
  it("runs from 15 September to 14 September of the next year", () => {
    expect(SCHOOL_YEAR).toEqual({ start: { m: 9, d: 15 }, end: { m: 9, d: 14 } });
    expect(schoolYearDates(2024, 2025)).toEqual({ start: "2024-09-15", end: "2025-09-14" });
    const i = schoolYearInterval(2030);
    expect([iso(i.start), iso(i.end)]).toEqual(["2030-09-15", "2031-09-14"]);
  });
});
