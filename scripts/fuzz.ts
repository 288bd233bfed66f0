/**
 * `npm run fuzz [-- --cases N] [-- --seed S] [-- --concurrency N]`: mutates the fixtures (byte flips,
 * truncation, chunk moves; ZIP- and XML-level for DOCX) and converts every mutant in the sandbox.
 * Fails (exit 1) when a mutant ends `internal` or `timeout`, or the batch itself breaks; every such
 * mutant is copied to tests/data/hostile/ as a regression fixture (tests/hostile/regressions.test.ts
 * converts them all). Default 2,000 cases.
 */
import { copyFile, mkdir, readdir } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { basename, join } from "node:path";
import { runBatch, writeMutants } from "./fuzz/run.js";

const root = new URL("../", import.meta.url).pathname;
const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const cases = Number(opt("--cases") ?? 2000);
const firstSeed = Number(opt("--seed") ?? Date.now() % 1_000_000);
const concurrency = Number(opt("--concurrency") ?? availableParallelism());
const fixtures = join(root, "fixtures");
const seeds = (await readdir(fixtures))
  .filter((n) => /\.(pdf|docx)$/i.test(n))
  .sort()
  .map((n) => join(fixtures, n));

console.log(`fuzz: ${cases} mutants of ${seeds.length} fixtures, seeds ${firstSeed}…${firstSeed + cases - 1}, ${concurrency} workers`);
const { dir, how } = await writeMutants({ seeds, cases, firstSeed, timeoutSeconds: 60, maxMemoryMb: 1024, concurrency });
const report = await runBatch(dir, how, { timeoutSeconds: 60, maxMemoryMb: 1024, concurrency });
console.log(
  `${report.seconds.toFixed(0)} s, exit ${report.status}${report.signal ? ` (${report.signal})` : ""}; codes: ${JSON.stringify(report.codes)}`,
);
const regressions = join(root, "tests/data/hostile");
await mkdir(regressions, { recursive: true });
for (const f of report.failures) {
  console.log(`FAIL ${f.code}: ${f.how}: ${f.message}`);
  await copyFile(join(dir, basename(f.file)), join(regressions, basename(f.file)));
}
const broken = report.status !== 0 && report.status !== 1;
if (broken) console.log(`the batch itself broke:\n${report.stderr.slice(-3000)}`);
if (report.failures.length) console.log(`${report.failures.length} mutant(s) kept in tests/data/hostile/`);
process.exitCode = broken || report.failures.length ? 1 : 0;
