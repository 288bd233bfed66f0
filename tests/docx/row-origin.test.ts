/** Every DOCX row says which table and table row it was read from; PDF-only boxes are absent. */
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { convertFixture } from "../helpers/converted.js";

const dir = join(import.meta.dirname, "../../fixtures");
const docxs = (await readdir(dir)).filter((f) => f.toLowerCase().endsWith(".docx")).sort();

describe("row origin on the DOCX fixtures", () => {
  it("has the DOCX fixtures", () => {
    expect(docxs.length).toBeGreaterThanOrEqual(4);
  });
  for (const name of docxs) {
    it(name, async () => {
      const { value } = await convertFixture(join(dir, name));
      let last = { table: -1, row: -1 };
      for (const row of value.rows) {
        expect(row.boxes).toBeUndefined();
        expect(row.origin).toBeDefined();
        const o = row.origin!;
        // In document order, one source row per plan row.
        expect(o.table > last.table || (o.table === last.table && o.row > last.row)).toBe(true);
        last = o;
      }
    });
  }
});
