/**
 * The batch survives hostile and broken inputs (issue 14): with 1 and with 2 workers every hostile file
 * fails alone with a specific code, the good plan is converted, errors.json and all-plans.xlsx are
 * written, exit code 1. Also: the per-file time limit and memory cap, non-regular files, awkward file
 * names, unwritable --out, and the usage errors. Runs the CLI as a process, as users do (the current
 * sources, see tests/helpers/cli.ts). The fast tier runs the batch with 2 workers, the slow tier with 1.
 */
import { spawnSync } from "node:child_process";
import { CLI } from "../helpers/cli.js";
import { copyFile, mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { hostileCases } from "../../scripts/hostile/cases.js";

const root = new URL("../../", import.meta.url).pathname;
const bin = CLI;
const goodPlan = join(root, "fixtures/kazanlak-pld-2024.docx");

function run(args: string[], timeout = 300_000) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", cwd: root, timeout });
}

type ErrorEntry = { file: string; code: string; message: string };
async function errorsOf(out: string): Promise<Record<string, ErrorEntry>> {
  const list = JSON.parse(await readFile(join(out, "errors.json"), "utf8")) as ErrorEntry[];
  return Object.fromEntries(list.map((e) => [e.file.split("/").pop()!, e]));
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at .+[:(]\d+/m);

describe("a batch of hostile inputs", () => {
  let batch: string;
  const cases = hostileCases("small");
  const longName = `${"План".repeat(29)}.docx`; // 116 Cyrillic letters
  const newlineName = "forged\nok: other.docx (62 rows, 0 warnings)\n.docx";

  beforeAll(async () => {
    batch = await mkdtemp(join(tmpdir(), "pe-hostile-"));
    for (const c of cases) await writeFile(join(batch, c.name), await c.bytes());
    await copyFile(goodPlan, join(batch, "good-plan.docx"));
    await copyFile(goodPlan, join(batch, longName));
    await copyFile(goodPlan, join(batch, newlineName));
    // A name that is not UTF-8 (Latin-1 "é"), read by its bytes.
    writeFileSync(Buffer.concat([Buffer.from(join(batch, "caf")), Buffer.from([0xe9]), Buffer.from(".docx")]), await readFile(goodPlan));
    spawnSync("mkfifo", [join(batch, "fifo.pdf")]);
  }, 120_000);

  // One batch in each tier: 2 workers in the fast one (npm test), 1 in the slow one; both when run alone.
  const tier = process.env.PLAN_TEST_TIER;
  // The other cases run once, in the fast tier (or when the file is run alone).
  const onceIt = it.runIf(tier !== "slow");
  for (const workers of tier === "fast" ? [2] : tier === "slow" ? [1] : [1, 2]) {
    it(`with ${workers} worker(s): each hostile file fails alone with its code, the good plans convert`, async () => {
      const out = await mkdtemp(join(tmpdir(), "pe-hostile-out-"));
      const started = Date.now();
      const r = run(["convert", batch, "--out", out, "--concurrency", String(workers), "--timeout", "120"]);
      expect(r.status, r.stderr).toBe(1);
      noStackTrace(r.stderr);
      const errors = await errorsOf(out);
      const written = await readdir(out);
      for (const c of cases) {
        // "ok": a case that may be read as the (tiny) plan it is, once its values are clamped.
        const code = errors[c.name]?.code ?? (written.includes(`${c.name}.json`) ? "ok" : "missing");
        expect(c.codes, `${c.name} (${c.what}): ${errors[c.name]?.message ?? code}`).toContain(code);
      }
      expect(errors["fifo.pdf"].code).toBe("io");
      expect(Object.values(errors).map((e) => e.code)).not.toContain("internal");
      for (const name of ["good-plan.docx", longName, "caf\\xe9.docx"]) expect(written).toContain(`${name}.json`);
      expect(written).toContain("forged\\nok: other.docx (62 rows, 0 warnings)\\n.docx.json");
      expect(written).toContain("all-plans.xlsx");
      expect(written.filter((n) => n.endsWith(".tmp"))).toEqual([]);
      // No name reaches the log with a control character: no forged "ok:" line.
      expect(r.stdout.split("\n").filter((l) => l.startsWith("ok: other.docx"))).toEqual([]);
      expect(r.stdout).toContain("forged\\nok: other.docx");
      expect(Date.now() - started).toBeLessThan(280_000);
    }, 300_000);
  }

  onceIt(
    "ends a file at the time limit and replaces the worker",
    async () => {
      const dir = await mkdtemp(join(tmpdir(), "pe-timeout-"));
      await copyFile(goodPlan, join(dir, "a.docx"));
      await copyFile(goodPlan, join(dir, "b.docx"));
      const out = await mkdtemp(join(tmpdir(), "pe-timeout-out-"));
      const r = run(["convert", dir, "--out", out, "--concurrency", "1", "--timeout", "0.05", "--format", "json"]);
      expect(r.status).toBe(1);
      const errors = await errorsOf(out);
      expect(errors["a.docx"].code).toBe("timeout");
      expect(errors["b.docx"].code).toBe("timeout");
    },
    120_000,
  );

  onceIt(
    "ends a file at the memory cap",
    async () => {
      const dir = await mkdtemp(join(tmpdir(), "pe-memory-"));
      await copyFile(goodPlan, join(dir, "a.docx"));
      const out = await mkdtemp(join(tmpdir(), "pe-memory-out-"));
      const r = run(["convert", dir, "--out", out, "--concurrency", "1", "--max-memory", "64", "--format", "json"]);
      expect(r.status).toBe(1);
      expect((await errorsOf(out))["a.docx"].code).toBe("too-complex");
    },
    120_000,
  );

  onceIt(
    "refuses a device at once, and applies --max-size while reading",
    async () => {
      const out = await mkdtemp(join(tmpdir(), "pe-dev-out-"));
      const r = run(["convert", "/dev/zero", "--out", out], 60_000);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/\/dev\/zero: not a regular file/);
      const errors = JSON.parse(await readFile(join(out, "errors.json"), "utf8")) as ErrorEntry[];
      expect(errors[0].code).toBe("io");
    },
    60_000,
  );

  onceIt(
    "an --out that cannot be written is a clear exit 1, without a stack trace",
    async () => {
      const dir = await mkdtemp(join(tmpdir(), "pe-outfile-"));
      await copyFile(goodPlan, join(dir, "a.docx"));
      await writeFile(join(dir, "taken"), "a file where the output folder should be");
      const r = run(["convert", join(dir, "a.docx"), "--out", join(dir, "taken", "sub")], 60_000);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/cannot create the output folder/);
      noStackTrace(r.stderr);
    },
    60_000,
  );

  onceIt(
    "usage errors: bad --abbreviations / --themes, an empty folder; compare creates its folder",
    async () => {
      const dir = await mkdtemp(join(tmpdir(), "pe-usage-"));
      await writeFile(join(dir, "bad.json"), "{ not json");
      await mkdir(join(dir, "empty"));
      await copyFile(goodPlan, join(dir, "a.docx"));
      const out = join(dir, "out");
      for (const args of [
        ["convert", join(dir, "a.docx"), "--out", out, "--abbreviations", join(dir, "missing.json")],
        ["convert", join(dir, "a.docx"), "--out", out, "--abbreviations", join(dir, "bad.json")],
        ["compare", dir, "--out", join(dir, "c.xlsx"), "--themes", join(dir, "missing.json")],
      ]) {
        const r = run(args, 60_000);
        expect(r.status, args.join(" ")).toBe(2);
        expect(r.stderr.split("\n")[0]).toMatch(/--(abbreviations|themes): .*(missing|bad)\.json/);
        noStackTrace(r.stderr);
      }
      const empty = run(["convert", join(dir, "empty"), "--out", out], 60_000);
      expect(empty.status).toBe(2);
      expect(empty.stderr).toMatch(/no \.pdf, \.docx, \.doc, \.odt, \.rtf files in .*empty/);

      const converted = run(["convert", join(dir, "a.docx"), "--out", out, "--format", "json"]);
      expect(converted.status).toBe(0);
      const cmp = run(["compare", out, "--out", join(dir, "new", "folder", "c.xlsx")], 120_000);
      expect(cmp.status, cmp.stderr).toBe(0);
      expect(await readdir(join(dir, "new", "folder"))).toContain("c.xlsx");
    },
    240_000,
  );
});
