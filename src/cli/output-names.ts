/**
 * Output file names for a batch: the input's file name plus ".json" / ".xlsx"; inputs from
 * different folders that share a name get "-2", "-3" … in input order, so names are stable.
 */
import { basename } from "node:path";

export function outputStems(files: string[]): string[] {
  const used = new Map<string, number>();
  return files.map((f) => {
    const base = basename(f);
    const key = base.toLowerCase();
    const n = (used.get(key) ?? 0) + 1;
    used.set(key, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}
