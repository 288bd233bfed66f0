import { describe, expect, it } from "vitest";
import { documentVocabulary } from "../../src/interpret/vocabulary.js";
import { cell, grid, row } from "./grid-builders.js";

describe("document vocabulary", () => {
  it("keeps whole words at line starts and ends, leaves out the pieces of hyphen-broken words", () => {
    const g = grid(1, [row([cell(0, ["психо-социална подкрепа за обра-", "зователни цели", "психо-"])])]);
    const vocab = documentVocabulary([g]);
    expect(vocab.has("психо-социална")).toBe(true);
    expect(vocab.has("цели")).toBe(true);
    expect(vocab.has("обра")).toBe(false);
    expect(vocab.has("зователни")).toBe(false);
    expect(vocab.has("психо")).toBe(false);
  });
});
