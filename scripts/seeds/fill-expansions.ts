/**
 * One-off helper for the expected fixtures: proposes `expanded` for every party of a seed's
 * expected JSON with the abbreviation table, and prints each distinct (party → expanded) pair so a
 * person can review them. Run: npx tsx scripts/seeds/fill-expansions.ts fixtures/expected/X.json [--write]
 * Reviewed overrides (where the table's answer was judged wrong) are applied from the OVERRIDES map.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { loadAbbreviations } from "../../src/normalize/abbreviations.js";
import { splitParties } from "../../src/normalize/parties.js";
import type { PlanDocument } from "../../src/model/schema.js";

const OVERRIDES: Record<string, string | null> = {};

const [file, flag] = process.argv.slice(2);
const doc = JSON.parse(readFileSync(file, "utf8")) as PlanDocument;
const table = loadAbbreviations();
const pairs = new Map<string, string | null>();
for (const row of doc.rows) {
  for (const party of row.responsible.parties) {
    const split = splitParties([party.text], table);
    const proposed = split.length === 1 && split[0].text === party.text ? split[0].expanded : null;
    const expanded = party.text in OVERRIDES ? OVERRIDES[party.text] : proposed;
    party.expanded = expanded;
    pairs.set(party.text, expanded);
  }
}
for (const [text, expanded] of [...pairs].sort()) console.log(`${text}  →  ${expanded}`);
if (flag === "--write") writeFileSync(file, JSON.stringify(doc, null, 2) + "\n");
