/**
 * Every PDF row carries boxes, one per page its cells lie on, and each box encloses the row's text
 * on that page. The text's positions come from our own page reader (readPage), not from the boxes'
 * code path: a line of text that belongs to one row only (found in no other row) must lie inside
 * that row's box on its page.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { convertFixture } from "../helpers/converted.js";
import { openPdf } from "../../src/extract/pdf/reader/load.js";
import type { TextItem } from "../../src/extract/pdf/page-content.js";
import { readPage } from "../../src/extract/pdf/reader/page.js";
import type { Row } from "../../src/model/schema.js";
import { rowText } from "../../src/interpret/low-confidence-words.js";

const dir = join(import.meta.dirname, "../../fixtures");
const pdfs = (await readdir(dir)).filter((f) => f.toLowerCase().endsWith(".pdf")).sort();
const squash = (s: string): string => s.replace(/[\s\u00ad-]+/g, "").toLowerCase();

const rowWords = (r: Row): string => squash(rowText(r));

describe("row boxes on the PDF fixtures", () => {
  it("has the PDF fixtures", () => {
    expect(pdfs.length).toBeGreaterThanOrEqual(5);
  });

  for (const name of pdfs) {
    it(`${name}: every row's boxes enclose its text`, async () => {
      const bytes = new Uint8Array(await readFile(join(dir, name)));
      const { value } = await convertFixture(join(dir, name));
      const rows = value.rows;
      const texts = rows.map(rowWords);
      // Headings (a merged "Мярка" cell often repeats its row's words) are not the row's own text.
      const headings = [...new Set(rows.flatMap((r) => r.sections.map((h) => squash(h.title))))];
      const doc = await openPdf(bytes.slice());
      const items = new Map<number, TextItem[]>();
      try {
        for (let n = 1; n <= doc.numPages; n++) items.set(n, (await readPage(await doc.getPage(n), n)).items);
      } finally {
        await doc.destroy();
      }
      let checkedRows = 0;
      const outside: string[] = [];
      rows.forEach((row, i) => {
        // One box per page, in page order, each a real area on a page of the document.
        expect(row.boxes, `row ${i} has boxes`).toBeDefined();
        const boxes = row.boxes!;
        expect(boxes.length).toBeGreaterThan(0);
        // One box per page the row covers.
        expect(boxes.map((b) => b.page)).toEqual(row.pages);
        for (const b of boxes) {
          expect(b.x1).toBeGreaterThan(b.x0);
          expect(b.y1).toBeGreaterThan(b.y0);
          expect(b.page).toBeLessThanOrEqual(value.source.pages!);
          expect(row.pages).toContain(b.page);
        }
        let checked = false;
        for (const page of row.pages) {
          for (const it of items.get(page) ?? []) {
            if (it.rot) continue;
            const s = squash(it.str);
            if (s.length < 12 || !texts[i].includes(s)) continue;
            if (texts.some((t, j) => j !== i && t.includes(s)) || headings.some((h) => h.includes(s))) continue;
            const box = boxes.find((b) => b.page === page);
            const inside =
              box !== undefined &&
              it.x >= box.x0 - 0.5 &&
              it.x2 <= box.x1 + 0.5 &&
              it.y - it.size * 0.7 >= box.y0 - 0.5 &&
              it.y <= box.y1 + 0.5;
            if (!inside) outside.push(`row ${i} (${row.number ?? "-"}) p.${page}: "${it.str}" at ${it.x.toFixed(1)},${it.y.toFixed(1)}`);
            checked = true;
          }
        }
        if (checked) checkedRows++;
      });
      expect(outside).toEqual([]);
      // Nearly every row has a line of its own to check against.
      expect(checkedRows).toBeGreaterThanOrEqual(Math.floor(rows.length * 0.9));
    });
  }
});
