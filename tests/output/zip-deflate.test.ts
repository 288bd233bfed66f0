import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { deflateStoredZip } from "../../src/output/zip-deflate.js";

/** A stored zip as exceljs asks JSZip for one: a folder entry, text, an empty file, UTF-8 names. */
async function storedZip(): Promise<Buffer> {
  const zip = new JSZip();
  zip.folder("xl");
  zip.file("xl/workbook.xml", "<workbook>" + "<sheet/>".repeat(500) + "</workbook>");
  zip.file("[Content_Types].xml", '<?xml version="1.0"?><Types/>');
  zip.file("empty.txt", "");
  zip.file("дейности.xml", "Дейност и срок ".repeat(200), { date: new Date(Date.UTC(2024, 9, 1, 12, 30)) });
  return zip.generateAsync({ type: "nodebuffer", compression: "STORE" });
}

describe("deflateStoredZip", () => {
  it("deflates every non-empty entry and keeps names, contents, dates and CRCs", async () => {
    const stored = await storedZip();
    const deflated = deflateStoredZip(stored);
    expect(deflated.length).toBeLessThan(stored.length / 3);
    const before = await JSZip.loadAsync(stored);
    const after = await JSZip.loadAsync(deflated, { checkCRC32: true });
    expect(Object.keys(after.files)).toEqual(Object.keys(before.files));
    for (const name of Object.keys(before.files)) {
      const a = after.files[name];
      const b = before.files[name];
      expect(a.dir, name).toBe(b.dir);
      expect(a.date.getTime(), name).toBe(b.date.getTime());
      if (!b.dir) expect(await a.async("string"), name).toBe(await b.async("string"));
    }
    // Compression method in each central-directory record: 8 (deflate) for text, 0 for empty entries.
    const methods = new Map<string, number>();
    for (let at = deflated.indexOf(Buffer.from([0x50, 0x4b, 1, 2])); at >= 0; at = deflated.indexOf(Buffer.from([0x50, 0x4b, 1, 2]), at + 4)) {
      const nameLength = deflated.readUInt16LE(at + 28);
      methods.set(deflated.subarray(at + 46, at + 46 + nameLength).toString("utf8"), deflated.readUInt16LE(at + 10));
    }
    expect(methods.get("xl/workbook.xml")).toBe(8);
    expect(methods.get("дейности.xml")).toBe(8);
    expect(methods.get("empty.txt")).toBe(0);
  });

  it("refuses a zip whose entries are already compressed rather than writing a broken one", async () => {
    const zip = new JSZip();
    zip.file("a.xml", "<a/>".repeat(100));
    const compressed = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    expect(() => deflateStoredZip(compressed)).toThrow(/not stored/);
    expect(() => deflateStoredZip(Buffer.from("not a zip at all, just text"))).toThrow(/not a zip/);
  });
});
