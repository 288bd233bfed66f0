/**
 * Files are written under a temporary name beside their target and renamed into place, so a crash
 * or a kill never leaves a half-written output.
 */
import { randomBytes } from "node:crypto";
import { rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { fitBytes } from "./fit-bytes.js";

/** Longest file name most file systems accept, in bytes. */
const NAME_MAX_BYTES = 255;

export function temporaryPathFor(target: string): string {
  const suffix = `.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  // The temporary name must fit wherever the target's name fits: the target's name is shortened.
  const base = fitBytes(basename(target), NAME_MAX_BYTES - 1 - suffix.length);
  return join(dirname(target), `.${base}${suffix}`);
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

const TEMP_RE = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/**
 * Remove temporary files that a killed earlier run left in `dir` (those of a process no longer
 * alive). Returns how many were removed.
 */
export async function sweepStaleTemporaries(dir: string): Promise<number> {
  const { readdir } = await import("node:fs/promises");
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    // no folder to sweep yet: nothing stale in it
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const m = TEMP_RE.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid !== process.pid && isAlive(pid)) continue;
    await rm(join(dir, name), { force: true });
    removed++;
  }
  return removed;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
