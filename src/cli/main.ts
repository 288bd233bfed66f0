/**
 * plan-extract's command line: convert, compare, schema. A thin layer over the library.
 */
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { DEFAULT_FILE_TIMEOUT_SECONDS, DEFAULT_MAX_INPUT_MB, DEFAULT_WORKER_MEMORY_MB } from "../limits.js";
import { comparisonJsonSchema } from "../model/compare-schema.js";
import { planJsonSchema } from "../model/schema.js";
import { loadAbbreviations } from "../normalize/abbreviations.js";
import { loadThemes } from "../output/themes.js";
import { runConvert } from "./convert-command.js";
import { escapeName } from "./display-name.js";
import { UsageError } from "./usage-error.js";

/** The values --format takes. */
const FORMATS = ["json", "xlsx", "html"] as const;
type Format = (typeof FORMATS)[number];

const HELP = `plan-extract — Bulgarian action plans (PDF, DOCX) → JSON and Excel

Usage:
  plan-extract convert <file-or-folder>... --out <dir> [options]
  plan-extract compare <json-file-or-folder>... --out <workbook.xlsx> [--json <comparison.json>] [--themes <file.json>]
  plan-extract schema            print the JSON Schema of the output
  plan-extract schema --compare  print the JSON Schema of compare --json

convert options:
  --out <dir>               where to write <input>.json, <input>.xlsx, all-plans.xlsx, errors.json
  --concurrency <N>         files converted at once, each in its own worker process (default: CPUs, here ${availableParallelism()})
  --format <list>           outputs to write, comma-separated: ${FORMATS.join(", ")} (default json,xlsx);
                            html adds a review page per document and index.html (and brings json)
  --force                   convert again even when the output of the same bytes exists
  --password <p>            password for encrypted PDFs
  --max-size <MB>           refuse (as too-large) inputs larger than this (default ${DEFAULT_MAX_INPUT_MB})
  --max-memory <MB>         memory cap of one worker; a file beyond it fails as too-complex (default ${DEFAULT_WORKER_MEMORY_MB})
  --timeout <seconds>       time limit of one file; then it fails as timeout (default ${DEFAULT_FILE_TIMEOUT_SECONDS})
  --abbreviations <file>    JSON file of abbreviations that adds to or overrides the bundled table
  --ocr auto|off            read PDF pages without a text layer (scans) by OCR (default auto)
  --quiet                   print only errors

Folders are searched recursively for .pdf, .docx, .doc, .odt and .rtf files (the last three are
read through LibreOffice, which must be installed for them). Exit code: 0 when every input converted,
1 when at least one failed (see <out>/errors.json), 2 for a usage error.
`;

export async function main(
  argv: string[],
  io = { out: process.stdout, err: process.stderr, tty: !!process.stderr.isTTY },
): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === "--help" || command === "-h" || command === "help") {
      io.out.write(HELP);
      return command ? 0 : 2;
    }
    if (command === "--version" || command === "-v") {
      const { createRequire } = await import("node:module");
      const pkg = createRequire(import.meta.url)("../../package.json") as { version: string };
      io.out.write(pkg.version + "\n");
      return 0;
    }
    if (command === "schema") {
      const { values } = parseArgs({ args: rest, options: { compare: { type: "boolean" } } });
      io.out.write(JSON.stringify(values.compare ? comparisonJsonSchema() : planJsonSchema(), null, 2) + "\n");
      return 0;
    }
    if (command === "convert") return await convertCommand(rest, io);
    if (command === "compare") return await compareCommand(rest, io);
    throw new UsageError(`unknown command "${escapeName(command)}"`);
  } catch (err) {
    if (err instanceof UsageError || (err as NodeJS.ErrnoException).code?.startsWith?.("ERR_PARSE_ARGS")) {
      io.err.write(`plan-extract: ${(err as Error).message}\nRun "plan-extract --help" for usage.\n`);
      return 2;
    }
    // Never a stack trace: one line, and where to report it.
    io.err.write(
      `plan-extract: internal error: ${oneLine(err)}\nThis is a bug in plan-extract; please report it with the command you ran.\n`,
    );
    return 1;
  }
}

