/**
 * The command line as the tests run it: `node .test-dist/run-cli.js …`, the current src/ transpiled
 * by the globalSetup (tests/helpers/build-for-tests.ts), the same code that bin/plan-extract.js runs
 * from dist/ once built.
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { join } from "node:path";

const root = new URL("../../", import.meta.url).pathname;

export const TEST_DIST = join(root, ".test-dist");
/** The script to give node: runs the CLI's main() with the arguments that follow. */
export const CLI = join(TEST_DIST, "run-cli.js");
/** Fixture conversions shared by the test workers of one run (tests/helpers/converted.ts). */
export const CONVERTED = join(TEST_DIST, "converted");

export function runCli(args: string[], timeout = 300_000): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", cwd: root, timeout });
}
