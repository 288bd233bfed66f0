/**
 * No import cycles between the project's modules (src, tests, scripts), as ESLint's import-x/no-cycle
 * checked before: a static or dynamic import, or a re-export, of a local module counts; a type-only
 * one does not, as it is gone at run time. Each file is stripped of its types by esbuild, well under
 * a second for the whole tree, where the ESLint rule took about 4.5 s of the cold `npm test`'s CPU.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { transformSync } from "esbuild";
import { describe, expect, it } from "vitest";

const root = new URL("../", import.meta.url).pathname;
/** Folders of generated or test data, as in eslint.config.js's ignores. */
const SKIP = new Set(["data", "node_modules", "dist", ".test-dist", "output", "bench", "fixtures"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return SKIP.has(e.name) ? [] : sourceFiles(join(dir, e.name));
    return /\.(ts|js)$/.test(e.name) && !e.name.endsWith(".d.ts") ? [join(dir, e.name)] : [];
  });
}

/**
 * The module specifiers a file imports at run time: what is left of its static and dynamic imports and
 * re-exports once esbuild has stripped the types (as tests/helpers/build-for-tests.ts compiles src/):
 * type-only imports are gone, and so is an import whose names are used as types only.
 */
export function runtimeImports(source: string, fileName = "x.ts"): string[] {
  const { code } = transformSync(source, {
    loader: fileName.endsWith(".js") ? "js" : "ts",
    format: "esm",
    target: "node20",
    sourcefile: fileName,
    tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: false } },
  });
  const out: string[] = [];
  const patterns = [/^(?:import|export)\b[^;]*?\bfrom\s*"([^"]+)"/gms, /^import\s*"([^"]+)"/gm, /\bimport\s*\(\s*"([^"]+)"\s*\)/g];
  for (const re of patterns) for (const m of code.matchAll(re)) out.push(m[1]);
  return out;
}

/** A cycle of the graph as a list of nodes (first = last), or null. */
function findCycle(graph: Map<string, string[]>): string[] | null {
  const state = new Map<string, "open" | "done">();
  const path: string[] = [];
  const visit = (n: string): string[] | null => {
    state.set(n, "open");
    path.push(n);
    for (const m of graph.get(n) ?? []) {
      if (state.get(m) === "open") return [...path.slice(path.indexOf(m)), m];
      if (!state.has(m)) {
        const c = visit(m);
        if (c) return c;
      }
    }
    path.pop();
    state.set(n, "done");
    return null;
  };
  for (const n of graph.keys()) {
    if (!state.has(n)) {
      const c = visit(n);
      if (c) return c;
    }
  }
  return null;
}

describe("import cycles", () => {
  const files = ["src", "tests", "scripts"].flatMap((d) => sourceFiles(join(root, d)));
  const known = new Set(files);
  /** The local file a specifier names (".js" in the source is the ".ts" file when there is one); null for packages. */
  const local = (from: string, spec: string): string | null => {
    if (!spec.startsWith(".")) return null;
    const target = resolve(dirname(from), spec);
    const source = target.replace(/\.js$/, ".ts");
    return known.has(source) ? source : known.has(target) ? target : null;
  };

  it("finds the modules and their run-time imports", () => {
    expect(files.length).toBeGreaterThan(100);
    const sample = [
      'import {\n  a,\n  b,\n} from "./x.js";',
      'import type { C } from "./y.js";',
      'import { type D } from "./z.js";',
      'import { E } from "./only-a-type.js";',
      'import "./side-effect.js";',
      'export * from "./b.js";',
      'export type { F } from "./c.js";',
      'export const use = (c: C, d: D, e: E) => [a, b, c, d, e, () => import("./d.js")];',
    ].join("\n");
    expect(runtimeImports(sample).sort()).toEqual(["./b.js", "./d.js", "./side-effect.js", "./x.js"]);
  });

  it("has no cycle among src, tests and scripts", () => {
    const graph = new Map<string, string[]>();
    for (const f of files) {
      graph.set(
        f,
        runtimeImports(readFileSync(f, "utf8"), f)
          .map((s) => local(f, s))
          .filter((t): t is string => t !== null),
      );
    }
    expect([...graph.values()].flat().length).toBeGreaterThan(200);
    expect(findCycle(graph)?.map((f) => relative(root, f)) ?? null).toBeNull();
  });

  it("the cycle search finds a cycle when there is one", () => {
    expect(
      findCycle(
        new Map([
          ["a", ["b"]],
          ["b", ["c"]],
          ["c", ["a"]],
          ["d", ["a"]],
        ]),
      ),
    ).toEqual(["a", "b", "c", "a"]);
    expect(
      findCycle(
        new Map([
          ["a", ["b"]],
          ["b", []],
        ]),
      ),
    ).toBeNull();
  });
});
