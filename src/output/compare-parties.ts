/**
 * Responsible parties across plans: one line per party, keyed so that the same party written a little
 * differently ("ст. експерт по ПОО" / "старши експерти по ПОО") is counted once. The key function is
 * canonicalParty from src/normalize/parties.ts (passed in by the caller).
 */
import type { PlanDocument } from "../model/schema.js";

/** One responsible party across the compared plans. */
export interface PartyLine {
  /** The name shown: the most frequent expanded (else printed) form. */
  name: string;
  /** The distinct forms printed in the plans. */
  printed: string[];
  /** Per plan (same order as the documents): how many activities name this party. */
  counts: number[];
}

/**
 * Count, per plan, the activities that name each party. Parties are grouped by `key(expanded ?? text)`;
 * an activity that names a party twice counts once.
 */
export function countParties(docs: PlanDocument[], key: (name: string) => string): PartyLine[] {
  interface Acc {
    names: Map<string, number>;
    printed: Set<string>;
    counts: number[];
    first: number;
  }
  const lines = new Map<string, Acc>();
  let seen = 0;
  docs.forEach((doc, planIndex) => {
    for (const row of doc.rows) {
      const inRow = new Set<string>();
      for (const party of row.responsible.parties) {
        const name = (party.expanded ?? party.text).trim();
        if (name === "") continue;
        const k = key(name);
        if (k === "") continue;
        let acc = lines.get(k);
        if (!acc) {
          acc = { names: new Map(), printed: new Set(), counts: docs.map(() => 0), first: seen++ };
          lines.set(k, acc);
        }
        acc.names.set(name, (acc.names.get(name) ?? 0) + 1);
        acc.printed.add(party.text.trim());
        if (!inRow.has(k)) {
          inRow.add(k);
          acc.counts[planIndex]++;
        }
      }
    }
  });
  return [...lines.values()]
    .map((acc) => ({
      name: [...acc.names.entries()].sort((a, b) => b[1] - a[1])[0][0],
      printed: [...acc.printed],
      counts: acc.counts,
      first: acc.first,
    }))
    .sort((a, b) => {
      const plansA = a.counts.filter((c) => c > 0).length;
      const plansB = b.counts.filter((c) => c > 0).length;
      const totalA = a.counts.reduce((s, c) => s + c, 0);
      const totalB = b.counts.reduce((s, c) => s + c, 0);
      return plansB - plansA || totalB - totalA || a.first - b.first;
    })
    .map(({ name, printed, counts }) => ({ name, printed, counts }));
}
