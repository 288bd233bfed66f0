/**
 * .doc / .odt / .rtf: recognised by their bytes, converted through LibreOffice to DOCX and read like
 * it (same accuracy as the DOCX they were saved from); without LibreOffice the code needs-libreoffice.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { convertBuffer } from "../../src/convert.js";
import { detectFormat } from "../../src/extract/detect.js";
import { ConversionFailure } from "../../src/model/messages.js";
import { convertToDocx } from "../../src/extract/office/libreoffice.js";
import { listFixtures, scoreFixture, FIXTURES_DIR } from "../harness/accuracy.js";
import { sofficeGate } from "./needs-soffice.js";

const OFFICE = join(FIXTURES_DIR, "office");
const STEM = "kazanlak-pld-2024";
const read = (name: string): Uint8Array => new Uint8Array(readFileSync(join(OFFICE, name)));

describe("office fixtures", () => {
  it("are committed: .doc, .odt and .rtf, each with an expected JSON", async () => {
    const names = (await listFixtures()).filter((n) => n.startsWith("office/"));
    expect(names).toEqual([`office/${STEM}.doc`, `office/${STEM}.odt`, `office/${STEM}.rtf`]);
  });

  it("are told apart by their bytes", () => {
    expect(detectFormat(read(`${STEM}.doc`))).toBe("doc");
    expect(detectFormat(read(`${STEM}.odt`))).toBe("odt");
    expect(detectFormat(read(`${STEM}.rtf`))).toBe("rtf");
    expect(detectFormat(new Uint8Array(readFileSync(join(FIXTURES_DIR, `${STEM}.docx`))))).toBe("docx");
  });
});

describe("without LibreOffice", () => {
  it("a .doc, .odt or .rtf gives needs-libreoffice, naming the package to install", async () => {
    for (const ext of ["doc", "odt", "rtf"] as const) {
      const err = await convertToDocx(read(`${STEM}.${ext}`), ext, { env: { PATH: "/nonexistent" } }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConversionFailure);
      expect((err as ConversionFailure).code).toBe("needs-libreoffice");
      expect((err as ConversionFailure).message).toContain("libreoffice-writer-nogui");
    }
  });
});

describe("through LibreOffice", () => {
  const gate = sofficeGate();
  if (gate.failInCi) {
    it("needs soffice on the PATH in CI", () => {
      expect.fail("CI=true but soffice is not on the PATH: CI must install libreoffice-writer-nogui");
    });
    return;
  }
  if (!gate.run) {
    it.skip("LibreOffice is not installed", () => undefined);
    return;
  }

  let docxScore: Awaited<ReturnType<typeof scoreFixture>> | null = null;
  for (const ext of ["doc", "odt", "rtf"]) {
    it(`${STEM}.${ext} scores like its DOCX (every field, every row), leaving no temporary folder`, { timeout: 120_000 }, async () => {
      // a private temporary folder for this conversion: it must be empty again afterwards
      const privateTmp = mkdtempSync(join(tmpdir(), "pe-office-tmp-"));
      const saved = process.env.TMPDIR;
      process.env.TMPDIR = privateTmp;
      docxScore ??= await scoreFixture(`${STEM}.docx`);
      let office;
      try {
        office = await scoreFixture(`office/${STEM}.${ext}`);
      } finally {
        if (saved === undefined) delete process.env.TMPDIR;
        else process.env.TMPDIR = saved;
      }
      const docx = docxScore;
      expect(readdirSync(privateTmp)).toEqual([]);
      rmSync(privateTmp, { recursive: true, force: true });
      const summary = `${ext}: ${(office.share * 100).toFixed(1)}% fields, ${office.foundRows}/${office.expectedRows} rows, ${office.extraRows} extra (docx ${(docx.share * 100).toFixed(1)}%)`;
      console.log(summary);
      expect(office.error, summary).toBeUndefined();
      expect(office.share, summary).toBeGreaterThanOrEqual(Math.min(docx.share, 0.995));
      expect(office.foundRows, summary).toBe(office.expectedRows);
      expect(office.extraRows, summary).toBe(0);
      expect(office.documentMismatches, summary).toEqual([]);
    });
  }

  it("a damaged .rtf is an error, not a crash", { timeout: 120_000 }, async () => {
    const err = await convertBuffer(new TextEncoder().encode("{\\rtf1 \u0000\u0001 broken"), { fileName: "x.rtf" }).catch(
      (e: unknown) => e,
    );
    // LibreOffice reads almost any RTF; whatever it makes, the result is a ConversionFailure or a document
    if (err instanceof Error) expect(err).toBeInstanceOf(ConversionFailure);
  });
});
