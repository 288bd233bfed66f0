/**
 * The V8 flags of a conversion worker: V8's helper thread does garbage collection and optimising
 * compilation beside the worker while a core is spare; when the workers fill every core, that work runs
 * on each worker's own thread. Every flag set must be one this Node accepts (a flag it does not know
 * would stop every worker at start).
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { workerV8Flags } from "../../src/cli/pool.js";

const background = ["--single-threaded-gc", "--no-concurrent-recompilation", "--interrupt-budget=135168"];

describe("workerV8Flags", () => {
  it("keeps the helper thread while a core is spare", () => {
    const flags = workerV8Flags({ maxMemoryMb: 1536, workers: 1 }, 2);
    expect(flags).toContain("--max-old-space-size=1536");
    expect(flags).toContain("--v8-pool-size=1");
    for (const f of background) expect(flags).not.toContain(f);
  });

  it("moves GC and optimising compilation onto the worker when the workers fill the cores", () => {
    for (const [workers, cores] of [
      [2, 2],
      [4, 2],
      [1, 1],
    ]) {
      const flags = workerV8Flags({ maxMemoryMb: 800, workers }, cores);
      expect(flags).toContain("--max-old-space-size=800");
      for (const f of background) expect(flags).toContain(f);
    }
  });

  it("every flag set starts a Node process", () => {
    for (const workers of [1, 2]) {
      const r = spawnSync(process.execPath, [...workerV8Flags({ maxMemoryMb: 256, workers }, 2), "-e", "process.stdout.write('ok')"], {
        encoding: "utf8",
      });
      expect(r.stderr).toBe("");
      expect(r.stdout).toBe("ok");
      expect(r.status).toBe(0);
    }
  });
});
