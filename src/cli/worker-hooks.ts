/**
 * Per-worker set-up and tear-down of the conversion sandbox: `init` runs once when a worker process
 * starts, before its first file; `dispose` when the batch ends (a killed worker gets no dispose).
 * Add a hook here for anything a worker should create once and reuse (a dictionary, an OCR engine).
 */
import { loadBulgarianWords } from "../interpret/bulgarian-words.js";

/** Set to "0" by the pool (src/cli/pool.ts) for a batch without PDFs: the worker then starts without pdf.js. */
export const PRELOAD_PDF_ENV = "PLAN_EXTRACT_PRELOAD_PDF";

export interface WorkerHook {
  init?(): Promise<void> | void;
  dispose?(): Promise<void> | void;
}

export const workerHooks: WorkerHook[] = [
  {
    // The readers and the hunspell word list are loaded once per worker, before its first file;
    // pdf.js's own worker code too (it runs in this process): once it is loaded the natives its
    // polyfills replaced are put back (src/extract/pdf/reader/pdfjs.ts, native-builtins.ts).
    // A batch without PDFs leaves pdf.js out (the pool says so in PRELOAD_PDF_ENV).
    init: async () => {
      if (process.env[PRELOAD_PDF_ENV] === "0") await import("../extract/docx/index.js");
      else {
        const [, , { loadPdfjsWorkerCode }] = await Promise.all([
          import("../extract/pdf/index.js"),
          import("../extract/docx/index.js"),
          import("../extract/pdf/reader/pdfjs.js"),
        ]);
        await loadPdfjsWorkerCode();
      }
      loadBulgarianWords();
    },
  },
];
