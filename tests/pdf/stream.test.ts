import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractPdf } from "../../src/extract/pdf/index.js";

const data = (name: string) => new Uint8Array(readFileSync(new URL(`./data/${name}`, import.meta.url)));

describe("borderless table printed by Chromium", () => {
  it("finds columns from aligned text and rows from the number column", async () => {
    const { value: doc } = await extractPdf(data("dev-borderless.chromium.pdf"));
    expect(doc.tables).toHaveLength(1);
    const g = doc.tables[0];
    expect(g.columns).toBe(5);
    expect(g.rows[0].header).toBe(true);
    expect(g.rows[0].cells.map((c) => c.lines.join(" "))).toEqual([
      "№",
      "Дейности",
      "Срок за изпълнение",
      "Отговорни институции",
      "Очаквани резултати",
    ]);
    // repeated header on page 2 dropped; running header and page numbers never in cells
    expect(g.rows.filter((r) => r.header)).toHaveLength(1);
    const all = g.rows.flatMap((r) => r.cells.flatMap((c) => c.lines)).join("\n");
    expect(all).not.toMatch(/стр\. \d/);
    const numbered = g.rows.filter((r) => /^\d+\.\d+\.\d+$/.test(r.cells[0]?.lines.join(" ") ?? ""));
    expect(numbered).toHaveLength(24);
    const r1 = numbered[0];
    expect(r1.cells.map((c) => c.lines.join(" "))).toEqual([
      "1.1.1",
      "1. Извършване на оценка на риска от обучителни затруднения на децата на 5 и 6-годишна възраст в рамките на установяването на готовността.",
      "октомври 2024 г. – юни 2025 г.",
      "РЦПППО – Стара Загора",
      "",
    ]);
    const headings = g.rows.filter((r) => r.cells.length === 1 && r.cells[0].colSpan === 5);
    expect(headings.map((r) => r.cells[0].lines.join(" ").slice(0, 17))).toEqual([
      "Оперативна цел 1:",
      "Оперативна цел 2:",
      "Оперативна цел 3:",
      "Оперативна цел 4:",
    ]);
    expect(g.rows.filter((r) => r.afterPageBreak).map((r) => r.page)).toEqual([2]);
    // running header is not in the text blocks either
    expect(doc.text.map((b) => b.text).join("\n")).not.toMatch(/стр\. \d/);
    expect(doc.text[0]).toMatchObject({ where: "before", bold: true });
  });
});
