/**
 * Every input that ever failed a fuzz run or a hostile-input check is kept in tests/data/hostile/ and
 * must convert, or fail with a specific code: never internal, never beyond the per-file time limit.
 */
import { readdir } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { runBatch } from "../../scripts/fuzz/run.js";
import { CLI } from "../helpers/cli.js";

const dir = new URL("../data/hostile/", import.meta.url).pathname;

describe("kept hostile inputs", () => {
  it("none ends internal or timeout", async () => {
    const names = (await readdir(dir)).filter((n) => /\.(pdf|docx)$/i.test(n));
    expect(names.length).toBeGreaterThan(0);
    const report = await runBatch(dir, new Map(names.map((n) => [n, n])), { timeoutSeconds: 60, maxMemoryMb: 1024, concurrency: 2 }, CLI);
    expect([0, 1]).toContain(report.status);
    expect(report.failures, JSON.stringify(report.failures, null, 1)).toEqual([]);
    expect(report.codes.internal ?? 0).toBe(0);
  }, 300_000);
});
