/**
 * `npm run bench [-- --copies N] [-- --large path.pdf]`: speed and memory of batch conversion.
 *
 * 1. Builds a batch in a temporary folder: N copies of every PDF and DOCX fixture (default 30).
 * 2. Converts it with the real command line (dist/, as users run it) with 1 worker and with all
 *    workers; prints documents/s, pages/s and peak RSS of each run.
 * 3. On the same PDFs, times bare pdfjs-dist extraction (getTextContent + getOperatorList on every
 *    page, one thread) and prints our pages/s (1 worker) as a ratio of it.
 * 4. On the same DOCX files, converts them alone with 1 worker, times bare
 *    `mammoth.convertToHtml` (one thread) and our DOCX reader alone (extractDocx, one thread);
 *    prints our documents/s (whole conversion, and reader alone) as a ratio of mammoth's.
 * 5. Converts one large PDF (default bench/large.pdf) in a child process and
 *    prints its pages and the peak RSS.
 * 6. The cost of --format html: the fixture PDFs converted with and without the review pages.
 * `-- --only docx` runs only the DOCX part (step 4).
 * Needs `npm run build` first (it is run by `npm ci`).
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { availableParallelism, cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";

const root = new URL("../", import.meta.url).pathname;
const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const copies = Number(opt("--copies") ?? 30);
const docxOnly = opt("--only") === "docx";
const cores = availableParallelism();

interface RunStats {
  seconds: number;
  maxRssMb: number;
  stdout: string;
}

/** Run a node script in a child process and report its wall time and peak RSS (from the child). */
function runNode(code: string, argv: string[]): Promise<RunStats> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const wrapped = `${code}\nprocess.on("exit", () => process.stderr.write("\\nMAXRSS " + process.resourceUsage().maxRSS + "\\n"));`;
    // GNU time, when there, reports the largest resident size of the process and every worker
    // process it started (the batch converts in child processes, which resourceUsage() does not see).
    const timed = existsSync("/usr/bin/time");
    const nodeArgs = ["--input-type=module", "-e", wrapped, "--", ...argv];
    const child = timed
      ? spawn("/usr/bin/time", ["-f", "TREERSS %M", process.execPath, ...nodeArgs], { cwd: root })
      : spawn(process.execPath, nodeArgs, { cwd: root });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("exit", (code) => {
      const seconds = (performance.now() - started) / 1000;
      const m = /TREERSS (\d+)/.exec(stderr) ?? /MAXRSS (\d+)/.exec(stderr);
      if (code !== 0 && code !== 1) return reject(new Error(`child exited ${code}: ${stderr.slice(-2000)}`));
      resolve({ seconds, maxRssMb: m ? Number(m[1]) / 1024 : NaN, stdout });
    });
  });
}

const convertCode = `
import { main } from ${JSON.stringify(join(root, "dist/cli/main.js"))};
const argv = process.argv.slice(1);
process.exitCode = await main(argv, { out: process.stdout, err: process.stderr, tty: false });
`;

const bareCode = `
import { readFile } from "node:fs/promises";
import { openPdf } from ${JSON.stringify(join(root, "dist/extract/pdf/reader/load.js"))};
const files = process.argv.slice(1);
let pages = 0;
for (const f of files) {
  const doc = await openPdf(new Uint8Array(await readFile(f)));
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    await page.getTextContent();
    await page.getOperatorList();
    page.cleanup();
    pages++;
  }
  await doc.destroy();
}
console.log("PAGES " + pages);
`;

const mammothCode = `
import { readFile } from "node:fs/promises";
import mammoth from "mammoth";
const files = process.argv.slice(1);
for (const f of files) await mammoth.convertToHtml({ buffer: await readFile(f) });
console.log("DOCS " + files.length);
`;

const docxReaderCode = `
import { readFile } from "node:fs/promises";
import { extractDocx } from ${JSON.stringify(join(root, "dist/extract/docx/index.js"))};
const files = process.argv.slice(1);
for (const f of files) await extractDocx(new Uint8Array(await readFile(f)));
console.log("DOCS " + files.length);
`;

