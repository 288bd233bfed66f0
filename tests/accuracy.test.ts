/**
 * Accuracy on every fixture with an expected JSON: rows matched by activity text, every field compared
 * strictly. Thresholds only go up (issue: DOCX ≥ 98 %, PDF ≥ 97 %, every expected row found, no extras).
 */
import { describe, expect, it } from "vitest";
import { listFixtures, scoreFixture } from "./harness/accuracy.js";

/** Minimum share of matching fields per fixture kind, and whether every row must be found exactly. */
function thresholdFor(name: string): { share: number; exactRows: boolean } {
  if (name.endsWith(".docx")) return { share: 0.98, exactRows: true };
  if (name.includes(".borderless.")) return { share: 0.5, exactRows: false };
  return { share: 0.97, exactRows: true };
}

const fixtures = await listFixtures();

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
