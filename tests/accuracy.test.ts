/**
 * Accuracy on every fixture with an expected JSON: rows matched by activity text, every field compared
 * strictly. Thresholds only go up (issue: DOCX ≥ 98 %, PDF ≥ 97 %, every expected row found, no extras).
 */
import { describe, expect, it } from "vitest";
import { LAYOUT_FIXTURES } from "../scripts/fixtures/layouts.js";
import { listFixtures, scoreFixture, type FixtureScore } from "./harness/accuracy.js";

/**
 * Minimum share of matching fields per fixture kind. The issues asked for DOCX ≥ 98 % and PDF ≥ 97 %;
 * these floors are where the code stands (100 % DOCX, 99.7–100 % PDF at the time of writing), a little
 * below it so that an unrelated rounding does not fail the suite. Raise them, never lower them.
 * Every expected row must be found and no extra row made, on every fixture.
 */
function thresholdFor(name: string): { share: number; exactRows: boolean } {
  if (name.endsWith(".docx")) return { share: 0.995, exactRows: true };
  return { share: 0.99, exactRows: true };
}

/** The floor of every layout-variant fixture (fixtures/layouts/, issue 12): ≥ 99 % of fields, every row. */
const LAYOUT_FLOOR = 0.99;

/**
 * Layout fixtures the code does not read well enough yet. Each is asserted to be STILL below the floor,
 * so this list stays honest: when the code gets there, its test fails until the name is removed here
 * (and the fixture then has to stay at the floor like every other).
 */
const KNOWN_GAPS: string[] = [];

// fixtures/office (needs LibreOffice) and fixtures/scan (OCR) have their own tests: tests/office, tests/ocr.
const fixtures = (await listFixtures()).filter((n) => !n.startsWith("office/") && !n.startsWith("scan/"));
const summaryOf = (name: string, s: FixtureScore): string =>
  `${name}: ${(s.share * 100).toFixed(1)}% fields, ${s.foundRows}/${s.expectedRows} rows, ${s.extraRows} extra${
    s.documentMismatches.length ? `, document fields off: ${s.documentMismatches.map((m) => m.field).join(",")}` : ""
  }${s.error ? `, error: ${s.error}` : ""}`;
const meetsFloor = (s: FixtureScore, share: number): boolean =>
  s.error === undefined && s.share >= share && s.foundRows === s.expectedRows && s.extraRows === 0 && s.documentMismatches.length === 0;

describe("accuracy on the fixtures", () => {
  it("has fixtures to measure", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(9);
  });

  for (const name of fixtures.filter((n) => !n.includes("/"))) {
    it(name, async () => {
      const score = await scoreFixture(name);
      const { share, exactRows } = thresholdFor(name);
      const summary = summaryOf(name, score);
      console.log(summary);
      expect(score.error, summary).toBeUndefined();
      expect(score.share, summary).toBeGreaterThanOrEqual(share);
      if (exactRows) {
        expect(score.foundRows, summary).toBe(score.expectedRows);
        expect(score.extraRows, summary).toBe(0);
      }
      expect(score.documentMismatches, summary).toEqual([]);
    });
  }
});

describe("accuracy on the layout-variant fixtures (fixtures/layouts/)", () => {
  const names = LAYOUT_FIXTURES.map((f) => `layouts/${f.file}`);

  it("are all there with their expected JSON (at least 24, at least 8 per producer)", () => {
    for (const n of names) expect(fixtures, `${n} or its expected JSON is missing`).toContain(n);
    expect(names.length).toBeGreaterThanOrEqual(24);
    for (const route of ["docx", "docx-pdf", "chromium-pdf"]) {
      expect(LAYOUT_FIXTURES.filter((f) => f.route === route).length).toBeGreaterThanOrEqual(8);
    }
    for (const gap of KNOWN_GAPS) expect(names, `KNOWN_GAPS names an unknown fixture ${gap}`).toContain(gap);
  });

  for (const name of names) {
    if (KNOWN_GAPS.includes(name)) {
      it(`${name} (known gap: still below the floor)`, async () => {
        const score = await scoreFixture(name);
        const summary = summaryOf(name, score);
        console.log(summary);
        expect(meetsFloor(score, LAYOUT_FLOOR), `${summary} — reaches the floor now: remove it from KNOWN_GAPS`).toBe(false);
      });
      continue;
    }
    it(name, async () => {
      const score = await scoreFixture(name);
      const summary = summaryOf(name, score);
      console.log(summary);
      expect(score.error, summary).toBeUndefined();
      expect(score.share, summary).toBeGreaterThanOrEqual(LAYOUT_FLOOR);
      expect(score.foundRows, summary).toBe(score.expectedRows);
      expect(score.extraRows, summary).toBe(0);
      expect(score.documentMismatches, summary).toEqual([]);
    });
  }
});
