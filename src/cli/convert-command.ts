/**
 * `plan-extract convert`: every input converted with bounded concurrency on worker threads; one bad
 * input never stops the batch; errors.json and the all-plans workbook written at the end.
 */
import { mkdir } from "node:fs/promises";
import { join, relative } from "node:path";
import pLimit from "p-limit";
import type { ConversionError } from "../model/schema.js";
import { AllPlansWriter } from "../output/all-plans-stream.js";
import { sweepStaleTemporaries, writeAtomically } from "../output/atomic-write.js";
import { findInputs, PLAN_EXTENSIONS } from "./inputs.js";
import { outputStems } from "./output-names.js";
import { createExecutor } from "./pool.js";
import type { FileResult, FileTask } from "./process-file.js";
import { Progress } from "./progress.js";

export interface ConvertCommandOptions {
  inputs: string[];
  outDir: string;
  concurrency: number;
  formats: { json: boolean; xlsx: boolean; html?: boolean };
  quiet: boolean;
  force: boolean;
  password?: string;
  maxBytes: number;
  abbreviationsFile?: string;
  ocr?: "auto" | "off";
  tty: boolean;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

/** Returns the exit code: 0 all converted, 1 at least one failed. */
export async function runConvert(opts: ConvertCommandOptions): Promise<number> {
  const { files, missing } = await findInputs(opts.inputs, PLAN_EXTENSIONS);
  await mkdir(opts.outDir, { recursive: true });
  await sweepStaleTemporaries(opts.outDir);
  const errors: ConversionError[] = missing.map((m) => ({ file: m.path, code: "io", message: m.message }));
  for (const m of missing) opts.err.write(`error: ${m.path}: ${m.message} [io]\n`);

  const stems = outputStems(files);
  const progress = new Progress({ total: files.length, quiet: opts.quiet, tty: opts.tty, out: opts.out, err: opts.err });
  const executor = createExecutor(Math.min(opts.concurrency, Math.max(1, files.length)));
  const limit = pLimit(Math.max(1, opts.concurrency));
  // all-plans.xlsx is streamed as documents finish (in input order), so no batch-wide array is kept.
  const allPlans = opts.formats.xlsx && files.length > 0 ? new AllPlansWriter(join(opts.outDir, "all-plans.xlsx")) : null;
  // Failures by input index, so errors.json lists them in input order whatever order they finish in.
  const failures: (ConversionError | undefined)[] = new Array(files.length);
  let converted = 0;
  let skipped = 0;
  try {
    await Promise.all(
      files.map((file, i) =>
        limit(async () => {
          const task: FileTask = {
            path: file,
            stem: stems[i],
            outDir: opts.outDir,
            formats: opts.formats,
            force: opts.force,
            password: opts.password,
            maxBytes: opts.maxBytes,
            abbreviationsFile: opts.abbreviationsFile,
            ocr: opts.ocr,
          };
          const result: FileResult = await executor.run(task);
          const display = relative(process.cwd(), file) || file;
          progress.file(result, display);
          allPlans?.add(i, result.ok ? result.doc : null);
          if (result.ok) {
            if (result.skipped) skipped++;
            else converted++;
          } else {
            failures[i] = { file: display, code: result.code, message: result.message };
          }
        }),
      ),
    );
  } catch (err) {
    await allPlans?.abort();
    throw err;
  } finally {
    await executor.close();
  }

  await allPlans?.close();
  errors.push(...failures.filter((f): f is ConversionError => f !== undefined));
  await writeAtomically(join(opts.outDir, "errors.json"), JSON.stringify(errors, null, 2) + "\n");
  // The overview of every plan JSON in --out, with links to the review pages.
  if (opts.formats.html) await (await import("../output/html/index-page.js")).writeIndexPage(opts.outDir);
  progress.finish(
    `${files.length} input(s): ${converted} converted, ${skipped} unchanged, ${errors.length} failed → ${opts.outDir}`,
  );
  return errors.length > 0 ? 1 : 0;
}
