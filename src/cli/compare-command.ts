/**
 * `plan-extract compare`: contract JSON files of several plans → one comparison workbook, and with
 * `--json FILE` the same figures for scripts (validated by src/model/compare-schema.ts).
 */
import { mkdir, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { writeReason } from "../file-errors.js";
import { validateComparison } from "../model/compare-schema.js";
import { PlanDocument } from "../model/schema.js";
import { reviewDocument } from "../interpret/review.js";
import { buildComparison } from "../output/compare-model.js";
import { writeComparisonWorkbook } from "../output/compare.js";
import { writeAtomically } from "../output/atomic-write.js";
import { loadThemes } from "../output/themes.js";
import { findInputs, JSON_EXTENSIONS } from "./inputs.js";

export interface CompareCommandOptions {
  inputs: string[];
  /** The workbook to write, or undefined for none (then `json` is given). */
  out?: string;
  /** The comparison JSON to write. */
  json?: string;
  themesFile?: string;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/**
 * A JSON written before contract 1.1 has no `review`: it is filled in here from the document's rows and
 * warnings by the same rules convert uses (src/interpret/review.ts), so old outputs can still be compared.
 */
function withReview(parsed: object): object {
  if ("review" in parsed) return parsed;
  const doc = parsed as { rows?: unknown; warnings?: unknown };
  if (!Array.isArray(doc.rows) || !Array.isArray(doc.warnings)) return parsed;
  try {
    return { ...parsed, review: reviewDocument(doc.rows as never, doc.warnings as never) };
  } catch {
    // warnings of an unexpected shape: the schema check that follows reports the document
    return { ...parsed, review: { status: "ok", reasons: [] } };
  }
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
    // errors.json, comparison JSON and other JSON beside the outputs are not plans: pass over them quietly.
    if (Array.isArray(parsed) || typeof parsed !== "object" || parsed === null || !("schemaVersion" in parsed)) continue;
    const result = PlanDocument.safeParse(withReview(parsed));
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
  const data = buildComparison(docs, themes);
  for (const [target, write] of [
    [opts.out, (t: string) => writeComparisonWorkbook(docs, t, { themes, data })],
    [opts.json, (t: string) => writeAtomically(t, JSON.stringify(validateComparison(data.json), null, 2) + "\n")],
  ] as const) {
    if (!target) continue;
    try {
      await mkdir(dirname(target), { recursive: true });
      await write(target);
    } catch (err) {
      opts.stderr.write(`error: cannot write ${target}: ${writeReason(err)}\n`);
      return 1;
    }
  }
  const targets = [opts.out, opts.json].filter((t): t is string => !!t).join(", ");
  opts.stdout.write(
    `${docs.length} document(s), ${data.plans.length} plan(s), ${data.json.changes.length} change(s) between periods compared → ${targets}\n`,
  );
  return failed > 0 ? 1 : 0;
}
