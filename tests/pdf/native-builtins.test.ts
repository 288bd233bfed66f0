import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** Run `code` as a module in a fresh Node process (globals untouched by other tests), return its stdout. */
function runFresh(code: string): string {
  // the compiled current src/ (.test-dist/, made by the globalSetup): no TypeScript loader in the child
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", code], { cwd: root, encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.trim();
}

const natives = `const isNative = (f) => /\\{\\s*\\[native code\\]\\s*\\}$/.test(nativeToString.call(f));
const nativeToString = Function.prototype.toString;
const report = () => console.log(JSON.stringify([isNative(Array.prototype.push), isNative(JSON.parse), isNative(JSON.stringify), Function.prototype.toString === nativeToString]));`;

describe("native built-ins where pdf.js is loaded", () => {
  it("pdf.js's polyfills replace them when it is loaded", () => {
    const out = runFresh(`${natives}
await import("./.test-dist/extract/pdf/index.js");
report();`);
    expect(JSON.parse(out)).not.toEqual([true, true, true, true]);
  });

  it("the worker's init hooks put them back once pdf.js and its worker code are loaded", () => {
    const out = runFresh(`${natives}
await import("./.test-dist/extract/pdf/reader/native-builtins.js");
const { workerHooks } = await import("./.test-dist/cli/worker-hooks.js");
for (const hook of workerHooks) await hook.init?.();
const { openPdf } = await import("./.test-dist/extract/pdf/reader/load.js");
const { readFile } = await import("node:fs/promises");
const doc = await openPdf(new Uint8Array(await readFile("fixtures/kazanlak-pld-2024.libreoffice.pdf")));
await (await doc.getPage(1)).getTextContent();
await doc.destroy();
report();`);
    expect(JSON.parse(out)).toEqual([true, true, true, true]);
  });

  it("a library user gets them back too: openPdf loads pdf.js's worker code and puts them back", () => {
    const out = runFresh(`${natives}
const { convertFile } = await import("./.test-dist/convert.js");
await convertFile("fixtures/kazanlak-pld-2024.libreoffice.pdf");
report();`);
    expect(JSON.parse(out)).toEqual([true, true, true, true]);
  });
});
