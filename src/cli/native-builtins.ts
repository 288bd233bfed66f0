/**
 * The legacy build of pdfjs-dist carries core-js polyfills that, when pdf.js is loaded, replace for the
 * whole process some built-ins Node already has with JavaScript versions: `Array.prototype.push`,
 * `JSON.parse`, `JSON.stringify`, `Function.prototype.toString` (core-js judges V8's to miss an edge
 * case: a non-writable array length, a 2^32 array-like length, JSON's source-text access). Every push in
 * the converter, exceljs and pdf.js itself then runs through the polyfill: ~15 % of a worker's CPU on PDFs.
 *
 * A worker keeps the natives: they are captured when this module is evaluated (src/cli/worker.ts imports
 * it before anything that loads pdf.js) and put back once pdf.js and its worker code are loaded
 * (src/cli/worker-hooks.ts). What Node lacks (Promise.withResolvers, Set methods, …) keeps its polyfill.
 */
type Holder = Record<PropertyKey, unknown>;

const NATIVES: [object, string][] = [
  [Array.prototype, "push"],
  [JSON, "parse"],
  [JSON, "stringify"],
  [Function.prototype, "toString"],
];

const saved = NATIVES.map(([holder, key]) => ({ holder, key, descriptor: Object.getOwnPropertyDescriptor(holder, key) }));

/** Put back the built-ins captured at start where something replaced them; returns how many. */
export function restoreNativeBuiltins(): number {
  let restored = 0;
  for (const { holder, key, descriptor } of saved) {
    if (!descriptor || (holder as Holder)[key] === descriptor.value) continue;
    Object.defineProperty(holder, key, descriptor);
    restored++;
  }
  return restored;
}
