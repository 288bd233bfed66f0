/**
 * The legacy build of pdfjs-dist carries core-js polyfills that, when pdf.js is loaded, replace for the
 * whole process some built-ins Node already has with JavaScript versions: `Array.prototype.push`,
 * `JSON.parse`, `JSON.stringify`, `Function.prototype.toString` (core-js judges V8's to miss an edge
 * case: a non-writable array length, a 2^32 array-like length, JSON's source-text access). Every push in
 * the converter, exceljs and pdf.js itself then runs through the polyfill: ~15 % of a worker's CPU on PDFs.
 *
 * Every process keeps the natives: they are captured when this module is evaluated (src/extract/pdf/
 * reader/pdfjs.ts, the one module that loads pdf.js's code, imports it first; a batch worker imports it
 * before anything else) and put back once pdf.js's worker code is loaded too (`loadPdfjsWorkerCode`,
 * run by openPdf and by the worker's init hook). What Node lacks (Promise.withResolvers, Set
 * methods, …) keeps its polyfill.
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
