import { defineConfig } from "vitest/config";

/**
 * Two tiers. `npm test` runs the "fast" project: every area, with a smaller fuzz run and one hostile
 * batch. The "slow" project holds what needs LibreOffice, a browser or OCR, and the full fuzz case
 * count and the one-worker hostile batch; `npm run test:full` (plain `vitest run`) runs both.
 * PLAN_TEST_TIER tells a test file which project runs it.
 */
const SLOW_ONLY = [
  "tests/html/browser.test.ts",
  "tests/ocr/scan.test.ts",
  "tests/ocr/turned.test.ts",
  "tests/ocr/mixed.test.ts",
  "tests/office/office.test.ts",
  "tests/office/batch.test.ts",
];
/** Files that run in both tiers, with less work in the fast one (they read PLAN_TEST_TIER). */
const BOTH = ["tests/hostile/fuzz.test.ts", "tests/hostile/batch.test.ts"];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    // vitest's default is one worker fewer than the cores: a single worker on a 2-core machine.
    maxWorkers: 2,
    hookTimeout: 60_000,
    // The CLI tests run the current src/, transpiled into .test-dist/ once per run.
    globalSetup: ["tests/helpers/build-for-tests.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "fast",
          include: ["tests/**/*.test.ts"],
          exclude: SLOW_ONLY,
          env: { PLAN_TEST_TIER: "fast" },
          // Test files share their worker process: modules load once per worker, not once per file,
          // and a fixture converted by one file is reused by the next (tests/helpers/converted.ts).
          isolate: false,
        },
      },
      {
        extends: true,
        test: { name: "slow", include: [...SLOW_ONLY, ...BOTH], env: { PLAN_TEST_TIER: "slow" } },
      },
    ],
  },
});
