/**
 * vitest globalSetup: the command line that the CLI tests run is the current src/, never a stale
 * dist/. Every src/**\/*.ts is transpiled (esbuild, no type check: `npm test` type-checks once with
 * tsc) into .test-dist/, beside src/ so that paths relative to the modules (package.json, the JSON
 * tables, the conversion worker) hold as in dist/. Takes well under a second. Also makes the empty
 * folder where the test workers share their fixture conversions (tests/helpers/converted.ts). Done
 * again before each rerun in watch mode, so that a rerun sees the changed sources.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { transformSync } from "esbuild";
import type { TestProject } from "vitest/node";
import { CONVERTED, TEST_DIST } from "./cli.js";

const root = new URL("../../", import.meta.url).pathname;
const src = join(root, "src");

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

export default function setup(project: TestProject): void {
  build();
  project.onTestsRerun(build);
}

function build(): void {
  rmSync(TEST_DIST, { recursive: true, force: true });
  for (const file of walk(src)) {
    const target = join(TEST_DIST, relative(src, file));
    mkdirSync(dirname(target), { recursive: true });
    if (file.endsWith(".ts")) {
      const { code } = transformSync(readText(file), {
        loader: "ts",
        format: "esm",
        platform: "node",
        target: "node20",
        supported: { "import-attributes": true },
        sourcefile: file,
        tsconfigRaw: { compilerOptions: { useDefineForClassFields: true, verbatimModuleSyntax: false } },
      });
      writeFileSync(target.replace(/\.ts$/, ".js"), code);
    } else copyFileSync(file, target);
  }
  writeFileSync(
    join(TEST_DIST, "run-cli.js"),
    'import { main } from "./cli/main.js";\nprocess.exitCode = await main(process.argv.slice(2));\n',
  );
  mkdirSync(CONVERTED);
}

function readText(file: string): string {
  return readFileSync(file, "utf8");
}
