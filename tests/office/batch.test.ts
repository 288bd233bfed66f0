/**
 * A folder mixing PDF, DOCX, DOC, ODT, RTF and a scanned PDF converts in one batch; on a machine without LibreOffice
 * (PATH without soffice) the .doc/.odt/.rtf inputs fail with needs-libreoffice and the rest convert.
 * Runs the command line as a process (the current sources, see tests/helpers/cli.ts).
 */
import { spawnSync } from "node:child_process";
import { CLI } from "../helpers/cli.js";
import { copyFile, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURES_DIR } from "../harness/accuracy.js";
import { sofficeGate } from "./needs-soffice.js";

const root = new URL("../../", import.meta.url).pathname;
const bin = CLI;
const STEM = "kazanlak-pld-2024";
const OFFICE = ["doc", "odt", "rtf"];

function convert(input: string, out: string, env: NodeJS.ProcessEnv) {
  return spawnSync(process.execPath, [bin, "convert", input, "--out", out, "--format", "json", "--concurrency", "2", "--quiet"], {
    encoding: "utf8",
    cwd: root,
    env,
    timeout: 540_000,
  });
}

describe("a folder mixing every input format", () => {
  let dir: string;
  const outs: string[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "pe-mixed-"));
    await copyFile(join(FIXTURES_DIR, `${STEM}.docx`), join(dir, "plan.docx"));
    await copyFile(join(FIXTURES_DIR, `${STEM}.chromium.pdf`), join(dir, "plan.pdf"));
    for (const ext of OFFICE) await copyFile(join(FIXTURES_DIR, "office", `${STEM}.${ext}`), join(dir, `plan.${ext.toUpperCase()}`));
  });
  afterAll(async () => {
    for (const d of [dir, ...outs]) await rm(d, { recursive: true, force: true });
  });

  it("without LibreOffice: .doc/.odt/.rtf give needs-libreoffice, PDF and DOCX convert", { timeout: 300_000 }, async () => {
    const out = await mkdtemp(join(tmpdir(), "pe-mixed-out-"));
    outs.push(out);
    const r = convert(dir, out, { ...process.env, PATH: "/nonexistent" });
    expect(r.status, r.stderr).toBe(1);
    const errors = JSON.parse(await readFile(join(out, "errors.json"), "utf8")) as { file: string; code: string; message: string }[];
    expect(errors.map((e) => e.code)).toEqual(["needs-libreoffice", "needs-libreoffice", "needs-libreoffice"]);
    expect(errors.map((e) => e.file.split(".").pop())).toEqual(["DOC", "ODT", "RTF"]);
    expect(errors[0].message).toContain("apt-get install libreoffice-writer-nogui");
    expect(r.stderr).toContain("needs-libreoffice");
    expect((await readdir(out)).filter((n) => n.endsWith(".json") && n !== "errors.json").sort()).toEqual([
      "plan.docx.json",
      "plan.pdf.json",
    ]);
  });

  const gate = sofficeGate();
  if (gate.failInCi) {
    it("with LibreOffice: needs soffice on the PATH in CI", () => {
      expect.fail("CI=true but soffice is not on the PATH: CI must install libreoffice-writer-nogui");
    });
  } else if (!gate.run) {
    it.skip("with LibreOffice (not installed)", () => undefined);
  } else {
    it("with LibreOffice: all five formats and a scan convert in one batch, with the same rows", { timeout: 600_000 }, async () => {
      const out = await mkdtemp(join(tmpdir(), "pe-mixed-out-"));
      outs.push(out);
      await copyFile(join(FIXTURES_DIR, "scan", `${STEM}.scan.pdf`), join(dir, "scan.pdf"));
      const r = convert(dir, out, process.env);
      expect(r.status, r.stderr).toBe(0);
      expect(JSON.parse(await readFile(join(out, "errors.json"), "utf8"))).toEqual([]);
      const docx = JSON.parse(await readFile(join(out, "plan.docx.json"), "utf8"));
      for (const ext of OFFICE) {
        const doc = JSON.parse(await readFile(join(out, `plan.${ext.toUpperCase()}.json`), "utf8"));
        expect(doc.source.format).toBe(ext);
        expect(doc.rows).toEqual(docx.rows);
      }
      const scan = JSON.parse(await readFile(join(out, "scan.pdf.json"), "utf8"));
      expect(scan.rows.length).toBeGreaterThan(0);
      expect(scan.warnings.filter((w: { code: string }) => w.code === "ocr-page").length).toBe(scan.source.pages);
    });
  }
});
