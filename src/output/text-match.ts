/**
 * Activity texts matched across documents (renditions of one plan, or one region's plans of two periods):
 * a general text-similarity rule, not tuned to any plan.
 *
 * - A text becomes a set of word keys: lower case, letters and digits only, words of one or two letters
 *   and pure numbers (years, counts, item numbers) left out, each word cut to its first 6 letters so
 *   that inflected forms ("училища" / "училищата", "учители" / "учителите") are one key.
 * - Similarity is the Dice coefficient of the two sets, 2·|A∩B| / (|A|+|B|), 0 … 1.
 * - Pairs at or above the threshold are assigned one-to-one, best first (ties: earlier texts first), so
 *   renumbering and reordering do not matter and no text is matched twice.
 */

/** Default threshold for "the same activity, lightly edited". */
export const SAME_ACTIVITY = 0.6;

const STEM_LENGTH = 6;

/** The word keys of a text. */
export function wordKeys(text: string): Set<string> {
  const keys = new Set<string>();
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (word.length < 3 || /^\p{N}+$/u.test(word)) continue;
    keys.add(word.slice(0, STEM_LENGTH));
  }
  return keys;
}

/** Dice coefficient of two key sets (1 for two empty sets). */
export function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let common = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const k of small) if (large.has(k)) common++;
  return (2 * common) / (a.size + b.size);
}

/** Similarity of two texts, 0 … 1. */
export function textSimilarity(a: string, b: string): number {
  return dice(wordKeys(a), wordKeys(b));
}

export interface TextPair {
  /** Index into the first list. */
  from: number;
  /** Index into the second list. */
  to: number;
  similarity: number;
}

/**
 * One-to-one pairs of texts of `from` and `to` with similarity ≥ threshold, best first. Candidate pairs come
 * from an index of word keys (texts sharing no key are never compared), so large plans stay fast.
 */
export function matchTexts(from: readonly string[], to: readonly string[], threshold = SAME_ACTIVITY): TextPair[] {
  return matchKeys(from.map(wordKeys), to.map(wordKeys), threshold);
}

/** matchTexts on texts already made into word keys (wordKeys), for texts compared more than once. */
export function matchKeys(a: readonly Set<string>[], b: readonly Set<string>[], threshold = SAME_ACTIVITY): TextPair[] {
  const index = new Map<string, number[]>();
  b.forEach((keys, j) => {
    for (const k of keys) {
      let list = index.get(k);
      if (!list) index.set(k, (list = []));
      list.push(j);
    }
  });
  const candidates: TextPair[] = [];
  a.forEach((keys, i) => {
    const seen = new Set<number>();
    if (keys.size === 0) {
      b.forEach((other, j) => {
        if (other.size === 0) candidates.push({ from: i, to: j, similarity: 1 });
      });
      return;
    }
    for (const k of keys) {
      for (const j of index.get(k) ?? []) {
        if (seen.has(j)) continue;
        seen.add(j);
        const similarity = dice(keys, b[j]);
        if (similarity >= threshold) candidates.push({ from: i, to: j, similarity });
      }
    }
  });
  candidates.sort((x, y) => y.similarity - x.similarity || x.from - y.from || x.to - y.to);
  const usedFrom = new Set<number>();
  const usedTo = new Set<number>();
  const pairs: TextPair[] = [];
  for (const c of candidates) {
    if (usedFrom.has(c.from) || usedTo.has(c.to)) continue;
    usedFrom.add(c.from);
    usedTo.add(c.to);
    pairs.push(c);
  }
  return pairs.sort((x, y) => x.from - y.from);
}
