/**
 * Runs a batch of fuzzed mutants through the real command line (dist/), in the sandbox, and reports
 * every mutant that ended `internal`, hung (`timeout`), or broke the batch. Used by `npm run fuzz`
 * and by tests/hostile/fuzz.test.ts.
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { mutate } from "./mutate.js";

const root = new URL("../../", import.meta.url).pathname;

export interface FuzzOptions {
  seeds: string[];
  cases: number;
  firstSeed: number;
  /** Per-file time limit (s) and memory cap (MB) given to the batch. */
  timeoutSeconds: number;
  maxMemoryMb: number;
  concurrency: number;
}

export interface FuzzFailure {
  file: string;
  how: string;
  code: string;
  message: string;
}

export interface FuzzReport {
  dir: string;
  status: number | null;
  signal: string | null;
  stderr: string;
  failures: FuzzFailure[];
  codes: Record<string, number>;
  seconds: number;
  /** Peak resident size of any worker, MB, as /usr/bin/time cannot see it: from the batch's maxRSS of children. */
}

export async function writeMutants(opts: FuzzOptions): Promise<{ dir: string; how: Map<string, string> }> {
  const dir = await mkdtemp(join(tmpdir(), "pe-fuzz-"));
  const how = new Map<string, string>();
  const seeds = await Promise.all(opts.seeds.map(async (s) => ({ name: basename(s), bytes: new Uint8Array(await readFile(s)) })));
  for (let i = 0; i < opts.cases; i++) {
    const seed = opts.firstSeed + i;
    const src = seeds[i % seeds.length];
    const docx = /\.docx$/i.test(src.name);
    const m = await mutate(src.bytes, seed, docx);
    const name = `fuzz-${seed}-${src.name}`;
    await writeFile(join(dir, name), m.bytes);
    how.set(name, `${src.name} seed ${seed}: ${m.how}`);
  }
  return { dir, how };
}

/**
 * Convert every file of `dir` and sort out the failures that must not happen. `cli` is the script
 * node runs: the built bin/plan-extract.js, or the tests' transpile of the current sources.
 */
export async function runBatch(
  dir: string,
  how: Map<string, string>,
  opts: Pick<FuzzOptions, "timeoutSeconds" | "maxMemoryMb" | "concurrency">,
  cli = join(root, "bin/plan-extract.js"),
): Promise<FuzzReport> {
  const out = await mkdtemp(join(tmpdir(), "pe-fuzz-out-"));
  const started = performance.now();
  const r = spawnSync(
    process.execPath,
    [
      cli,
      "convert",
      dir,
      "--out",
      out,
      "--format",
      "json",
      "--quiet",
      "--concurrency",
      String(opts.concurrency),
      "--timeout",
      String(opts.timeoutSeconds),
      "--max-memory",
      String(opts.maxMemoryMb),
    ],
    { encoding: "utf8", cwd: root, timeout: 30 * 60_000, maxBuffer: 64 * 1024 * 1024 },
  );
  const seconds = (performance.now() - started) / 1000;
  let errors: { file: string; code: string; message: string }[] = [];
  try {
    errors = JSON.parse(await readFile(join(out, "errors.json"), "utf8"));
  } catch {
    // no errors.json: the batch itself broke, reported by status below
  }
  const codes: Record<string, number> = {};
  for (const e of errors) codes[e.code] = (codes[e.code] ?? 0) + 1;
  const converted = (await readdir(out)).filter((n) => n.endsWith(".json") && n !== "errors.json").length;
  codes.ok = converted;
  const failures = errors
    .filter((e) => e.code === "internal" || e.code === "timeout")
    .map((e) => ({ file: e.file, how: how.get(basename(e.file)) ?? "?", code: e.code, message: e.message }));
  return { dir, status: r.status, signal: r.signal, stderr: r.stderr, failures, codes, seconds };
}
