/**
 * The DOCX fixtures (fixtures/*.docx, rendered from the hand-made expected plans) must give grids
 * (with fixtures/<file>.expected.json) that hold every expected row: its number (as the first token of a cell, automatic numbers
 * included) and the start of its activity text. Fails when no DOCX fixture is found.
 * PLAN_FIXTURES_DIR may point at another folder with the same layout.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractDocx } from "../../src/extract/docx/index.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const DIR = process.env.PLAN_FIXTURES_DIR ?? join(ROOT, "fixtures");

interface ExpectedPlan {
  rows: { number: string | null; activity: string }[];
}

function expectedFor(file: string): ExpectedPlan | null {
  const stem = basename(file, ".docx");
  const candidates = [
    join(DIR, `${file}.expected.json`),
    join(DIR, `${stem}.expected.json`),
    join(DIR, "expected", `${stem}.json`),
    join(DIR, "expected", `${stem.split(".")[0]}.json`),
    join(ROOT, "fixtures", "expected", `${stem.split(".")[0]}.json`),
  ];
  const path = candidates.find((c) => existsSync(c));
  return path ? (JSON.parse(readFileSync(path, "utf8")) as ExpectedPlan) : null;
}

const norm = (s: string) => s.replace(/\s+/g, " ").trim();

// A missing folder fails here (readdirSync throws); an empty one fails the first test.
const files = readdirSync(DIR).filter((f) => f.toLowerCase().endsWith(".docx"));
const cases = files.flatMap((f) => {
  const expected = expectedFor(f);
  return expected ? [{ file: f, expected }] : [];
});

describe("DOCX fixtures", () => {
  it("finds DOCX fixtures with an expected JSON", () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases)("$file: every expected row is in the grid", async ({ file, expected }) => {
    const { value: doc } = await extractDocx(new Uint8Array(readFileSync(join(DIR, file))));
    expect(doc.tables.length).toBeGreaterThan(0);
    const rows = doc.tables.flatMap((t) => t.rows);
    const cellTexts = rows.flatMap((r) => r.cells.map((c) => norm(c.lines.join(" "))));
    // numbers: first token of the first cell with text in each row, trailing dot dropped
    const firstTokens = new Map<string, number>();
    for (const r of rows) {
      const first = r.cells.find((c) => c.lines.length > 0);
      const token = first?.lines[0].split(/\s+/)[0]?.replace(/\.$/, "");
      if (token) firstTokens.set(token, (firstTokens.get(token) ?? 0) + 1);
    }
    const wantNumbers = new Map<string, number>();
    for (const row of expected.rows) {
      if (row.number) wantNumbers.set(row.number, (wantNumbers.get(row.number) ?? 0) + 1);
    }
    const missingNumbers = [...wantNumbers].filter(([n, k]) => (firstTokens.get(n) ?? 0) < k).map(([n]) => n);
    expect(missingNumbers).toEqual([]);
    const missingActivities = expected.rows
      .map((r) => norm(r.activity).slice(0, 60))
      .filter((start) => start && !cellTexts.some((t) => t.includes(start)));
    expect(missingActivities).toEqual([]);
    const dataRows = rows.filter((r) => !r.header).length;
    expect(dataRows).toBeGreaterThanOrEqual(expected.rows.length);
  });
});