function oneLine(err: unknown): string {
  const m = err instanceof Error ? err.message : String(err);
  return escapeName(m.replace(/\s+/g, " ").trim()).slice(0, 500);
}

function positiveNumber(value: string | undefined, fallback: number, option: string, unit: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!(n > 0) || !Number.isFinite(n)) throw new UsageError(`${option} takes a number of ${unit} > 0 (got "${escapeName(value)}")`);
  return n;
}

async function convertCommand(
  args: string[],
  io: { out: NodeJS.WritableStream; err: NodeJS.WritableStream; tty: boolean },
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: "string" },
      concurrency: { type: "string" },
      format: { type: "string" },
      force: { type: "boolean" },
      password: { type: "string" },
      "max-size": { type: "string" },
      "max-memory": { type: "string" },
      timeout: { type: "string" },
      abbreviations: { type: "string" },
      quiet: { type: "boolean" },
      ocr: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.out.write(HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError("convert needs at least one file or folder");
  if (!values.out) throw new UsageError("convert needs --out <dir>");
  const concurrency = values.concurrency === undefined ? availableParallelism() : Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError("--concurrency takes a whole number ≥ 1");
  const formats = parseFormats(values.format ?? "json,xlsx");
  const maxMb = positiveNumber(values["max-size"], DEFAULT_MAX_INPUT_MB, "--max-size", "megabytes");
  const maxMemoryMb = Math.round(positiveNumber(values["max-memory"], DEFAULT_WORKER_MEMORY_MB, "--max-memory", "megabytes"));
  if (maxMemoryMb < 64) throw new UsageError("--max-memory takes at least 64 (megabytes)");
  const timeoutSeconds = positiveNumber(values.timeout, DEFAULT_FILE_TIMEOUT_SECONDS, "--timeout", "seconds");
  const ocr = values.ocr ?? "auto";
  if (ocr !== "auto" && ocr !== "off") throw new UsageError(`--ocr takes auto or off (got "${escapeName(ocr)}")`);
  if (values.abbreviations !== undefined) {
    // Checked once here, before any conversion: a bad file is the caller's mistake, not every input's.
    try {
      loadAbbreviations(values.abbreviations);
    } catch (err) {
      throw new UsageError(`--abbreviations: ${oneLine(err)}`);
    }
  }
  return runConvert({
    inputs: positionals,
    outDir: values.out,
    concurrency,
    formats,
    quiet: !!values.quiet,
    force: !!values.force,
    password: values.password,
    maxBytes: Math.round(maxMb * 1024 * 1024),
    maxMemoryMb,
    timeoutSeconds,
    abbreviationsFile: values.abbreviations,
    ocr,
    tty: io.tty,
    out: io.out,
    err: io.err,
  });
}

function parseFormats(text: string): { json: boolean; xlsx: boolean; html: boolean } {
  const parts = text
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const bad = parts.filter((p) => !(FORMATS as readonly string[]).includes(p));
  if (bad.length || parts.length === 0)
    throw new UsageError(`--format takes a comma-separated list of ${FORMATS.join(", ")} (got "${escapeName(text)}")`);
  const has = (f: Format) => parts.includes(f);
  // index.html is built from the plan JSON files in --out: html brings the JSON with it.
  return { json: has("json") || has("html"), xlsx: has("xlsx"), html: has("html") };
}

async function compareCommand(args: string[], io: { out: NodeJS.WritableStream; err: NodeJS.WritableStream }): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: "string" }, json: { type: "string" }, themes: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    io.out.write(HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError("compare needs at least one JSON file or folder");
  if (!values.out && !values.json) throw new UsageError("compare needs --out <workbook.xlsx> or --json <comparison.json>");
  if (values.out && !/\.xlsx$/i.test(values.out)) throw new UsageError("compare --out must name an .xlsx file");
  if (values.themes !== undefined) {
    try {
      loadThemes(values.themes);
    } catch (err) {
      throw new UsageError(`--themes: ${oneLine(err)}`);
    }
  }
  // Loaded only for this command: the comparison workbook (exceljs) stays out of `convert` start-up.
  const { runCompare } = await import("./compare-command.js");
  return runCompare({ inputs: positionals, out: values.out, json: values.json, themesFile: values.themes, stdout: io.out, stderr: io.err });
}
