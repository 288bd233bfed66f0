/**
 * The library's entry points: bytes or a file → a validated plan document and its warnings.
 */
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { ConversionFailure, type ExtractedDocument } from "./extract/grid.js";
import { detectFormat, type InputFormat } from "./extract/detect.js";
import { placeLowConfidenceWords } from "./extract/ocr/row-warnings.js";
import { interpretDocument } from "./interpret/index.js";
import { reviewDocument } from "./interpret/review.js";
import { loadAbbreviations, type AbbreviationTable } from "./normalize/abbreviations.js";
import { SCHEMA_VERSION, validatePlan, type PlanDocument, type Warning } from "./model/schema.js";

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

export interface ConvertResult {
  value: PlanDocument;
  warnings: Warning[];
}

export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;

let defaultTable: AbbreviationTable | null = null;
function defaultAbbreviations(): AbbreviationTable {
  defaultTable ??= loadAbbreviations();
  return defaultTable;
}

async function extract(bytes: Uint8Array, format: InputFormat, options: ConvertOptions): Promise<ExtractedDocument> {
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
 * cannot be read as a plan; problems within a readable plan come back as `warnings`.
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
  const interpreted = interpretDocument(extracted, { abbreviations: options.abbreviations ?? defaultAbbreviations() });
  // OCR: words read with low confidence are reported with the row they ended up in.
  interpreted.warnings = placeLowConfidenceWords(interpreted.rows, interpreted.warnings);
  const value = validatePlan({
    schemaVersion: SCHEMA_VERSION,
    source: { file: fileName, format, sha256, pages: extracted.pages },
    document: interpreted.document,
    rows: interpreted.rows,
    warnings: interpreted.warnings,
    review: reviewDocument(interpreted.rows, interpreted.warnings),
  });
  return { value, warnings: value.warnings };
}

/** Convert a file on disk. The file is only read, never modified. */
export async function convertFile(path: string, options: ConvertOptions = {}): Promise<ConvertResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (err) {
    throw new ConversionFailure("io", `cannot read the file: ${(err as Error).message}`);
  }
  if (size > maxBytes) {
    throw new ConversionFailure("too-large", `the file is ${mb(size)} MB, above the limit of ${mb(maxBytes)} MB`);
  }
  const bytes = new Uint8Array(await readFile(path));
  return convertBuffer(bytes, { ...options, fileName: options.fileName ?? basename(path) });
}

function mb(n: number): string {
  return (n / (1024 * 1024)).toFixed(1);
}
