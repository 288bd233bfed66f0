/**
 * Opening a PDF with pdfjs-dist (legacy build, in-process "fake" worker, nothing fetched from the
 * network: fonts and CMaps come from the package's own folders on disk).
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { loadPdfjsWorkerCode, pdfjs } from "./pdfjs.js";
import type { PDFDocumentProxy, PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { ConversionFailure } from "../../../model/messages.js";

export type { PDFDocumentProxy, PDFPageProxy };

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve("pdfjs-dist/package.json"));
const withSlash = (p: string): string => (p.endsWith("/") ? p : `${p}/`);

/** Folders (with trailing slash) of the font and CMap data shipped inside pdfjs-dist. */
export const PDFJS_DATA = {
  standardFontDataUrl: withSlash(join(packageDir, "standard_fonts")),
  cMapUrl: withSlash(join(packageDir, "cmaps")),
  wasmUrl: withSlash(join(packageDir, "wasm")),
};

export { pdfjs };

/**
 * Opens a document; maps pdfjs errors to ConversionFailure ("encrypted", "damaged").
 * The bytes are copied: pdfjs transfers (detaches) the buffer it is given.
 */
export async function openPdf(bytes: Uint8Array, password?: string, options: { images?: boolean } = {}): Promise<PDFDocumentProxy> {
  if (bytes.length === 0) throw new ConversionFailure("empty", "the file is empty");
  const head = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 1024))).toString("latin1");
  if (!head.includes("%PDF-")) {
    throw new ConversionFailure("damaged", "not a PDF file: no %PDF header");
  }
  await loadPdfjsWorkerCode();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    password,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    stopAtErrors: false,
    // Images are only looked at for OCR: otherwise skip decoding them (scans cost time and memory).
    maxImageSize: options.images ? -1 : 0,
    verbosity: 0,
    ...PDFJS_DATA,
  });
  try {
    return await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    throw toFailure(err);
  }
}

function toFailure(err: unknown): ConversionFailure {
  const e = err as { name?: string; message?: string; code?: number };
  const msg = e?.message ?? String(err);
  if (e?.name === "PasswordException") {
    return new ConversionFailure(
      "encrypted",
      e.code === 2 ? "the PDF is encrypted and the given password is wrong" : "the PDF is encrypted: it needs a password to be opened",
    );
  }
  return new ConversionFailure("damaged", `the PDF cannot be read (damaged or truncated): ${msg}`);
}
