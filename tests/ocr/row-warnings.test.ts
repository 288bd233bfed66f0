/**
 * Low-confidence OCR words are reported with the row they ended up in (page and row), or per page
 * when no row on that page holds them; other warnings pass through unchanged.
 */
import { describe, expect, it } from "vitest";
import { doubtfulWordWarning, placeLowConfidenceWords } from "../../src/extract/ocr/row-warnings.js";
import { message } from "../../src/model/messages.js";
import { row } from "../output/fixtures.js";

describe("placeLowConfidenceWords", () => {
  it("puts each doubtful word into the row on its page that holds it", () => {
    const rows = [
      row({ number: "1", activity: "Организиране на обучения", pages: [1] }),
      row({ number: "2", activity: "Кампании срещу агресията", financing: "От бюджета на МмМКБЛПМН", pages: [1, 2] }),
      row({ number: "3", activity: "Кампании", responsible: { text: "МмМКБЛПМН", parties: [] }, pages: [3] }),
    ];
    const other = message("ocr-page", "page 2 was read by OCR", { page: 2 });
    const out = placeLowConfidenceWords(rows, [
      other,
      doubtfulWordWarning(2, "МмМКБЛПМН"),
      doubtfulWordWarning(2, "обуче-"),
      doubtfulWordWarning(1, "Ме12)"),
    ]);
    expect(out[0]).toEqual(other);
    const low = out.filter((w) => w.code === "ocr-low-confidence");
    expect(low).toHaveLength(3);
    expect(low[0]).toMatchObject({ place: { page: 2, row: 1 }, stage: "ocr", severity: "warning" });
    expect(low[0].message).toContain("row 2");
    expect(low[0].message).toContain('"МмМКБЛПМН"');
    // "обуче-" is in row 1, but row 1 is not on page 2; "Ме12)" is in no row: reported per page
    expect(low.slice(1).map((w) => [w.place.page, w.place.row])).toEqual([
      [2, null],
      [1, null],
    ]);
    expect(low[1].message).toContain('"обуче-"');
    expect(low[2].message).toContain('"Ме12)"');
  });
});
