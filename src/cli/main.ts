/**
 * plan-extract's command line: convert, compare, schema. A thin layer over the library.
 */
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { comparisonJsonSchema } from "../model/compare-schema.js";
import { planJsonSchema } from "../model/schema.js";
import { runCompare } from "./compare-command.js";
import { runConvert } from "./convert-command.js";

const HELP = `plan-extract — Bulgarian action plans (PDF, DOCX) → JSON and Excel

Usage:
  plan-extract convert <file-or-folder>... --out <dir> [options]
  plan-extract compare <json-file-or-folder>... --out <workbook.xlsx> [--json <comparison.json>] [--themes <file.json>]
  plan-extract schema            print the JSON Schema of the output
  plan-extract schema --compare  print the JSON Schema of compare --json

convert options:
  --out <dir>               where to write <input>.json, <input>.xlsx, all-plans.xlsx, errors.json
  --concurrency <N>         files converted at once, on worker threads (default: CPUs, here ${availableParallelism()})
  --format <list>           outputs to write, any of json, xlsx, html (default json,xlsx);
                            html adds a review page per document and index.html
  --force                   convert again even when the output of the same bytes exists
  --password <p>            password for encrypted PDFs
  --max-size <MB>           skip (as an error) inputs larger than this (default 200)
  --abbreviations <file>    JSON file of abbreviations that adds to or overrides the bundled table
  --ocr auto|off            read PDF pages without a text layer (scans) by OCR (default auto)
  --quiet                   print only errors

Folders are searched recursively for .pdf, .docx, .doc, .odt and .rtf files (the last three are
read through LibreOffice, which must be installed for them). Exit code: 0 when every input converted,
1 when at least one failed (see <out>/errors.json), 2 for a usage error.
`;

class UsageError extends Error {}

export async function main(argv: string[], io = { out: process.stdout, err: process.stderr, tty: !!process.stderr.isTTY }): Promise<number> {
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
    throw new UsageError(`unknown command "${command}"`);
  } catch (err) {
    if (err instanceof UsageError || (err as NodeJS.ErrnoException).code?.startsWith?.("ERR_PARSE_ARGS")) {
      io.err.write(`plan-extract: ${(err as Error).message}\nRun "plan-extract --help" for usage.\n`);
      return 2;
    }
    throw err;
  }
}

async function convertCommand(args: string[], io: { out: NodeJS.WritableStream; err: NodeJS.WritableStream; tty: boolean }): Promise<number> {
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
  const maxMb = values["max-size"] === undefined ? 200 : Number(values["max-size"]);
  if (!(maxMb > 0)) throw new UsageError("--max-size takes a number of megabytes > 0");
  const ocr = values.ocr ?? "auto";
  if (ocr !== "auto" && ocr !== "off") throw new UsageError(`--ocr takes auto or off (got "${ocr}")`);
  return runConvert({
    ocr,
    inputs: positionals,
    outDir: values.out,
    concurrency,
    formats,
    quiet: !!values.quiet,
    force: !!values.force,
    password: values.password,
    maxBytes: Math.round(maxMb * 1024 * 1024),
    abbreviationsFile: values.abbreviations,
    tty: io.tty,
    out: io.out,
    err: io.err,
  });
}

function parseFormats(text: string): { json: boolean; xlsx: boolean; html: boolean } {
  const parts = text.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
  const bad = parts.filter((p) => p !== "json" && p !== "xlsx" && p !== "html");
  if (bad.length || parts.length === 0) throw new UsageError(`--format takes a list of json, xlsx, html (got "${text}")`);
  const html = parts.includes("html");
  // index.html is built from the plan JSON files in --out: html brings the JSON with it.
  return { json: html || parts.includes("json"), xlsx: parts.includes("xlsx"), html };
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
  return runCompare({ inputs: positionals, out: values.out, json: values.json, themesFile: values.themes, stdout: io.out, stderr: io.err });
}
