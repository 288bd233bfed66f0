/**
 * One Tesseract worker (tesseract.js, Bulgarian LSTM model from @tesseract.js-data/bul) per process or
 * worker thread: created on the first OCR page, reused for every page after it, terminated by
 * releaseOcr() or when the process (thread) ends: between jobs its thread is unref'd, so an idle
 * worker never keeps a process alive. Nothing is downloaded: the model is read from the installed
 * package and tesseract.js-core's wasm from node_modules; no cache file is written.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Worker as TesseractWorker } from "tesseract.js";

const require = createRequire(import.meta.url);

/** Folder of bul.traineddata.gz (the integer LSTM model, smaller and faster than the float one). */
export function bulgarianModelPath(): string {
  return join(dirname(require.resolve("@tesseract.js-data/bul/package.json")), "4.0.0_best_int");
}

export interface OcrWord {
  text: string;
  confidence: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Baseline y under the word's middle. */
  baseline: number;
  /** Height of the word's text line (ascender to descender), pixels. */
  lineHeight: number;
  /** Last word of its text line. */
  eol: boolean;
}

/** Page segmentation: a block of text (a table cell) or a whole page region. */
export type Segmentation = "block" | "auto";

let worker: Promise<TesseractWorker> | null = null;
let queue: Promise<unknown> = Promise.resolve();

/** The Node worker thread tesseract.js runs in (it exposes it as `worker`). */
function thread(w: TesseractWorker): { ref?: () => void; unref?: () => void } | undefined {
  return (w as unknown as { worker?: { ref?: () => void; unref?: () => void } }).worker;
}

async function getWorker(): Promise<TesseractWorker> {
  if (!worker) {
    worker = (async () => {
      const { createWorker, OEM } = await import("tesseract.js");
      return createWorker("bul", OEM.LSTM_ONLY, {
        langPath: bulgarianModelPath(),
        gzip: true,
        cacheMethod: "none",
        logger: () => undefined,
        errorHandler: () => undefined,
      });
    })();
    worker.catch(() => {
      worker = null;
    });
  }
  return worker;
}

/** Terminates the Tesseract worker (a later OCR page creates a new one). */
export async function releaseOcr(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await (await w.catch(() => null))?.terminate().catch(() => undefined);
}

interface TLine {
  bbox: { y0: number; y1: number };
  baseline?: { x0: number; y0: number; x1: number; y1: number };
  words: { text: string; confidence: number; bbox: { x0: number; y0: number; x1: number; y1: number } }[];
}

/** Recognises one image (PGM bytes); calls are queued, one at a time per worker. */
export function recognize(image: Buffer, mode: Segmentation, dpi: number): Promise<OcrWord[]> {
  const job = queue.then(async () => {
    const w = await getWorker();
    thread(w)?.ref?.();
    try {
      return await read(w, image, mode, dpi);
    } finally {
      thread(w)?.unref?.();
    }
  });
  queue = job.catch(() => undefined);
  return job;
}

/**
 * The parameters last sent to each worker: Tesseract keeps them until they are set again
 * (recognize is called without options, so it neither changes nor restores any), so they are sent
 * only when they change — once a page for its cells, not before every cell.
 */
const sentParameters = new WeakMap<TesseractWorker, string>();

async function read(w: TesseractWorker, image: Buffer, mode: Segmentation, dpi: number): Promise<OcrWord[]> {
  {
    const parameters = {
      // PSM 6: one uniform block of text; PSM 3: automatic page segmentation.
      tessedit_pageseg_mode: mode === "block" ? "6" : "3",
      preserve_interword_spaces: "0",
      // the resolution is known from the page: Tesseract then neither guesses it nor says so on stderr
      user_defined_dpi: String(Math.round(dpi)),
      // plans are dark text on light paper: no second pass looking for inverted (white on dark) text
      tessedit_do_invert: "0",
    };
    const key = JSON.stringify(parameters);
    if (sentParameters.get(w) !== key) {
      await w.setParameters(parameters as never);
      sentParameters.set(w, key);
    }
    const { data } = await w.recognize(image, {}, { blocks: true, text: false, hocr: false, tsv: false });
    const words: OcrWord[] = [];
    for (const block of data.blocks ?? []) {
      for (const para of block.paragraphs) {
        for (const line of para.lines as unknown as TLine[]) {
          const n = line.words.length;
          line.words.forEach((wd, i) => {
            const text = wd.text.trim();
            if (!text) return;
            const mid = (wd.bbox.x0 + wd.bbox.x1) / 2;
            const b = line.baseline;
            const baseline = b && b.x1 !== b.x0 ? b.y0 + ((b.y1 - b.y0) * (mid - b.x0)) / (b.x1 - b.x0) : b ? b.y0 : wd.bbox.y1;
            words.push({
              text,
              confidence: wd.confidence,
              ...wd.bbox,
              baseline: Math.min(Math.max(baseline, wd.bbox.y0), wd.bbox.y1 + 2),
              lineHeight: line.bbox.y1 - line.bbox.y0,
              eol: i === n - 1,
            });
          });
        }
      }
    }
    return words;
  }
}
