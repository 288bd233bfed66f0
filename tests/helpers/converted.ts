/**
 * convertFile with a cache: several test files convert the same fixtures (accuracy, row boxes, row
 * origin, comparison, review pages). In the fast tier test files share their worker process
 * (isolate: false in vitest.config.ts), so each fixture is converted once per worker, not once per
 * file; and a conversion is also written to .test-dist/converted/ (made empty by the globalSetup at
 * every run, tests/helpers/build-for-tests.ts), so that the other worker reads it instead of
 * converting the fixture again. Each caller gets its own deep copy, so no test sees another's changes.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { convertFile, type ConvertResult } from "../../src/convert.js";
import { CONVERTED } from "./cli.js";

const cache = new Map<string, Promise<ConvertResult>>();

/** The conversion of the file at `path` with the default options, converted at most once per run. */
export async function convertFixture(path: string): Promise<ConvertResult> {
  let result = cache.get(path);
  if (!result) {
    result = convertShared(path);
    cache.set(path, result);
  }
  return structuredClone(await result);
}

/**
 * The conversion another worker of this run wrote, or a new one, written for the others. Only while
 * the globalSetup's folder exists (it does whenever vitest runs with the project's config).
 */
async function convertShared(path: string): Promise<ConvertResult> {
  if (!existsSync(CONVERTED)) return convertFile(path);
  const file = join(CONVERTED, `${createHash("sha256").update(path).digest("hex").slice(0, 32)}.v8`);
  const stored = await readFile(file).catch(() => null);
  if (stored) return deserialize(stored) as ConvertResult;
  const result = await convertFile(path);
  // Written under a name of its own, then renamed: a reader never sees half a file. A copy that
  // cannot be written only means the other worker converts the fixture itself.
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, serialize(result))
    .then(() => rename(temporary, file))
    .catch(() => undefined);
  return result;
}
