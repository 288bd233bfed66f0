/**
 * Accuracy on every fixture with an expected JSON: rows matched by activity text, every field compared
 * strictly. Thresholds only go up (issue: DOCX ≥ 98 %, PDF ≥ 97 %, every expected row found, no extras).
 */
import { describe, expect, it } from "vitest";
import { listFixtures, scoreFixture } from "./harness/accuracy.js";

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

// fixtures/office (needs LibreOffice) and fixtures/scan (OCR) have their own tests: tests/office, tests/ocr.
const fixtures = (await listFixtures()).filter((n) => !n.startsWith("office/") && !n.startsWith("scan/"));

describe("accuracy on the fixtures", () => {
  it("has fixtures to measure", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(9);
  });

  for (const name of fixtures) {
    it(name, async () => {
      const score = await scoreFixture(name);
      const { share, exactRows } = thresholdFor(name);
      const summary = `${name}: ${(score.share * 100).toFixed(1)}% fields, ${score.foundRows}/${score.expectedRows} rows, ${score.extraRows} extra`;
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
