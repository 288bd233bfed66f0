import { describe, expect, it } from "vitest";
import { buildWordList, isBulgarianWord, parseAffixes, parseStems } from "../src/interpret/bulgarian-words.js";

describe("Bulgarian word list (hunspell dictionary-bg, suffix rules)", () => {
  it("knows inflected forms of dictionary stems", () => {
    for (const w of ["образователни", "учениците", "детските", "психофизическите", "емоционалното", "Кюстендил"]) {
      expect(isBulgarianWord(w), w).toBe(true);
    }
  });

  it("does not know pieces of broken words", () => {
    for (const w of ["зователни", "емоционалнотоо", "хилендарс", "тивни"]) expect(isBulgarianWord(w), w).toBe(false);
  });

  it("reads stems and suffix rules the way hunspell does", () => {
    const aff = "SET UTF-8\nSFX A Y 2\nSFX A   0   ите   .\nSFX A   я   и     я\n";
    expect(parseAffixes(aff)).toHaveLength(2);
    const dic = "2\nучител/A\nстатия/A\n";
    expect(parseStems(dic).get("учител")).toBe("A");
    const list = buildWordList(aff, dic);
    expect(list.rulesByAdd.get("ите")?.[0].strip).toBe("");
    expect(list.rulesByAdd.get("и")?.[0].strip).toBe("я");
  });
});
