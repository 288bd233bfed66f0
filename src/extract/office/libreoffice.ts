/**
 * .doc / .odt / .rtf → DOCX bytes through LibreOffice (`soffice --headless --convert-to docx`), when
 * soffice is on the PATH. Every conversion runs in its own temporary folder with its own LibreOffice
 * user profile (so parallel conversions in other workers or processes never share a profile or a
 * lock file), is killed after a timeout, and its folder is removed afterwards.
 */
import { spawn } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { pathToFileURL } from "node:url";
import { ConversionFailure } from "../../model/messages.js";

export type OfficeFormat = "doc" | "odt" | "rtf";

/** Default time one LibreOffice conversion may take (the batch gives a share of --timeout instead, src/limits.ts). */
export const DEFAULT_OFFICE_TIMEOUT_MS = 120_000;

export const LIBREOFFICE_PACKAGE_HINT =
  "install LibreOffice (Debian/Ubuntu: apt-get install libreoffice-writer-nogui) so that soffice is on the PATH, or save the file as .docx or PDF";

/** The soffice executable found on the PATH (or in $PATH of `env`), or null. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | null {
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    for (const name of ["soffice", "libreoffice"]) {
      const candidate = join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return null;
}

export interface OfficeOptions {
  timeoutMs?: number;
  /** Environment to find soffice in (default process.env); for tests. */
  env?: NodeJS.ProcessEnv;
}

/** Converts a .doc / .odt / .rtf held in memory to DOCX bytes. */
export async function convertToDocx(bytes: Uint8Array, format: OfficeFormat, opts: OfficeOptions = {}): Promise<Uint8Array> {
  const env = opts.env ?? process.env;
  const soffice = findSoffice(env);
  if (!soffice) {
    throw new ConversionFailure(
      "needs-libreoffice",
      `a .${format} file is read through LibreOffice, which is not installed: ${LIBREOFFICE_PACKAGE_HINT}`,
    );
  }
  const work = await mkdtemp(join(tmpdir(), "plan-extract-office-"));
  try {
    const input = join(work, `input.${format}`);
    const outDir = join(work, "out");
    await writeFile(input, bytes);
    const args = [
      `-env:UserInstallation=${pathToFileURL(join(work, "profile")).href}`,
      "--headless",
      "--invisible",
      "--norestore",
      "--nolockcheck",
      "--nologo",
      "--nodefault",
      "--convert-to",
      "docx:MS Word 2007 XML",
      "--outdir",
      outDir,
      input,
    ];
    const result = await run(soffice, args, { ...env, HOME: work }, opts.timeoutMs ?? DEFAULT_OFFICE_TIMEOUT_MS);
    if (result.timedOut) {
      throw new ConversionFailure(
        "damaged",
        `LibreOffice did not finish converting the .${format} file within ${Math.round((opts.timeoutMs ?? DEFAULT_OFFICE_TIMEOUT_MS) / 1000)} s`,
      );
    }
    const produced = (await readdir(outDir).catch(() => [] as string[])).find((n) => n.toLowerCase().endsWith(".docx"));
    if (!produced) {
      const why = result.output.trim().split("\n").filter(Boolean).slice(-2).join(" ");
      throw new ConversionFailure("damaged", `LibreOffice could not read the .${format} file (damaged?)${why ? `: ${why}` : ""}`);
    }
    return new Uint8Array(await readFile(join(outDir, produced)));
  } finally {
    await rm(work, { recursive: true, force: true }).catch(() => undefined);
  }
}

function run(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<{ code: number | null; output: string; timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    // Its own process group, so that soffice.bin (started by the soffice script) dies with it.
    const child = spawn(cmd, args, { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let output = "";
    const keep = (b: Buffer): void => {
      if (output.length < 8192) output += b.toString("utf8");
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {
        // no process group (already gone, or not its leader): kill the child alone
        child.kill("SIGKILL");
      }
    }, timeoutMs);
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(
        new ConversionFailure(
          "needs-libreoffice",
          `LibreOffice (${cmd}) could not be started: ${err.message}; ${LIBREOFFICE_PACKAGE_HINT}`,
        ),
      );
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output, timedOut });
    });
  });
}
