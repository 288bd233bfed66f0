/**
 * The key under which a responsible party is counted across plans: canonicalParty (abbreviations spelled
 * out, role nouns in one form, lower case) made blind to the spelling variants that do not change who is
 * meant: "началник РУО" / "началник на РУО" (the preposition "на" is dropped everywhere in the key), every
 * kind of dash, quotes of every kind, and letter case.
 */
import { canonicalParty } from "./parties.js";

/** Dashes and minus signs of every kind. */
const DASHES = /[\u2010-\u2015\u2212\u002D]/gu;
/** Quotes of every kind (Bulgarian „…“, typographic, straight, guillemets, primes). */
const QUOTES = /[„“”‟"«»‹›'‘’‚`´]/gu;

export function partyKey(name: string): string {
  return canonicalParty(name)
    .toLowerCase()
    .replace(QUOTES, "")
    .replace(DASHES, "-")
    .replace(/\s*-\s*/gu, "-")
    .replace(/(?<!\p{L})на(?!\p{L})/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}
