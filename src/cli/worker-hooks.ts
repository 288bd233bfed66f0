/**
 * Per-worker set-up and tear-down of the conversion sandbox: `init` runs once when a worker process
 * starts, before its first file; `dispose` when the batch ends (a killed worker gets no dispose).
 * Add a hook here for anything a worker should create once and reuse (a dictionary, an OCR engine).
 */
import { loadBulgarianWords } from "../interpret/bulgarian-words.js";
import { restoreNativeBuiltins } from "./native-builtins.js";

/** pdf.js's worker code (a module without type declarations; pdf.js uses it when it is loaded). */
const PDFJS_WORKER_MODULE = "pdfjs-dist/legacy/build/pdf.worker.mjs";

export interface WorkerHook {
  init?(): Promise<void> | void;
  dispose?(): Promise<void> | void;
}

export const workerHooks: WorkerHook[] = [
  {
    // The readers and the hunspell word list are loaded once per worker, before its first file;
    // pdf.js's own worker code too (it runs in this process), so that its polyfills are all in place
    // when the natives they replaced are put back (src/cli/native-builtins.ts).
    init: async () => {
      await Promise.all([
        import("../extract/pdf/index.js"),
        import(PDFJS_WORKER_MODULE),
        import("../extract/docx/index.js"),
      ]);
      restoreNativeBuiltins();
      loadBulgarianWords();
    },
  },
];
