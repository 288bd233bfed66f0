/**
 * The shape of src/extract/pdf, checked statically from the import lines: the pure geometry does
 * not touch pdf.js (nor the reader that does), and no module of the folder imports itself back
 * through others (type-only imports count too).
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const PDF_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../src/extract/pdf");

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

/** Module specifiers of a source text: static imports and re-exports (one or many lines), side-effect and dynamic imports. */
function specifiers(source: string): string[] {
  const out: string[] = [];
  const patterns = [
    /^\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']/gms,
    /^\s*import\s*["']([^"']+)["']/gm,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const re of patterns) for (const m of source.matchAll(re)) out.push(m[1]);
  return out;
}

/** The file a relative specifier names (".js" in the source is the ".ts" file); null for packages. */
function resolveLocal(from: string, spec: string): string | null {
  if (!spec.startsWith(".")) return null;
  return resolve(dirname(from), spec).replace(/\.js$/, ".ts");
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

const files = tsFiles(PDF_DIR);
const importsOf = new Map(files.map((f) => [f, specifiers(readFileSync(f, "utf8"))]));

describe("src/extract/pdf module structure", () => {
  it("finds the folder's modules and their imports", () => {
    expect(files.some((f) => f.includes("/geometry/"))).toBe(true);
    expect(files.some((f) => f.includes("/reader/"))).toBe(true);
    expect(importsOf.get(join(PDF_DIR, "index.ts"))).toContain("./reader/page.js");
    // A multi-line import is seen.
    expect(specifiers('import {\n  a,\n  b,\n} from "./x.js";\nimport type { C } from "../y.js";')).toEqual(["./x.js", "../y.js"]);
  });

  it("geometry/ imports neither pdfjs-dist nor reader/", () => {
    const geometry = files.filter((f) => f.startsWith(join(PDF_DIR, "geometry") + "/"));
    expect(geometry.length).toBeGreaterThan(0);
    const bad: string[] = [];
    for (const f of geometry) {
      for (const spec of importsOf.get(f) ?? []) {
        const target = resolveLocal(f, spec);
        if (spec.startsWith("pdfjs-dist") || (target && target.startsWith(join(PDF_DIR, "reader") + "/"))) {
          bad.push(`${relative(PDF_DIR, f)} imports ${spec}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it("only index.ts uses both reader/ and geometry/", () => {
    const both = files.filter((f) => {
      const targets = (importsOf.get(f) ?? []).map((s) => resolveLocal(f, s) ?? "");
      const uses = (dir: string) => targets.some((t) => t.startsWith(join(PDF_DIR, dir) + "/"));
      return uses("reader") && uses("geometry");
    });
    expect(both.map((f) => relative(PDF_DIR, f))).toEqual(["index.ts"]);
  });

  it("has no import cycle", () => {
    const graph = new Map<string, string[]>();
    for (const f of files) {
      graph.set(
        f,
        (importsOf.get(f) ?? []).map((s) => resolveLocal(f, s)).filter((t): t is string => t !== null && files.includes(t)),
      );
    }
    const cycle = findCycle(graph);
    expect(cycle?.map((f) => relative(PDF_DIR, f)) ?? null).toBeNull();
  });

  it("the cycle search finds a cycle when there is one", () => {
    const g = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a"]],
      ["d", ["a"]],
    ]);
    expect(findCycle(g)).toEqual(["a", "b", "c", "a"]);
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
