/**
 * The document's own vocabulary: every word that appears unbroken inside a line of any cell.
 * Used to decide whether a line-end hyphen splits a word ("обра-" + "зователни") or is real.
 */
import type { Grid } from "../extract/grid.js";

const WORD_RE = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

export function documentVocabulary(grids: Grid[]): Set<string> {
  const vocab = new Set<string>();
  for (const grid of grids) {
    for (const row of grid.rows) {
      for (const cell of row.cells) {
        for (const line of cell.lines) {
          const words = line.replace(/\u00ad/g, "").match(WORD_RE) ?? [];
          // The first and last word of a line may be pieces of a broken word: leave them out.
          for (let i = 1; i < words.length - 1; i++) vocab.add(words[i].toLowerCase());
        }
      }
    }
  }
  return vocab;
}
