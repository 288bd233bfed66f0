/**
 * `plan-extract compare`: contract JSON files of several plans → one comparison workbook.
 */
import { mkdir, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { PlanDocument } from "../model/schema.js";
import { writeComparisonWorkbook } from "../output/compare.js";
import { loadThemes } from "../output/themes.js";
import { findInputs, JSON_EXTENSIONS } from "./inputs.js";

export interface CompareCommandOptions {
  inputs: string[];
  out: string;
  themesFile?: string;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export async function runCompare(opts: CompareCommandOptions): Promise<number> {
  const { files, missing } = await findInputs(opts.inputs, JSON_EXTENSIONS);
  let failed = missing.length;
  for (const m of missing) opts.stderr.write(`error: ${m.path}: ${m.message}\n`);
  const docs: PlanDocument[] = [];
  for (const { display: file, fsPath } of files) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(fsPath, "utf8"));
    } catch (err) {
      opts.stderr.write(`error: ${file}: not readable JSON (${(err as Error).message})\n`);
      failed++;
      continue;
    }
    // errors.json and other JSON beside the outputs are not plans: pass over them quietly.
    if (Array.isArray(parsed) || typeof parsed !== "object" || parsed === null || !("schemaVersion" in parsed)) continue;
    const result = PlanDocument.safeParse(parsed);
    if (!result.success) {
      opts.stderr.write(`error: ${file}: not a plan-extract document (${result.error.issues[0]?.message ?? "invalid"})\n`);
      failed++;
      continue;
    }
    docs.push(result.data);
  }
  if (docs.length === 0) {
    opts.stderr.write("error: no plan documents to compare\n");
    return 1;
  }
  const themes = loadThemes(opts.themesFile);
  try {
    await mkdir(dirname(opts.out), { recursive: true });
    await writeComparisonWorkbook(docs, opts.out, { themes });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    opts.stderr.write(`error: cannot write ${opts.out}: ${e?.code ?? e?.message ?? String(err)}\n`);
    return 1;
  }
  opts.stdout.write(`${docs.length} plan(s) compared → ${opts.out}\n`);
  return failed > 0 ? 1 : 0;
}
