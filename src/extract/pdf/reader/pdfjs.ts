/**
 * The one door to pdf.js's code (types may be imported from pdfjs-dist directly). The natives that
 * pdf.js's core-js polyfills replace are captured first (native-builtins.ts is evaluated before
 * pdfjs-dist, by the order of the imports below), and put back by `loadPdfjsWorkerCode` once pdf.js's
 * worker code, which carries polyfills too, is loaded.
 */
import { restoreNativeBuiltins } from "./native-builtins.js";
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";

export { pdfjs };

/** pdf.js's worker code (a module without type declarations); its "fake" worker runs it in this process. */
const PDFJS_WORKER_MODULE = "pdfjs-dist/legacy/build/pdf.worker.mjs";

let workerCode: Promise<void> | null = null;

/** Loads pdf.js's worker code once, then puts back the built-ins its polyfills replaced. */
export function loadPdfjsWorkerCode(): Promise<void> {
  workerCode ??= import(PDFJS_WORKER_MODULE).then(() => {
    restoreNativeBuiltins();
  });
  return workerCode;
}
