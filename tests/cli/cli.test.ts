/**
 * The command line as a person uses it: one convert run over a folder of good and bad files (made in
 * beforeAll), then many checks on what it wrote — errors.json, exit code, the outputs of the good
 * files complete and valid; reruns skip what is done; a run killed with SIGKILL leaves only complete
 * outputs, and the next run finishes the batch.
 */
import { spawn, type SpawnSyncReturns } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { PlanDocument } from "../../src/model/schema.js";
import { CLI, runCli as run } from "../helpers/cli.js";

const root = new URL("../../", import.meta.url).pathname;
const fixtures = join(root, "fixtures");

/** The first fixture whose name matches; the test fails (never skips) when there is none. */
async function firstFixture(re: RegExp): Promise<string> {
  const names = (await readdir(fixtures)).filter((n) => re.test(n)).sort();
  if (names.length === 0) throw new Error(`no fixture matching ${re} in ${fixtures}`);
  return join(fixtures, names[0]);
}

const outputsOf = (names: string[]) => names.filter((n) => n.endsWith(".json") && n !== "errors.json");
const temporaries = (names: string[]) => names.filter((n) => n.endsWith(".tmp"));

describe("plan-extract command line", () => {
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
});

describe("one batch of good and bad files", () => {
  let batch: string;
  let out: string;
  let r: SpawnSyncReturns<string>;
  let written: string[];
  const good = ["good.pdf", "good.DOCX"];

  beforeAll(async () => {
    batch = await mkdtemp(join(tmpdir(), "pe-batch-"));
    const pdf = await firstFixture(/\.libreoffice\.pdf$/);
    const docx = await firstFixture(/^[^.]+\.docx$/);
    await copyFile(pdf, join(batch, "good.pdf"));
    await mkdir(join(batch, "sub"), { recursive: true });
    await copyFile(docx, join(batch, "sub", "good.DOCX"));
    await writeFile(join(batch, "empty.pdf"), "");
    await writeFile(join(batch, "notes.docx"), "this is plain text, not a document");
    const bytes = await readFile(pdf);
    await writeFile(join(batch, "truncated.pdf"), bytes.subarray(0, Math.floor(bytes.length / 3)));
    const zip = new JSZip();
    zip.file("[Content_Types].xml", "<Types/>");
    await writeFile(join(batch, "nodoc.docx"), await zip.generateAsync({ type: "nodebuffer" }));
    await writeFile(join(batch, "ignored.txt"), "not an input");

    out = await mkdtemp(join(tmpdir(), "pe-out-"));
    // Every file is converted in a worker process: on a loaded machine a batch takes a while.
    r = run(["convert", batch, "--out", out, "--concurrency", "2"]);
    written = await readdir(out);
  }, 300_000);

  it("exits 1 and reports each bad file in errors.json and on stderr, with its code", async () => {
    expect(r.status, r.stderr).toBe(1);
    const errors = JSON.parse(await readFile(join(out, "errors.json"), "utf8")) as { file: string; code: string; message: string }[];
    const byFile = Object.fromEntries(errors.map((e) => [e.file.split(/[\\/]/).pop(), e.code]));
    expect(byFile["empty.pdf"]).toBe("empty");
    expect(byFile["notes.docx"]).toBe("not-a-plan-format");
    expect(byFile["nodoc.docx"]).toMatch(/damaged|not-a-plan-format/);
    expect(byFile["truncated.pdf"]).toBe("damaged");
    for (const e of errors) expect(r.stderr).toContain(e.file.split(/[\\/]/).pop());
    expect(Object.keys(byFile).sort()).toEqual(["empty.pdf", "nodoc.docx", "notes.docx", "truncated.pdf"]);
  });

  it("writes a valid JSON and a workbook for each good file (found in sub-folders, any case), nothing for the rest", async () => {
    for (const g of good) {
      expect(written).toContain(`${g}.json`);
      expect(written).toContain(`${g}.xlsx`);
      const doc = PlanDocument.parse(JSON.parse(await readFile(join(out, `${g}.json`), "utf8")));
      expect(doc.source.file).toBe(g);
      expect(doc.rows.length).toBeGreaterThan(10);
    }
    expect(outputsOf(written).sort()).toEqual(good.map((g) => `${g}.json`).sort());
    expect(written.some((n) => n.startsWith("ignored.txt"))).toBe(false);
  });

  it("writes all-plans.xlsx with the activities of every good file, and leaves no temporary file", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, "all-plans.xlsx"));
    const sheet = wb.getWorksheet("Дейности")!;
    expect(sheet.rowCount - 1).toBeGreaterThan(10 * good.length);
    expect(temporaries(written)).toEqual([]);
  });

  it("a second run skips the unchanged inputs; an input whose workbook went missing is made again", async () => {
    const again = run(["convert", batch, "--out", out]);
    expect(again.stdout).toMatch(/unchanged/);
    await rm(join(out, `${good[0]}.xlsx`));
    const third = run(["convert", batch, "--out", out]);
    expect(third.stdout).toMatch(new RegExp(`${good[0].replace(".", "\\.")} \\(\\d+ rows`));
    expect(await readdir(out)).toContain(`${good[0]}.xlsx`);
  }, 300_000);
});

