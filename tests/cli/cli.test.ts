/**
 * The command line as a person uses it: a folder of good and bad files, errors.json, exit codes,
 * the outputs of the good files complete and valid; a killed run leaves no partial output.
 */
import { spawn, spawnSync } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { PlanDocument } from "../../src/model/schema.js";

const root = new URL("../../", import.meta.url).pathname;
const bin = join(root, "bin/plan-extract.js");
const fixtures = join(root, "fixtures");

function run(args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", cwd: root, timeout: 300_000 });
}

async function firstFixture(re: RegExp): Promise<string | null> {
  const names = (await readdir(fixtures)).filter((n) => re.test(n)).sort();
  return names.length ? join(fixtures, names[0]) : null;
}

describe("plan-extract command line", () => {
  let batch: string;
  let pdf: string | null;
  let docx: string | null;

  beforeAll(async () => {
    batch = await mkdtemp(join(tmpdir(), "pe-batch-"));
    pdf = await firstFixture(/\.libreoffice\.pdf$/);
    docx = await firstFixture(/^[^.]+\.docx$/);
    if (pdf) await copyFile(pdf, join(batch, "good.pdf"));
    if (docx) {
      await mkdir(join(batch, "sub"), { recursive: true });
      await copyFile(docx, join(batch, "sub", "good.DOCX"));
    }
    await writeFile(join(batch, "empty.pdf"), "");
    await writeFile(join(batch, "notes.docx"), "this is plain text, not a document");
    if (pdf) {
      const bytes = await readFile(pdf);
      await writeFile(join(batch, "truncated.pdf"), bytes.subarray(0, Math.floor(bytes.length / 3)));
    }
    const zip = new JSZip();
    zip.file("[Content_Types].xml", "<Types/>");
    await writeFile(join(batch, "nodoc.docx"), await zip.generateAsync({ type: "nodebuffer" }));
    await writeFile(join(batch, "ignored.txt"), "not an input");
  });

  it("prints help listing the three commands", () => {
    const r = run(["--help"]);
    expect(r.status).toBe(0);
    for (const c of ["convert", "compare", "schema"]) expect(r.stdout).toContain(`plan-extract ${c}`);
  });

  it("prints the JSON Schema", () => {
    const r = run(["schema"]);
    expect(r.status).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.properties.rows.type).toBe("array");
  });

  it("exits 2 on a usage error", () => {
    expect(run(["convert", "x"]).status).toBe(2);
    expect(run(["frobnicate"]).status).toBe(2);
  });

  it("converts the good files of a folder, reports each bad one, and exits 1", async () => {
    const out = await mkdtemp(join(tmpdir(), "pe-out-"));
    const r = run(["convert", batch, "--out", out, "--concurrency", "2"]);
    expect(r.status).toBe(1);
    const errors = JSON.parse(await readFile(join(out, "errors.json"), "utf8")) as { file: string; code: string; message: string }[];
    const byFile = Object.fromEntries(errors.map((e) => [e.file.split(/[\\/]/).pop(), e.code]));
    expect(byFile["empty.pdf"]).toBe("empty");
    expect(byFile["notes.docx"]).toBe("not-a-plan-format");
    expect(byFile["nodoc.docx"]).toMatch(/damaged|not-a-plan-format/);
    if (pdf) expect(byFile["truncated.pdf"]).toBe("damaged");
    for (const e of errors) expect(r.stderr).toContain(e.file.split(/[\\/]/).pop());
    expect(Object.keys(byFile)).not.toContain("ignored.txt");

    const written = await readdir(out);
    const good = [pdf && "good.pdf", docx && "good.DOCX"].filter(Boolean) as string[];
    for (const g of good) {
      expect(written).toContain(`${g}.json`);
      expect(written).toContain(`${g}.xlsx`);
      const doc = PlanDocument.parse(JSON.parse(await readFile(join(out, `${g}.json`), "utf8")));
      expect(doc.source.file).toBe(g);
      expect(doc.rows.length).toBeGreaterThan(10);
    }
    if (good.length) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(out, "all-plans.xlsx"));
      const sheet = wb.getWorksheet("Дейности")!;
      expect(sheet.rowCount - 1).toBeGreaterThan(10 * good.length);
    }
    expect(written.filter((n) => n.endsWith(".tmp"))).toEqual([]);

    // A second run skips the unchanged inputs; --force redoes them.
    const again = run(["convert", batch, "--out", out]);
    expect(again.stdout).toMatch(/unchanged/);
    // An input whose workbook went missing is not skipped: its outputs are made again.
    if (good.length) {
      await rm(join(out, `${good[0]}.xlsx`));
      const third = run(["convert", batch, "--out", out]);
      expect(third.stdout).toMatch(new RegExp(`${good[0].replace(".", "\\.")} \\(\\d+ rows`));
      expect(await readdir(out)).toContain(`${good[0]}.xlsx`);
    }
    // Every file is converted in a worker process: on a loaded machine a batch takes a while.
  }, 600_000);

  it("a killed run leaves no partial output file", async () => {
    if (!pdf) return;
    const many = await mkdtemp(join(tmpdir(), "pe-many-"));
    for (let i = 0; i < 12; i++) await copyFile(pdf, join(many, `copy-${String(i).padStart(2, "0")}.pdf`));
    const out = await mkdtemp(join(tmpdir(), "pe-killed-"));
    const child = spawn(process.execPath, [bin, "convert", many, "--out", out, "--concurrency", "2"], { cwd: root });
    // Wait until at least one output exists, then kill without warning.
    const started = Date.now();
    while (Date.now() - started < 60_000) {
      const names = await readdir(out);
      if (names.some((n) => n.endsWith(".json") && n !== "errors.json")) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill("SIGKILL");
    await new Promise((r) => child.on("exit", r));
    const names = await readdir(out);
    for (const n of names.filter((n) => n.endsWith(".json") && n !== "errors.json")) {
      PlanDocument.parse(JSON.parse(await readFile(join(out, n), "utf8")));
    }
    for (const n of names.filter((n) => n.endsWith(".xlsx"))) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(out, n));
    }
    // The next run finishes the batch and sweeps the leftovers of the killed one.
    const r = run(["convert", many, "--out", out]);
    expect(r.status).toBe(0);
    const after = await readdir(out);
    expect(after.filter((n) => n.endsWith(".tmp"))).toEqual([]);
    expect(after.filter((n) => /^copy-\d+\.pdf\.json$/.test(n))).toHaveLength(12);
  }, 600_000);
});
