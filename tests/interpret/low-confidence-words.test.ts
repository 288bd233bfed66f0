/**
 * Low-confidence OCR words are reported with the row they ended up in (page and row), or per page
 * when no row on that page holds them.
 */
import { describe, expect, it } from "vitest";
import { lowConfidenceWarnings } from "../../src/interpret/low-confidence-words.js";
import { row } from "../output/fixtures.js";

describe("lowConfidenceWarnings", () => {
  it("puts each doubtful word into the row on its page that holds it", () => {
    const rows = [
      row({ number: "1", activity: "Организиране на обучения", pages: [1] }),
      row({ number: "2", activity: "Кампании срещу агресията", financing: "От бюджета на МмМКБЛПМН", pages: [1, 2] }),
      row({ number: "3", activity: "Кампании", responsible: { text: "МмМКБЛПМН", parties: [] }, pages: [3] }),
    ];
    const low = lowConfidenceWarnings(rows, [
      { page: 2, word: "МмМКБЛПМН" },
      { page: 2, word: "обуче-" },
      { page: 1, word: "Ме12)" },
    ]);
    expect(low).toHaveLength(3);
    expect(low.every((w) => w.code === "ocr-low-confidence")).toBe(true);
    expect(low[0]).toMatchObject({ place: { page: 2, row: 1 }, stage: "ocr", severity: "warning" });
    expect(low[0].message).toBe('page 2, row 2: read by OCR with low confidence (not in the dictionary either): "МмМКБЛПМН"');
    // "обуче-" is in row 1, but row 1 is not on page 2; "Ме12)" is in no row: reported per page
    expect(low.slice(1).map((w) => [w.place.page, w.place.row])).toEqual([
      [2, null],
      [1, null],
    ]);
    expect(low[1].message).toBe('page 2: read by OCR with low confidence outside the table rows (not in the dictionary either): "обуче-"');
    expect(low[2].message).toContain('"Ме12)"');
  });

  it("gathers the words of one row into one warning, rows in order, and gives none without words", () => {
    const rows = [
      row({ number: null, activity: "Първа дейност Аб1", pages: [4] }),
      row({ number: "7", activity: "Втора дейност Вг2 и Де3", pages: [4] }),
    ];
    const low = lowConfidenceWarnings(rows, [
      { page: 4, word: "Вг2" },
      { page: 4, word: "Аб1" },
      { page: 4, word: "Де3" },
    ]);
    expect(low.map((w) => [w.place.row, w.message])).toEqual([
      [0, 'page 4, row 1: read by OCR with low confidence (not in the dictionary either): "Аб1"'],
      [1, 'page 4, row 7: read by OCR with low confidence (not in the dictionary either): "Вг2", "Де3"'],
    ]);
    expect(lowConfidenceWarnings(rows, [])).toEqual([]);
  });
});
