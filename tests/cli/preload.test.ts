/**
 * Workers of a batch whose inputs are all named as Word files start without pdf.js; a PDF among them
 * under a Word name is still read as a PDF (pdf.js is then loaded when the file is read).
 */
import { copyFile, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

const fixtures = new URL("../../fixtures/layouts/", import.meta.url).pathname;
let dir: string;
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

it("reads a PDF named .docx in a batch of Word names, like any PDF", async () => {
  dir = await mkdtemp(join(tmpdir(), "pe-preload-"));
  await copyFile(join(fixtures, "layout-spanning-goals.docx"), join(dir, "a.docx"));
  await copyFile(join(fixtures, "layout-spanning-goals.libreoffice.pdf"), join(dir, "b.docx"));
  const r = runCli(["convert", dir, "--out", join(dir, "out"), "--format", "json", "--quiet"]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  const pdf = JSON.parse(await readFile(join(dir, "out", "b.docx.json"), "utf8"));
  const expected = JSON.parse(await readFile(join(fixtures, "layout-spanning-goals.libreoffice.pdf.expected.json"), "utf8"));
  expect(pdf.source.format).toBe("pdf");
  expect(pdf.rows.length).toBe(expected.rows.length);
});