describe("a run killed with SIGKILL in the middle of a batch", () => {
  const copies = 8;
  const names = Array.from({ length: copies }, (_, i) => `copy-${String(i).padStart(2, "0")}.docx`);
  let many: string;
  let out: string;
  let atKill: string[];

  beforeAll(async () => {
    const docx = await firstFixture(/^[^.]+\.docx$/);
    many = await mkdtemp(join(tmpdir(), "pe-many-"));
    for (const n of names) await copyFile(docx, join(many, n));
    out = await mkdtemp(join(tmpdir(), "pe-killed-"));
    const child = spawn(process.execPath, [CLI, "convert", many, "--out", out, "--concurrency", "2", "--format", "json"], { cwd: root });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    // Kill without warning as soon as the first output is complete: the batch is then mid-way.
    const started = Date.now();
    while (Date.now() - started < 120_000 && outputsOf(await readdir(out)).length === 0) await new Promise((r) => setTimeout(r, 20));
    child.kill("SIGKILL");
    await exited;
    // Its workers notice the runner is gone and stop (a file being renamed into place may still land):
    // the folder is read once it has stopped changing.
    atKill = await readdir(out);
    for (let i = 0; i < 20; i++) {
      await new Promise((r) => setTimeout(r, 500));
      const now = await readdir(out);
      if (now.join("\n") === atKill.join("\n")) break;
      atKill = now;
    }
  }, 180_000);

  it("had written some outputs but not all when it was killed", () => {
    const done = outputsOf(atKill);
    expect(done.length).toBeGreaterThan(0);
    expect(done.length).toBeLessThan(copies);
  });

  it("left only complete outputs: every JSON that exists parses and validates", async () => {
    for (const n of outputsOf(atKill)) {
      expect(names.map((c) => `${c}.json`)).toContain(n);
      const doc = PlanDocument.parse(JSON.parse(await readFile(join(out, n), "utf8")));
      expect(doc.rows.length).toBeGreaterThan(10);
    }
    // Anything else is a temporary of the killed run, under the temporary naming (.name.pid.hex.tmp).
    for (const n of atKill.filter((n) => !n.endsWith(".json"))) expect(n).toMatch(/^\..+\.\d+\.[0-9a-f]{8}\.tmp$/);
  });

  it("the next run finishes the batch: skips the finished files, converts the rest, sweeps the temporaries", async () => {
    const r = run(["convert", many, "--out", out, "--format", "json"]);
    expect(r.status, r.stderr).toBe(0);
    const finished = outputsOf(atKill).length;
    expect(r.stdout).toContain(`${copies} input(s): ${copies - finished} converted, ${finished} unchanged, 0 failed`);
    const after = await readdir(out);
    expect(temporaries(after)).toEqual([]);
    expect(outputsOf(after).sort()).toEqual(names.map((n) => `${n}.json`));
    for (const n of outputsOf(after)) PlanDocument.parse(JSON.parse(await readFile(join(out, n), "utf8")));
  }, 300_000);
});
