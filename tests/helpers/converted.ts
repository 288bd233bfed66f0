/**
 * convertFile with a cache: several test files convert the same fixtures (accuracy, row boxes, row
 * origin, comparison, review pages). In the fast tier test files share their worker process
 * (isolate: false in vitest.config.ts), so each fixture is converted once per worker, not once per
 * file. Each caller gets its own deep copy, so no test sees another's changes.
 */
import { convertFile, type ConvertResult } from "../../src/convert.js";

const cache = new Map<string, Promise<ConvertResult>>();

/** The conversion of the file at `path` with the default options, converted at most once per process. */
export async function convertFixture(path: string): Promise<ConvertResult> {
  let result = cache.get(path);
  if (!result) {
    result = convertFile(path);
    cache.set(path, result);
  }
  return structuredClone(await result);
}
