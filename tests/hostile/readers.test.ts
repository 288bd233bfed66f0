/**
 * The readers' limits (src/limits.ts) on small generated hostile inputs: each fails fast with its
 * own code and small memory, in the test process itself (no sandbox needed to survive them).
 */
import { describe, expect, it } from "vitest";
import { convertBuffer } from "../../src/convert.js";
import { ConversionFailure } from "../../src/model/messages.js";
import {
  deepNestingDocx,
  denseGridPdf,
  endlessOperatorsPdf,
  hugeCellDocx,
  hugeGridSpanDocx,
  hugeNumberingDocx,
  manyRowsDocx,
  zipBombDocx,
  makeDocxPackage,
} from "../../scripts/hostile/cases.js";
import { MAX_CELL_CHARS, MAX_PAGE_OPERATORS, MAX_RULING_LINES, MAX_TABLE_ROWS, MAX_XML_DEPTH } from "../../src/limits.js";

async function codeOf(bytes: Uint8Array): Promise<{ code: string; ms: number }> {
  const started = performance.now();
  try {
    await convertBuffer(bytes);
    return { code: "ok", ms: performance.now() - started };
  } catch (err) {
    if (!(err instanceof ConversionFailure)) throw err;
    return { code: err.code, ms: performance.now() - started };
  }
}

describe("reader limits", () => {
  it("refuses XML nested deeper than the limit, without recursion (20,000 deep)", async () => {
    const r = await codeOf(await deepNestingDocx(20_000));
    expect(r.code).toBe("too-complex");
    // Just under the limit is read normally (each level of deepNestingDocx is two elements).
    expect((await codeOf(await deepNestingDocx((MAX_XML_DEPTH - 10) / 2))).code).not.toBe("too-complex");
  });

  it("refuses a gridSpan in the billions before any reader builds a row of that width", async () => {
    const r = await codeOf(await hugeGridSpanDocx());
    expect(r.code).toBe("too-complex");
    expect(r.ms).toBeLessThan(10_000);
  });

  it("clamps a numbering start of 2·10⁹ with letter formats (no gigabyte label)", async () => {
    const r = await codeOf(await hugeNumberingDocx());
    expect(["ok", "no-plan-table"]).toContain(r.code);
  });

  it("caps the rows of a document's tables", async () => {
    expect((await codeOf(await manyRowsDocx(MAX_TABLE_ROWS + 10))).code).toBe("too-complex");
  });

  it("caps the characters of a cell", async () => {
    expect((await codeOf(await hugeCellDocx(MAX_CELL_CHARS * 3))).code).toBe("too-complex");
  });

  it("refuses a zip bomb before inflating it", async () => {
    const r = await codeOf(await zipBombDocx(40));
    expect(r.code).toBe("too-large");
  });

  it("refuses a part that inflates to more than its ZIP directory says", async () => {
    const bytes = Buffer.from(
      await makeDocxPackage(
        `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${" ".repeat(40 * 1024 * 1024)}</w:body></w:document>`,
      ),
    );
    // Rewrite the declared uncompressed size of every entry (local header offset 22, central 24) to 1 KB.
    for (let i = 0; i + 4 <= bytes.length; i++) {
      if (bytes.readUInt32LE(i) === 0x04034b50) bytes.writeUInt32LE(1024, i + 22);
      else if (bytes.readUInt32LE(i) === 0x02014b50) bytes.writeUInt32LE(1024, i + 24);
    }
    const r = await codeOf(new Uint8Array(bytes));
    expect(["too-large", "damaged"]).toContain(r.code);
  });

  it("refuses a dense ruled grid in the lattice code, after merging duplicate lines", async () => {
    const r = await codeOf(denseGridPdf(MAX_RULING_LINES + 100));
    expect(r.code).toBe("too-complex");
  });

  it("bounds a page's operator list", async () => {
    const r = await codeOf(endlessOperatorsPdf(MAX_PAGE_OPERATORS + 10_000));
    expect(r.code).toBe("too-complex");
  });
});
