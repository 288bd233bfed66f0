/**
 * OCR speed and memory: converts the scanned fixture(s) in fixtures/scan/ in a child process (the
 * built library, dist/, one Tesseract worker) and prints seconds per OCR page and the peak RSS.
 * `npx tsx scripts/bench-ocr.ts` alone, or from scripts/bench.ts (benchOcr()). Needs `npm run build`.
 */
import { spawn } from "node:child_process";
import { readdir } from "node:fs/promises";
import { loadavg } from "node:os";
import { join } from "node:path";

const root = new URL("../", import.meta.url).pathname;

/** The targets: seconds per A4 page per worker (300 dpi), peak RSS per worker. */
const TARGET_S_PER_PAGE = 3;
const TARGET_RSS_MB = 1024;
const verdict = (ok: boolean) => (ok ? "PASS" : "BELOW");

const childCode = `
const { convertFile } = await import(${JSON.stringify(join(root, "dist/convert.js"))});
const { releaseOcr } = await import(${JSON.stringify(join(root, "dist/extract/ocr/index.js"))});
for (const file of process.argv.slice(1)) {
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  const { value } = await convertFile(file);
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpu0);
  const ocr = value.warnings.filter((w) => w.code === "ocr-page").length;
  console.log(JSON.stringify({ file: value.source.file, pages: value.source.pages, ocr, ms: Math.round(ms), cpuMs: Math.round((cpu.user + cpu.system) / 1000) }));
}
await releaseOcr();
process.stderr.write("MAXRSS " + process.resourceUsage().maxRSS + "\\n");
`;

export async function benchOcr(): Promise<void> {
  const dir = join(root, "fixtures", "scan");
  const files = (await readdir(dir)).filter((n) => n.toLowerCase().endsWith(".pdf")).map((n) => join(dir, n));
  if (files.length === 0) {
    console.log("OCR: no scanned fixture in fixtures/scan");
    return;
  }
  const load = loadavg()[0];
  const { stdout, stderr, code } = await new Promise<{ stdout: string; stderr: string; code: number | null }>((resolve, reject) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", childCode, "--", ...files], { cwd: root });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("close", (c) => resolve({ stdout: out, stderr: err, code: c }));
  });
  if (code !== 0) {
    console.log(`OCR: the run failed (exit ${code}): ${stderr.trim().split("\n").slice(-3).join(" ")}`);
    return;
  }
  const runs = stdout
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { file: string; pages: number; ocr: number; ms: number; cpuMs: number });
  const rss = Number(/MAXRSS (\d+)/.exec(stderr)?.[1] ?? 0) / 1024;
  console.log("\nOCR (one Tesseract worker, whole conversion including interpretation):");
  let ms = 0;
  let cpuMs = 0;
  let pages = 0;
  for (const r of runs) {
    const per = (ms: number) => (ms / 1000 / Math.max(1, r.ocr)).toFixed(1);
    console.log(
      `  ${r.file}: ${r.ocr}/${r.pages} pages by OCR in ${(r.ms / 1000).toFixed(1)} s = ${per(r.ms)} s per OCR page ` +
        `(CPU time, all threads: ${per(r.cpuMs)} s per page)`,
    );
    ms += r.ms;
    cpuMs += r.cpuMs;
    pages += r.ocr;
  }
  // The verdict is on CPU time (one worker's own work): wall time on a shared machine says more about the others.
  const wall = ms / 1000 / Math.max(1, pages);
  const cpu = cpuMs / 1000 / Math.max(1, pages);
  console.log(
    `  ${verdict(cpu <= TARGET_S_PER_PAGE)}: ${cpu.toFixed(1)} s of CPU time per OCR page (wall ${wall.toFixed(1)} s) against the target of ≤ ${TARGET_S_PER_PAGE} s per A4 page per worker`,
  );
  console.log(
    `  ${verdict(rss <= TARGET_RSS_MB)}: peak RSS ${Math.round(rss)} MB against the target of ≤ 1 GB per worker; machine load average at the start ${load.toFixed(1)} on ${(await import("node:os")).availableParallelism()} CPUs`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await benchOcr();
