/**
 * The document limits on tables (MAX_TABLE_ROWS, MAX_CELL_CHARS) hold for a PDF as for a DOCX: a
 * PDF whose pages are each within the per-page limits, but whose tables together pass the
 * document's, fails as too-complex, with the message a DOCX gets.
 */
import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { manyRowsDocx } from "../../scripts/hostile/cases.js";
import { pdfFromObjects } from "../../scripts/pdf-objects.js";
import { extractDocx } from "../../src/extract/docx/index.js";
import { extractPdf } from "../../src/extract/pdf/index.js";
import { MAX_CELL_CHARS, MAX_LATTICE_CELLS, MAX_RULING_LINES, MAX_TABLE_ROWS } from "../../src/limits.js";
import { ConversionFailure } from "../../src/model/messages.js";

/** A PDF of pages of the given size, one content stream each, Helvetica as /F1. */
function pagesPdf(contents: string[], width: number, height: number): Uint8Array {
  const font = 3 + 2 * contents.length;
  const objects: Buffer[] = [
    Buffer.from("<< /Type /Catalog /Pages 2 0 R >>"),
    Buffer.from(`<< /Type /Pages /Kids [${contents.map((_, i) => `${3 + 2 * i} 0 R`).join(" ")}] /Count ${contents.length} >>`),
  ];
  for (const [i, content] of contents.entries()) {
    const stream = deflateSync(Buffer.from(content, "latin1"));
    objects.push(
      Buffer.from(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${4 + 2 * i} 0 R >>`,
      ),
      Buffer.concat([Buffer.from(`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`), stream, Buffer.from("\nendstream")]),
    );
  }
  objects.push(Buffer.from("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"));
  return new Uint8Array(pdfFromObjects(objects));
}

/**
 * A ruled table of `rows` rows and two columns, `step` points high each; its first ten rows are
 * numbered from `first` + 1 (numbers that differ from page to page: rows repeated at the top of a
 * page would be taken for a repeated header and dropped), the other cells are empty (text in every
 * row triples the time of the layout analysis, and the rows count the same).
 */
function ruledPage(rows: number, step: number, top: number, first: number): string {
  const ops = ["0.5 w"];
  const bottom = top - rows * step;
  for (let r = 0; r <= rows; r++) ops.push(`20 ${top - r * step} m 220 ${top - r * step} l S`);
  for (const x of [20, 60, 220]) ops.push(`${x} ${top} m ${x} ${bottom} l S`);
  for (let r = 0; r < Math.min(rows, 10); r++)
    ops.push(`BT /F1 ${step * 0.6} Tf 24 ${top - (r + 1) * step + step * 0.25} Td (${first + r + 1}) Tj ET`);
  return ops.join("\n");
}

async function failureOf(bytes: Uint8Array, read: (bytes: Uint8Array) => Promise<unknown> = extractPdf): Promise<ConversionFailure | null> {
  try {
    await read(bytes);
    return null;
  } catch (err) {
    if (err instanceof ConversionFailure) return err;
    throw err;
  }
}

describe("document limits on the tables of a PDF", () => {
  it("caps the rows of all tables together, though every page is within its own limits", { timeout: 120_000 }, async () => {
    const perPage = 1000;
    expect(perPage + 1).toBeLessThan(MAX_RULING_LINES);
    expect(perPage * 2).toBeLessThan(MAX_LATTICE_CELLS);
    const pages = Math.ceil((MAX_TABLE_ROWS + 1) / perPage);
    const page = (i: number) => ruledPage(perPage, 4, 4020, i * perPage);
    const bytes = pagesPdf(
      Array.from({ length: pages }, (_, i) => page(i)),
      240,
      4040,
    );
    const err = await failureOf(bytes);
    expect(err?.code).toBe("too-complex");
    expect(err?.message).toBe(`the PDF has more than ${MAX_TABLE_ROWS} table rows, beyond what a plan holds (see Limits in the README)`);
    // what a DOCX of as many rows gets
    const docx = await failureOf(await manyRowsDocx(MAX_TABLE_ROWS + 10), extractDocx);
    expect([docx?.code, docx?.message]).toEqual([err?.code, err?.message.replace("PDF", "DOCX")]);
    // the same pages, fewer of them, read normally: one table of all their rows
    const within = await extractPdf(pagesPdf([page(0), page(1)], 240, 4040));
    expect(within.value.tables.map((t) => t.rows.length)).toEqual([2 * perPage]);
  });

  it("caps the characters of a cell", async () => {
    const lines = 200;
    const perLine = Math.ceil((MAX_CELL_CHARS + 1) / lines);
    const ops = ["0.5 w", "20 820 m 420 820 l S", "20 500 m 420 500 l S", "20 480 m 420 480 l S"];
    for (const x of [20, 60, 420]) ops.push(`${x} 820 m ${x} 480 l S`);
    ops.push("BT /F1 8 Tf 24 490 Td (1.) Tj 40 0 Td (Last row) Tj ET");
    for (let l = 0; l < lines; l++) ops.push(`BT /F1 0.6 Tf 64 ${815 - l * 1.5} Td (${"a".repeat(perLine)}) Tj ET`);
    const err = await failureOf(pagesPdf([ops.join("\n")], 595, 842));
    expect(err?.code).toBe("too-complex");
    expect(err?.message).toMatch(new RegExp(`^the PDF has a table cell of more than ${MAX_CELL_CHARS} characters`));
  });
});
