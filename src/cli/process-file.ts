/**
 * One input of a batch: read, convert, write its JSON and workbook. Runs in a worker thread or in
 * the main thread; returns a plain, cloneable result and never throws for a bad input.
 */
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { convertBuffer, readInputFile } from "../convert.js";
import { ConversionFailure, type FailureCode } from "../model/messages.js";
import { PlanDocument } from "../model/schema.js";
import { loadAbbreviations, type AbbreviationTable } from "../normalize/abbreviations.js";
import { writePlanJson } from "../output/json.js";
import { writeReason } from "../file-errors.js";

export interface FileTask {
  /** The input's path as shown (escaped, see display-name.ts). */
  path: string;
  /** The path to open: text, or bytes when the name is not valid UTF-8. */
  source: string | Uint8Array;
  /** Output file name stem, e.g. "plan.pdf" → plan.pdf.json, plan.pdf.xlsx. */
  stem: string;
  outDir: string;
  formats: { json: boolean; xlsx: boolean; html?: boolean };
  force: boolean;
  password?: string;
  maxBytes: number;
  abbreviationsFile?: string;
  ocr?: "auto" | "off";
  /** Time a LibreOffice conversion may take (ms): less than the file's limit (OFFICE_SHARE_OF_FILE_TIMEOUT). */
  officeTimeoutMs?: number;
  /** Send the document back (for all-plans.xlsx); otherwise only its counts. */
  returnDoc: boolean;
}

function done(task: FileTask, doc: PlanDocument, skipped: boolean, ms: number): FileResult {
  return {
    ok: true,
    path: task.path,
    skipped,
    ...(task.returnDoc ? { doc } : {}),
    rows: doc.rows.length,
    warnings: doc.warnings.length,
    ocrPages: skipped ? 0 : doc.warnings.filter((w) => w.code === "ocr-page").length,
    check: doc.review.status === "check",
    pages: doc.source.pages ?? 0,
    ms,
  };
}

export type FileResult =
  | {
      ok: true;
      path: string;
      skipped: boolean;
      /** The document, only when the batch needs it (all-plans.xlsx): it is cloned between processes. */
      doc?: PlanDocument;
      rows: number;
      warnings: number;
      /** Pages read by OCR (scans). */
      ocrPages: number;
      /** The document's review status is "check". */
      check: boolean;
      pages: number;
      ms: number;
    }
  | {
      ok: false;
      path: string;
      code: FailureCode;
      message: string;
      ms: number;
      /** The failure is writing to --out (full, read-only), not the input: the batch stops. */
      outputFault?: boolean;
    };

/** An output that could not be written: the fault of --out, not of the input. */
class OutputFault extends Error {}

const tables = new Map<string, AbbreviationTable>();
function abbreviationsFor(file: string | undefined): AbbreviationTable {
  const key = file ?? "";
  let t = tables.get(key);
  if (!t) {
    t = file ? loadAbbreviations(file) : loadAbbreviations();
    tables.set(key, t);
  }
  return t;
}

export async function processFile(task: FileTask): Promise<FileResult> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  try {
    const bytes = await readInputFile(typeof task.source === "string" ? task.source : Buffer.from(task.source), task.maxBytes);
    const jsonPath = join(task.outDir, `${task.stem}.json`);
    const xlsxPath = join(task.outDir, `${task.stem}.xlsx`);
    const htmlPath = join(task.outDir, `${task.stem}.html`);
    // Skipped only when the JSON of the same bytes exists and so does every other requested output.
    if (!task.force && (!task.formats.xlsx || (await exists(xlsxPath))) && (!task.formats.html || (await exists(htmlPath)))) {
      const previous = await previousOutput(jsonPath, bytes);
      if (previous) return done(task, previous, true, ms());
    }
    const { value } = await convertBuffer(bytes, {
      fileName: basename(task.path),
      password: task.password,
      maxBytes: task.maxBytes,
      abbreviations: abbreviationsFor(task.abbreviationsFile),
      ocr: task.ocr,
      officeTimeoutMs: task.officeTimeoutMs,
    });
    // The workbook first: the JSON, with its sha256, is what marks an input as done for re-runs.
    if (task.formats.xlsx) {
      // Loaded on the first workbook only: a --format json batch never loads exceljs in its workers.
      const { writePlanWorkbook } = await import("../output/workbook.js");
      await writeOutput(xlsxPath, () => writePlanWorkbook([value], xlsxPath));
    }
    if (task.formats.html) {
      // Loaded only when asked for: page rendering (canvas) stays out of the default conversion.
      const { writeReviewPage } = await import("../output/html/review-page.js");
      await writeOutput(htmlPath, async () => {
        await writeReviewPage(value, htmlPath, { bytes, password: task.password });
      });
    }
    if (task.formats.json) await writeOutput(jsonPath, () => writePlanJson(value, jsonPath));
    return done(task, value, false, ms());
  } catch (err) {
    if (err instanceof OutputFault) return { ok: false, path: task.path, code: "io", message: err.message, ms: ms(), outputFault: true };
    if (err instanceof ConversionFailure) return { ok: false, path: task.path, code: err.code, message: err.message, ms: ms() };
    const e = err as NodeJS.ErrnoException;
    if (e && typeof e.code === "string" && /^E[A-Z]+$/.test(e.code)) {
      return { ok: false, path: task.path, code: "io", message: e.message, ms: ms() };
    }
    if (err instanceof RangeError) {
      // V8's own limits (string length, call stack, array size) reached on a hostile input.
      return { ok: false, path: task.path, code: "too-complex", message: `the file is too complex to read: ${e.message}`, ms: ms() };
    }
    return {
      ok: false,
      path: task.path,
      code: "internal",
      message: `unexpected error: ${String(e?.message ?? err).replace(/\s+/g, " ")}; please report this file`,
      ms: ms(),
    };
  }
}

async function writeOutput(path: string, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (err) {
    const reason = writeReason(err);
    throw new OutputFault(`cannot write ${basename(path)} in --out: ${reason}`);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    // an existence probe: a missing output is simply written
    return false;
  }
}

/** The earlier output of the same bytes, when it exists and is valid: then the input is skipped. */
async function previousOutput(jsonPath: string, bytes: Uint8Array): Promise<PlanDocument | null> {
  let text: string;
  try {
    text = await readFile(jsonPath, "utf8");
  } catch {
    // no earlier output: the input is converted
    return null;
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  try {
    const parsed = PlanDocument.safeParse(JSON.parse(text));
    if (parsed.success && parsed.data.source.sha256 === sha256) return parsed.data;
  } catch {
    // An unreadable earlier output is simply redone.
  }
  return null;
}
