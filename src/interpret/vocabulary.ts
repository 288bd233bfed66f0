/**
 * The document's own vocabulary: every word that appears unbroken in a line of any cell.
 * Used to decide whether a line-end hyphen splits a word ("обра-" + "зователни") or is real.
 */
import type { Grid } from "../extract/grid.js";

const WORD_RE = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

export function documentVocabulary(grids: Grid[]): Set<string> {
  const vocab = new Set<string>();
  for (const grid of grids) {
    for (const row of grid.rows) {
      for (const cell of row.cells) {
        let previousBroken = false;
        for (const line of cell.lines) {
          const text = line.replace(/\u00ad/g, "").trim();
          const words = text.match(WORD_RE) ?? [];
          // A line that ends in a hyphen may end with the first piece of a broken word, and the next
          // line then starts with the rest: leave those pieces out, keep every other word.
          const broken = /[-\u2010]$/.test(text) || line.trimEnd().endsWith("\u00ad");
          const from = previousBroken ? 1 : 0;
          const to = broken ? words.length - 1 : words.length;
          for (let i = from; i < to; i++) vocab.add(words[i].toLowerCase());
          previousBroken = broken;
        }
      }
    }
  }
  return vocab;
}
