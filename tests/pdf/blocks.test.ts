/**
 * PDF → block stream on synthetic pages: paragraphs and tables in reading order, running footers
 * ("… · стр. N") kept out of cells and paragraphs, the lines of wrapped cells in reading order.
 */
import { describe, expect, it } from "vitest";
import { extractFromPages } from "../../src/extract/pdf/index.js";
import type { PageContent, TextItem } from "../../src/extract/pdf/page-content.js";

const W = 595;
const H = 842;

function item(page: number, str: string, x: number, y: number, opts: { size?: number; bold?: boolean } = {}): TextItem {
  const size = opts.size ?? 10;
  return { str, x, y, x2: x + str.length * size * 0.5, size, fontName: "F", bold: opts.bold ?? false, italic: false, eol: true, page };
}

/** A borderless plan page: columns № (50), Дейност (90), Срок (330), Отговорник (450). */
function page(n: number, rows: [string, string[], string[], string][], opts: { title?: string; heading?: string } = {}): PageContent {
  const items: TextItem[] = [];
  let y = 60;
  if (opts.title) {
    items.push(item(n, opts.title, 150, y, { size: 14, bold: true }));
    y += 40;
  }
  if (opts.heading) {
    items.push(item(n, opts.heading, 50, y, { size: 12, bold: true }));
    y += 30;
  }
  for (const [x, t] of [
    [50, "№"],
    [90, "Дейност"],
    [330, "Срок"],
    [450, "Отговорник"],
  ] as const)
    items.push(item(n, t, x, y, { bold: true }));
  y += 24;
  for (const [num, act, deadline, resp] of rows) {
    items.push(item(n, num, 50, y));
    act.forEach((l, i) => items.push(item(n, l, 90, y + i * 12)));
    deadline.forEach((l, i) => items.push(item(n, l, 330, y + i * 12)));
    items.push(item(n, resp, 450, y));
    y += Math.max(act.length, deadline.length) * 12 + 12;
  }
  // running footer right under the deadline column
  items.push(item(n, `Годишен план 2024 · стр. ${n}`, 330, H - 40, { size: 8 }));
  return { number: n, width: W, height: H, items, horizontals: [], verticals: [] };
}

describe("PDF block stream", () => {
  it("returns the title, the heading paragraph and the table in reading order, with no footer in any cell", () => {
    const rows = (k: number): [string, string[], string[], string][] =>
      Array.from({ length: 6 }, (_, i) => [
        `${k + i}.`,
        ["Организиране на среща", "с родителите"],
        ["октомври 2024 г. –", "юни 2025 г."],
        "директор",
      ]);
    const { value: doc } = extractFromPages([
      page(1, rows(1), { title: "ГОДИШЕН ПЛАН ЗА 2024 г.", heading: "I. Организационна дейност" }),
      page(2, rows(7)),
    ]);
    expect(doc.blocks[0]).toMatchObject({ kind: "paragraph", text: "ГОДИШЕН ПЛАН ЗА 2024 г.", bold: true });
    expect(doc.blocks[1]).toMatchObject({ kind: "paragraph", text: "I. Организационна дейност", bold: true });
    expect(doc.blocks[2].kind).toBe("table");
    const cells = doc.tables.flatMap((g) => g.rows.flatMap((r) => r.cells.map((c) => c.lines)));
    expect(cells.flat().join("\n")).not.toMatch(/стр\.|Годишен план/);
    expect(cells).toContainEqual(["октомври 2024 г. –", "юни 2025 г."]);
    expect(doc.blocks.filter((b) => b.kind === "paragraph").map((b) => (b.kind === "paragraph" ? b.text : ""))).not.toContain(
      "Годишен план 2024 · стр. 1",
    );
  });
});
