import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPlanWorkbook, writePlanWorkbook } from "../../src/output/workbook.js";
import { StyleSharer } from "../../src/output/workbook-styles.js";
import { kazanlak, kyustendil } from "./fixtures.js";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "plan-extract-styles-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Every part of an .xlsx but docProps/core.xml (it holds the time of writing), unzipped. */
async function parts(path: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort()) {
    if (name === "docProps/core.xml" || zip.files[name].dir) continue;
    out.set(name, await zip.files[name].async("string"));
  }
  return out;
}

describe("shared cell styles", () => {
  it("write the same workbook XML as a style object per cell", async () => {
    const shared = join(dir, "shared.xlsx");
    const own = join(dir, "own.xlsx");
    // writePlanWorkbook shares the styles; a workbook written straight by exceljs keeps one per cell.
    await writePlanWorkbook([kyustendil, kazanlak], shared, { summary: true });
    await buildPlanWorkbook([kyustendil, kazanlak], { summary: true }).xlsx.writeFile(own);
    const a = await parts(shared);
    const b = await parts(own);
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [name, xml] of a) expect(xml, name).toBe(b.get(name));
  });

  it("give the cells of one column and value type one style object, and keep the header's apart", () => {
    const book = buildPlanWorkbook([kyustendil]);
    const sheet = book.worksheets[0];
    new StyleSharer().shareWorkbook(book);
    const activity = 8; // "Дейност": text in every row, one look
    const styles = new Set<object>();
    for (let r = 2; r <= sheet.rowCount; r++) styles.add(sheet.getRow(r).getCell(activity).style);
    expect(sheet.rowCount).toBeGreaterThan(2);
    expect(styles.size).toBe(1);
    expect(sheet.getRow(1).getCell(activity).style).not.toBe(sheet.getRow(2).getCell(activity).style);
  });
});