async function pdfPages(file: string): Promise<number> {
  const text = (await readFile(file)).toString("latin1");
  // Count /Type /Page objects (not /Pages): good enough for fixtures made by LibreOffice and Chromium.
  return (text.match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

async function main(): Promise<void> {
  await stat(join(root, "dist/cli/main.js")).catch(() => {
    throw new Error("dist/ is missing: run `npm run build` first");
  });
  const fixtures = join(root, "fixtures");
  const inputs = (await readdir(fixtures)).filter((n) => /\.(pdf|docx)$/i.test(n)).sort();
  const batch = await mkdtemp(join(tmpdir(), "pe-bench-"));
  let pdfPagesTotal = 0;
  const pdfFiles: string[] = [];
  const docxFiles: string[] = [];
  for (const name of inputs) {
    const pages = name.endsWith(".pdf") ? await pdfPages(join(fixtures, name)) : 0;
    for (let i = 0; i < copies; i++) {
      const target = join(batch, `${String(i).padStart(3, "0")}-${name}`);
      await copyFile(join(fixtures, name), target);
      if (name.endsWith(".pdf")) {
        pdfFiles.push(target);
        pdfPagesTotal += pages;
      } else docxFiles.push(target);
    }
  }
  const docs = inputs.length * copies;
  console.log(`machine: ${cpus()[0]?.model ?? "?"}, ${cores} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
  console.log(`batch: ${copies} copies of ${inputs.length} fixtures = ${docs} documents (${pdfFiles.length} PDFs, ${pdfPagesTotal} PDF pages)\n`);

  const rows: string[][] = [["run", "docs", "seconds", "docs/s", "PDF pages/s", "peak RSS MB"]];
  const results: Record<string, RunStats> = {};
  const pdfBatch = await mkdtemp(join(tmpdir(), "pe-bench-pdf-"));
  for (const f of pdfFiles) await copyFile(f, join(pdfBatch, f.split("/").pop()!));
  const docxBatch = await mkdtemp(join(tmpdir(), "pe-bench-docx-"));
  for (const f of docxFiles) await copyFile(f, join(docxBatch, f.split("/").pop()!));

  // PDFs only, one worker: the like-for-like comparison with bare pdfjs.
  for (const [label, dir, n, workers] of [
    ["PDFs, 1 worker", pdfBatch, pdfFiles.length, 1],
    [`PDFs, ${cores} workers`, pdfBatch, pdfFiles.length, cores],
    ["PDFs json, 1 worker", pdfBatch, pdfFiles.length, 1],
    ["PDFs json, 2 workers", pdfBatch, pdfFiles.length, 2],
    ["DOCX, 1 worker", docxBatch, docxFiles.length, 1],
    ["all, 1 worker", batch, docs, 1],
    [`all, ${cores} workers`, batch, docs, cores],
  ] as const) {
    if (docxOnly && dir !== docxBatch) continue;
    const out = await mkdtemp(join(tmpdir(), "pe-bench-out-"));
    const format = label.includes("json") ? ["--format", "json"] : [];
    const r = await runNode(convertCode, ["convert", dir, "--out", out, "--concurrency", String(workers), "--quiet", "--force", ...format]);
    results[label] = r;
    const failed = JSON.parse(await readFile(join(out, "errors.json"), "utf8")) as unknown[];
    if (failed.length) throw new Error(`${label}: ${failed.length} input(s) failed: ${JSON.stringify(failed[0])}`);
    rows.push([label, String(n), r.seconds.toFixed(1), (n / r.seconds).toFixed(2), dir === pdfBatch ? (pdfPagesTotal / r.seconds).toFixed(1) : "-", r.maxRssMb.toFixed(0)]);
    await rm(out, { recursive: true, force: true });
  }
  const bare = docxOnly ? null : await runNode(bareCode, pdfFiles);
  if (bare) rows.push(["bare pdfjs (text + operator list), 1 thread", String(pdfFiles.length), bare.seconds.toFixed(1), (pdfFiles.length / bare.seconds).toFixed(2), (pdfPagesTotal / bare.seconds).toFixed(1), bare.maxRssMb.toFixed(0)]);
  // The same PDFs shared between two bare pdf.js processes at once (alternately, so both get the same
  // mix): what the machine itself gives a second core, the yardstick of the runner's scaling.
  let bare2Seconds = 0;
  if (bare) {
    const bare2Started = performance.now();
    const bare2 = await Promise.all([0, 1].map((k) => runNode(bareCode, pdfFiles.filter((_, i) => i % 2 === k))));
    bare2Seconds = (performance.now() - bare2Started) / 1000;
    rows.push(["bare pdfjs, 2 processes at once", String(pdfFiles.length), bare2Seconds.toFixed(1), (pdfFiles.length / bare2Seconds).toFixed(2), (pdfPagesTotal / bare2Seconds).toFixed(1), Math.max(...bare2.map((b) => b.maxRssMb)).toFixed(0)]);
  }
  const bareMammoth = await runNode(mammothCode, docxFiles);
  rows.push(["bare mammoth.convertToHtml, 1 thread", String(docxFiles.length), bareMammoth.seconds.toFixed(1), (docxFiles.length / bareMammoth.seconds).toFixed(2), "-", bareMammoth.maxRssMb.toFixed(0)]);
  const docxReader = await runNode(docxReaderCode, docxFiles);
  rows.push(["our DOCX reader alone (extractDocx), 1 thread", String(docxFiles.length), docxReader.seconds.toFixed(1), (docxFiles.length / docxReader.seconds).toFixed(2), "-", docxReader.maxRssMb.toFixed(0)]);
  printTable(rows);

  const docxRatio = bareMammoth.seconds / results["DOCX, 1 worker"].seconds;
  console.log(`\nours (1 worker) / bare mammoth.convertToHtml DOCX documents/s: ${docxRatio.toFixed(2)}  (target ≥ 1.5)`);
  console.log(`our DOCX reader alone / bare mammoth.convertToHtml documents/s: ${(bareMammoth.seconds / docxReader.seconds).toFixed(2)}`);
  if (bare) {
    pdfSummary(results, pdfPagesTotal, bare);
    const speedup = results["PDFs, 1 worker"].seconds / results[`PDFs, ${cores} workers`].seconds;
    const bareScaling = bare.seconds / bare2Seconds;
    const pdfJson1 = results["PDFs json, 1 worker"].seconds;
    const pdfJson2 = results["PDFs json, 2 workers"].seconds;
    console.log(`two bare pdf.js processes vs one: ${bareScaling.toFixed(2)}×`);
    console.log(`2 workers vs 1 on PDFs, --format json: ${(pdfJson1 / pdfJson2).toFixed(2)}×`);
    console.log(
      `runner scaling / bare scaling: ${(speedup / bareScaling).toFixed(2)} (json,xlsx), ${(pdfJson1 / pdfJson2 / bareScaling).toFixed(2)} (json)  (target ≥ 0.9)`,
    );
  }

  if (!docxOnly) await benchHtml(join(root, "fixtures"));

  const large = docxOnly ? null : (opt("--large") ?? (await largestBenchPdf()));
  if (large) {
    const pages = await pdfPages(large);
    const out = await mkdtemp(join(tmpdir(), "pe-bench-large-"));
    const r = await runNode(convertCode, ["convert", large, "--out", out, "--concurrency", "1", "--quiet", "--force"]);
    console.log(`\nlarge PDF: ${large.replace(root, "")}, ${pages} pages: ${r.seconds.toFixed(1)} s, peak RSS ${r.maxRssMb.toFixed(0)} MB (target < 400 MB)`);
    await rm(out, { recursive: true, force: true });
  }
  await rm(batch, { recursive: true, force: true });
  await rm(pdfBatch, { recursive: true, force: true });
  await rm(docxBatch, { recursive: true, force: true });
}

function pdfSummary(results: Record<string, RunStats>, pdfPagesTotal: number, bare: RunStats): void {
  const ours1 = pdfPagesTotal / results["PDFs, 1 worker"].seconds;
  const bareRate = pdfPagesTotal / bare.seconds;
  console.log(`ours (1 worker) / bare pdfjs pages/s: ${(ours1 / bareRate).toFixed(2)}  (target ≥ 0.75)`);
  const speedup = results["PDFs, 1 worker"].seconds / results[`PDFs, ${cores} workers`].seconds;
  console.log(`${cores} workers vs 1 worker on PDFs: ${speedup.toFixed(2)}×  (target ≥ 1.7 on 2 cores)`);
  const speedupAll = results["all, 1 worker"].seconds / results[`all, ${cores} workers`].seconds;
  console.log(`${cores} workers vs 1 worker on all documents: ${speedupAll.toFixed(2)}×`);
}

/**
 * The cost of --format html: the fixture PDFs (one copy each, 1 worker) converted to JSON, then to
 * JSON and HTML (every page rendered to a JPEG); prints both times and the size of the pages.
 */
async function benchHtml(fixtures: string): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "pe-bench-html-"));
  const pdfs = (await readdir(fixtures)).filter((n) => /\.pdf$/i.test(n));
  let pages = 0;
  for (const n of pdfs) {
    await copyFile(join(fixtures, n), join(dir, n));
    pages += await pdfPages(join(fixtures, n));
  }
  const rows: string[][] = [["--format (fixture PDFs, 1 worker)", "docs", "pages", "seconds", "ms/page", "output MB"]];
  for (const format of ["json", "json,html"]) {
    const out = await mkdtemp(join(tmpdir(), "pe-bench-html-out-"));
    const r = await runNode(convertCode, ["convert", dir, "--out", out, "--concurrency", "1", "--quiet", "--force", "--format", format]);
    let bytes = 0;
    for (const f of await readdir(out)) bytes += (await stat(join(out, f))).size;
    rows.push([format, String(pdfs.length), String(pages), r.seconds.toFixed(1), ((r.seconds * 1000) / pages).toFixed(0), (bytes / 2 ** 20).toFixed(1)]);
    await rm(out, { recursive: true, force: true });
  }
  console.log("");
  printTable(rows);
  await rm(dir, { recursive: true, force: true });
}

async function largestBenchPdf(): Promise<string | null> {
  const dir = join(root, "bench");
  const names = await readdir(dir).catch(() => [] as string[]);
  let best: { path: string; size: number } | null = null;
  for (const n of names.filter((n) => n.endsWith(".pdf"))) {
    const s = (await stat(join(dir, n))).size;
    if (!best || s > best.size) best = { path: join(dir, n), size: s };
  }
  return best?.path ?? null;
}

function printTable(rows: string[][]): void {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const [i, r] of rows.entries()) {
    console.log(r.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join("  "));
    if (i === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
  }
}

await main();
await (await import("./bench-ocr.js")).benchOcr();
