/**
 * `plan-extract convert`: every input converted in the sandbox (src/cli/pool.ts), a bounded number at
 * once; one bad input never stops the batch; errors.json and the all-plans workbook written at the end.
 * An --out that cannot be written (read-only, full) stops the batch with a clear message and exit 1,
 * keeping what was written.
 */
import { mkdir, rm } from "node:fs/promises";
import { join, relative } from "node:path";
import pLimit from "p-limit";
import type { ConversionError, PlanDocument } from "../model/schema.js";
import type { AllPlansWriter } from "../output/all-plans-stream.js";
import { sweepStaleTemporaries, writeAtomically } from "../output/atomic-write.js";
import { escapeName } from "./display-name.js";
import { findInputs, PLAN_EXTENSION_NAMES, PLAN_EXTENSIONS, WORD_EXTENSIONS_PATTERN } from "./inputs.js";
import { outputStems } from "./output-names.js";
import { createExecutor } from "./pool.js";
import { writeReason } from "../file-errors.js";
import { OFFICE_SHARE_OF_FILE_TIMEOUT } from "../limits.js";
import type { FileResult, FileTask } from "./process-file.js";
import { Progress } from "./progress.js";
import { UsageError } from "./usage-error.js";

export interface ConvertCommandOptions {
  inputs: string[];
  outDir: string;
  concurrency: number;
  formats: { json: boolean; xlsx: boolean; html?: boolean };
  quiet: boolean;
  force: boolean;
  password?: string;
  maxBytes: number;
  /** Memory cap of one worker, MB. */
  maxMemoryMb: number;
  /** Time limit of one file, seconds. */
  timeoutSeconds: number;
  abbreviationsFile?: string;
  ocr?: "auto" | "off";
  tty: boolean;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

/** Returns the exit code: 0 all converted, 1 at least one failed (or --out could not be written). */
export async function runConvert(opts: ConvertCommandOptions): Promise<number> {
  const { files, missing } = await findInputs(opts.inputs, PLAN_EXTENSIONS);
  if (files.length === 0 && missing.length === 0) {
    throw new UsageError(
      `no ${PLAN_EXTENSION_NAMES} files in ${opts.inputs.map((p) => `"${escapeName(p)}"`).join(", ")} (folders are searched recursively)`,
    );
  }
  const outShown = escapeName(opts.outDir);
  try {
    await mkdir(opts.outDir, { recursive: true });
  } catch (err) {
    opts.err.write(`error: cannot create the output folder ${outShown}: ${writeReason(err)}\n`);
    return 1;
  }
  await sweepStaleTemporaries(opts.outDir);
  const unwritable = await probeWritable(opts.outDir);
  if (unwritable) {
    opts.err.write(`error: cannot write to the output folder ${outShown}: ${unwritable}\n`);
    return 1;
  }
  const errors: ConversionError[] = missing.map((m) => ({ file: m.path, code: "io", message: m.message }));
  for (const m of missing) opts.err.write(`error: ${m.path}: ${m.message} [io]\n`);

  const displays = files.map((f) => (typeof f.fsPath === "string" ? escapeName(relative(process.cwd(), f.fsPath) || f.fsPath) : f.display));
  const stems = outputStems(displays);
  const progress = new Progress({ total: files.length, quiet: opts.quiet, tty: opts.tty, out: opts.out, err: opts.err });
  const workers = Math.max(1, Math.min(opts.concurrency, files.length));
  // The workers start now, while this process loads exceljs for all-plans.xlsx.
  const executor = createExecutor({
    workers,
    maxMemoryMb: opts.maxMemoryMb,
    timeoutMs: opts.timeoutSeconds * 1000,
    prestart: files.length > 0,
    // Only names that say "not a PDF" leave pdf.js out of the workers' start.
    preloadPdf: !files.every((f) => WORD_EXTENSIONS_PATTERN.test(typeof f.fsPath === "string" ? f.fsPath : f.fsPath.toString("latin1"))),
  });
  const limit = pLimit(workers);
  // all-plans.xlsx is streamed as documents finish (in input order), so no batch-wide array is kept.
  let allPlans: AllPlansWriter | null = null;
  let outputFault: string | null = null;
  if (opts.formats.xlsx && files.length > 0) {
    try {
      // Loaded only when asked for: exceljs costs every start-up ~0.3 s of CPU.
      const { AllPlansWriter } = await import("../output/all-plans-stream.js");
      allPlans = new AllPlansWriter(join(opts.outDir, "all-plans.xlsx"));
    } catch (err) {
      outputFault = `cannot write all-plans.xlsx in ${outShown}: ${writeReason(err)}`;
    }
  }
  // A document's rows are appended to all-plans.xlsx on the next turn of the event loop, once the worker
  // that converted it has been given its next file: the append is synchronous work (~40 ms a plan), and
  // done at once it kept that worker waiting for this process.
  const addToAllPlans = (index: number, doc: PlanDocument | null): void => {
    const writer = allPlans;
    if (!writer) return;
    setImmediate(() => {
      try {
        writer.add(index, doc);
      } catch (err) {
        outputFault ??= `cannot write all-plans.xlsx in ${outShown}: ${writeReason(err)}`;
      }
    });
  };
  // Failures by input index, so errors.json lists them in input order whatever order they finish in.
  const failures: (ConversionError | undefined)[] = new Array(files.length);
  let converted = 0;
  let skipped = 0;
  let notRun = 0;
  try {
    await Promise.all(
      files.map((file, i) =>
        limit(async () => {
          if (outputFault) {
            // --out cannot take more: the remaining inputs are not converted.
            notRun++;
            addToAllPlans(i, null);
            return;
          }
          const task: FileTask = {
            path: displays[i],
            source: typeof file.fsPath === "string" ? file.fsPath : new Uint8Array(file.fsPath),
            stem: stems[i],
            outDir: opts.outDir,
            formats: opts.formats,
            force: opts.force,
            password: opts.password,
            maxBytes: opts.maxBytes,
            abbreviationsFile: opts.abbreviationsFile,
            ocr: opts.ocr,
            officeTimeoutMs: Math.round(opts.timeoutSeconds * 1000 * OFFICE_SHARE_OF_FILE_TIMEOUT),
            returnDoc: allPlans !== null,
          };
          const result: FileResult = await executor.run(task);
          const display = displays[i];
          if (!result.ok && result.outputFault) {
            outputFault ??= result.message;
            notRun++;
            addToAllPlans(i, null);
            return;
          }
          progress.file(result, display);
          addToAllPlans(i, result.ok ? (result.doc ?? null) : null);
          if (result.ok) {
            if (result.skipped) skipped++;
            else converted++;
          } else {
            failures[i] = { file: display, code: result.code, message: result.message };
          }
        }),
      ),
    );
  } finally {
    await executor.close();
    // The appends still queued (setImmediate runs callbacks in the order they were queued).
    await new Promise((resolve) => setImmediate(resolve));
  }

  if (allPlans) {
    try {
      if (outputFault) await allPlans.abort();
      else await allPlans.close();
    } catch (err) {
      outputFault ??= `cannot write all-plans.xlsx in ${outShown}: ${writeReason(err)}`;
      await allPlans.abort().catch(() => undefined);
    }
  }
  errors.push(...failures.filter((f): f is ConversionError => f !== undefined));
  try {
    await writeAtomically(join(opts.outDir, "errors.json"), JSON.stringify(errors, null, 2) + "\n");
  } catch (err) {
    outputFault ??= `cannot write errors.json in ${outShown}: ${writeReason(err)}`;
  }
  // The overview of every plan JSON in --out, with links to the review pages.
  if (opts.formats.html && !outputFault) {
    try {
      await (await import("../output/html/index-page.js")).writeIndexPage(opts.outDir);
    } catch (err) {
      outputFault = `cannot write index.html in ${outShown}: ${writeReason(err)}`;
    }
  }
  if (outputFault) {
    progress.finish(
      `${files.length} input(s): ${converted} converted, ${skipped} unchanged, ${errors.length} failed, ${notRun} not converted`,
    );
    opts.err.write(`error: the output folder cannot be written, the batch stopped: ${outputFault}\n`);
    return 1;
  }
  progress.finish(`${files.length} input(s): ${converted} converted, ${skipped} unchanged, ${errors.length} failed → ${outShown}`);
  return errors.length > 0 ? 1 : 0;
}

/** Why nothing can be written in `dir`, or null when a small file can be written and removed. */
async function probeWritable(dir: string): Promise<string | null> {
  try {
    await writeAtomically(join(dir, ".plan-extract-probe"), "");
    await rm(join(dir, ".plan-extract-probe"), { force: true });
    return null;
  } catch (err) {
    return writeReason(err);
  }
}
