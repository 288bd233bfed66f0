/**
 * The library's entry points: bytes or a file → a validated plan document and its warnings.
 */
import { createHash } from "node:crypto";
import { constants } from "node:fs";
import { open, stat } from "node:fs/promises";
import { basename } from "node:path";
import type { ExtractedDocument } from "./extract/grid.js";
import { detectFormat, type InputFormat } from "./extract/detect.js";
import { interpretDocument } from "./interpret/index.js";
import { lowConfidenceWarnings } from "./interpret/low-confidence-words.js";
import { reviewDocument } from "./interpret/review.js";
import { loadAbbreviations, type AbbreviationTable } from "./normalize/abbreviations.js";
import { fileKind, readReason } from "./file-errors.js";
import { DEFAULT_MAX_INPUT_MB } from "./limits.js";
import { ConversionFailure, flatMap, toWarning, type Message, type Result } from "./model/messages.js";
import { SCHEMA_VERSION, validatePlan, type PlanDocument } from "./model/schema.js";

export interface ConvertOptions {
  /** The input's file name (without folders), written to source.file. */
  fileName?: string;
  /** Password for an encrypted PDF. */
  password?: string;
  /** Abbreviation table to expand parties with (default: the bundled one). */
  abbreviations?: AbbreviationTable;
  /** Largest input accepted, in bytes (default 200 MB). */
  maxBytes?: number;
  /** OCR of PDF pages without a text layer: "auto" (default) or "off". */
  ocr?: "auto" | "off";
  /** Time one LibreOffice conversion (.doc, .odt, .rtf) may take, in ms (default 120 s). */
  officeTimeoutMs?: number;
}

/**
 * The plan document and the messages raised while reading it, in order; `value.warnings` holds
 * the same messages in the output's flat form.
 */
export type ConvertResult = Result<PlanDocument>;

export const DEFAULT_MAX_BYTES = DEFAULT_MAX_INPUT_MB * 1024 * 1024;

let defaultTable: AbbreviationTable | null = null;
function defaultAbbreviations(): AbbreviationTable {
  defaultTable ??= loadAbbreviations();
  return defaultTable;
}

async function extract(bytes: Uint8Array, format: InputFormat, options: ConvertOptions): Promise<Result<ExtractedDocument>> {
  if (format === "pdf") {
    const { extractPdf } = await import("./extract/pdf/index.js");
    return extractPdf(bytes, { password: options.password, ocr: options.ocr ?? "auto" });
  }
  const { extractDocx } = await import("./extract/docx/index.js");
  if (format === "docx") return extractDocx(bytes);
  // .doc, .odt, .rtf: LibreOffice saves them as DOCX, which is then read like any DOCX.
  const { convertToDocx } = await import("./extract/office/libreoffice.js");
  return extractDocx(await convertToDocx(bytes, format, { timeoutMs: options.officeTimeoutMs }));
}

/**
 * Convert a PDF, DOCX, DOC, ODT or RTF held in memory (the last three need LibreOffice). Throws ConversionFailure (with a `code`) when the input
 * cannot be read as a plan; problems within a readable plan come back as `messages`.
 */
export async function convertBuffer(bytes: Uint8Array, options: ConvertOptions = {}): Promise<ConvertResult> {
  const fileName = options.fileName ?? "input";
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.byteLength > maxBytes) {
    throw new ConversionFailure("too-large", `the file is ${mb(bytes.byteLength)} MB, above the limit of ${mb(maxBytes)} MB`);
  }
  const format = detectFormat(bytes);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const extracted = await extract(format === "pdf" ? bytes.slice() : bytes, format, options);
  const interpreted = flatMap(extracted, (doc) =>
    interpretDocument(doc, { abbreviations: options.abbreviations ?? defaultAbbreviations() }),
  );
  const { document, rows } = interpreted.value;
  // OCR: words read with low confidence are reported with the row they ended up in.
  const messages: Message[] = [...interpreted.messages, ...lowConfidenceWarnings(rows, extracted.value.ocrDoubtfulWords ?? [])];
  const value = validatePlan({
    schemaVersion: SCHEMA_VERSION,
    source: { file: fileName, format, sha256, pages: extracted.value.pages },
    document,
    rows,
    warnings: messages.map(toWarning),
    review: reviewDocument(rows, messages),
  });
  return { value, messages };
}

/** Convert a file on disk. The file is only read, never modified. */
export async function convertFile(path: string, options: ConvertOptions = {}): Promise<ConvertResult> {
  const bytes = await readInputFile(path, options.maxBytes ?? DEFAULT_MAX_BYTES);
  return convertBuffer(bytes, { ...options, fileName: options.fileName ?? basename(path) });
}

const CHUNK = 1024 * 1024;

/**
 * Read an input file, refusing at once what is not a regular file (a folder, device, FIFO, socket)
 * and applying `maxBytes` while reading (a file may report a size of 0 and never end, or grow).
 * Throws ConversionFailure "io" or "too-large". `path` may be bytes: a name that is not UTF-8.
 */
export async function readInputFile(path: string | Buffer, maxBytes: number): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    throw new ConversionFailure("io", `cannot read the file: ${readReason(err)}`);
  }
  if (!info.isFile()) throw new ConversionFailure("io", `not a regular file (${fileKind(info)}): only files are read`);
  if (info.size > maxBytes) throw tooLarge(info.size, maxBytes);
  let handle;
  try {
    // O_NONBLOCK: a FIFO put in place of the file after the check above does not block the open.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    throw new ConversionFailure("io", `cannot read the file: ${readReason(err)}`);
  }
  try {
    const again = await handle.stat();
    if (!again.isFile()) throw new ConversionFailure("io", `not a regular file (${fileKind(again)}): only files are read`);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes - total + 1));
      let bytesRead: number;
      try {
        ({ bytesRead } = await handle.read(buf, 0, buf.length, null));
      } catch (err) {
        throw new ConversionFailure("io", `cannot read the file: ${readReason(err)}`);
      }
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw tooLarge(total, maxBytes, true);
      chunks.push(buf.subarray(0, bytesRead));
    }
    return new Uint8Array(Buffer.concat(chunks, total));
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function tooLarge(size: number, maxBytes: number, whileReading = false): ConversionFailure {
  return new ConversionFailure(
    "too-large",
    whileReading
      ? `the file holds more than the limit of ${mb(maxBytes)} MB (--max-size), whatever size it reports`
      : `the file is ${mb(size)} MB, above the limit of ${mb(maxBytes)} MB (--max-size)`,
  );
}

function mb(n: number): string {
  return (n / (1024 * 1024)).toFixed(1);
}
