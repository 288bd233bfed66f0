/**
 * Files are written under a temporary name beside their target and renamed into place, so a crash
 * or a kill never leaves a half-written output.
 */
import { randomBytes } from "node:crypto";
import { rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

export function temporaryPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
}

/** Write `data`, or let `write` produce the file at the temporary path, then rename it to `target`. */
export async function writeAtomically(target: string, data: string | Uint8Array | ((tmp: string) => Promise<void>)): Promise<void> {
  const tmp = temporaryPathFor(target);
  try {
    if (typeof data === "function") await data(tmp);
    else await writeFile(tmp, data);
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
