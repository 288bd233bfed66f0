/**
 * Seeded mutation fuzzing (scripts/fuzz/): mutants of the fixtures and of small test documents are
 * converted in the sandbox by the CLI; none may end `internal` or `timeout` (a hang), the batch
 * must end normally with errors.json, and no worker may pass the memory cap. `npm run fuzz` runs
 * thousands; this runs a fixed, repeatable set (FUZZ_CASES to change how many).
 */
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { runBatch, writeMutants } from "../../scripts/fuzz/run.js";
import { CLI } from "../helpers/cli.js";

const root = new URL("../../", import.meta.url).pathname;
const seeds = [
  "fixtures/kazanlak-pld-2024.docx",
  "fixtures/kazanlak-pld-2024.libreoffice.pdf",
  "tests/pdf/data/dev-ruled.libreoffice.pdf",
  "tests/pdf/data/dev-borderless.chromium.pdf",
  "tests/docx/data/table-merge.docx",
  "tests/docx/data/autonum.docx",
].map((p) => join(root, p));
// The fast tier (npm test) runs a slice; the slow tier (npm run test:full) the full set.
const cases = Number(process.env.FUZZ_CASES ?? (process.env.PLAN_TEST_TIER === "fast" ? 12 : 300));

describe("fuzzed inputs", () => {
  it(`${cases} mutants: no internal error, no hang, no broken batch`, async () => {
    const opts = { seeds, cases, firstSeed: 1, timeoutSeconds: 90, maxMemoryMb: 1024, concurrency: 2 };
    const { dir, how } = await writeMutants(opts);
    const report = await runBatch(dir, how, opts, CLI);
    expect(report.signal).toBeNull();
    expect([0, 1], report.stderr.slice(-2000)).toContain(report.status);
    expect(report.stderr).not.toMatch(/^\s+at .+[:(]\d+/m);
    expect(report.failures, JSON.stringify(report.failures, null, 1)).toEqual([]);
    // The memory cap is a limit for hostile files, never reached by a mutant of a small plan.
    expect(report.stderr).not.toMatch(/memory cap/);
  }, 600_000);
});
