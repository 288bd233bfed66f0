/**
 * Output file names for a batch: the input's file name plus ".json" / ".xlsx"; inputs from
 * different folders that share a name get "-2", "-3" … in input order, so names are stable.
 */
import { basename } from "node:path";
import { fitBytes } from "../output/fit-bytes.js";

/**
 * Longest stem in bytes: the stem, a "-N" and ".xlsx" must fit the 255 bytes a file name may have.
 */
const MAX_STEM_BYTES = 240;

export function outputStems(files: string[]): string[] {
  const used = new Map<string, number>();
  return files.map((f) => {
    const base = fitBytes(basename(f), MAX_STEM_BYTES);
    const key = base.toLowerCase();
    const n = (used.get(key) ?? 0) + 1;
    used.set(key, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}
