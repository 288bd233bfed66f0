/**
 * Format sniffing by bytes: an old Word .doc is never called encrypted; a password-protected Office
 * file (OOXML in an OLE container, or a .doc with the FIB's encrypted flag) still is; ODT and RTF are
 * recognised; other OLE and OpenDocument files are not plans.
 */
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { detectFormat } from "../../src/extract/detect.js";
import { ConversionFailure } from "../../src/model/messages.js";
import { compoundFile, fib } from "./compound-file.js";

function failure(bytes: Uint8Array): ConversionFailure {
  try {
    detectFormat(bytes);
  } catch (err) {
    if (err instanceof ConversionFailure) return err;
    throw err;
  }
  throw new Error("no failure");
}

describe("detectFormat", () => {
  it("an old Word .doc is a doc, never encrypted", () => {
    expect(
      detectFormat(
        compoundFile([
          { name: "WordDocument", data: fib(false) },
          { name: "1Table", data: new Uint8Array(600) },
        ]),
      ),
    ).toBe("doc");
  });

  it("a password-protected .doc or Office 2007+ file is encrypted", () => {
    expect(failure(compoundFile([{ name: "WordDocument", data: fib(true) }])).code).toBe("encrypted");
    const ooxml = compoundFile([
      { name: "EncryptionInfo", data: new Uint8Array(600) },
      { name: "EncryptedPackage", data: new Uint8Array(1200) },
    ]);
    const err = failure(ooxml);
    expect(err.code).toBe("encrypted");
    expect(err.message).toMatch(/password/);
  });

  it("an OLE file without a Word document (old Excel) is not a plan format", () => {
    expect(failure(compoundFile([{ name: "Workbook", data: new Uint8Array(4096) }])).code).toBe("not-a-plan-format");
  });

  it("a broken OLE header is damaged", () => {
    const bytes = new Uint8Array(600);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(failure(bytes).code).toBe("damaged");
  });

  it("RTF starts with {\\rtf (a BOM or blanks before it allowed)", () => {
    expect(detectFormat(new TextEncoder().encode("{\\rtf1\\ansi hello}"))).toBe("rtf");
    expect(detectFormat(new TextEncoder().encode("\ufeff  {\\rtf1 x}"))).toBe("rtf");
    expect(failure(new TextEncoder().encode("hello {\\rtf1}")).code).toBe("not-a-plan-format");
  });

  it("an OpenDocument text is odt; a spreadsheet is not a plan; a zip without a mimetype is docx", async () => {
    const od = async (mime: string) => {
      const zip = new JSZip();
      zip.file("mimetype", mime, { compression: "STORE" });
      zip.file("content.xml", "<office:document-content/>");
      return zip.generateAsync({ type: "uint8array" });
    };
    expect(detectFormat(await od("application/vnd.oasis.opendocument.text"))).toBe("odt");
    expect(failure(await od("application/vnd.oasis.opendocument.spreadsheet")).code).toBe("not-a-plan-format");
    const plain = new JSZip();
    plain.file("word/document.xml", "<w:document/>");
    expect(detectFormat(await plain.generateAsync({ type: "uint8array" }))).toBe("docx");
    expect(detectFormat(new TextEncoder().encode("%PDF-1.7\n"))).toBe("pdf");
  });
});
