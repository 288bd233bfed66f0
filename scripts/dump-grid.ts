/**
 * Developer aid: print what an extractor made of a file, before interpretation.
 *   npx tsx scripts/dump-grid.ts <file> [text|grid] [fromRow] [toRow]
 */
import { readFileSync } from "node:fs";
import { extractDocx } from "../src/extract/docx/index.js";
import { extractPdf } from "../src/extract/pdf/index.js";

const [file, what = "grid", from = "0", to = "40"] = process.argv.slice(2);
const bytes = new Uint8Array(readFileSync(file));
const { value: doc, messages } = file.toLowerCase().endsWith(".pdf") ? await extractPdf(bytes) : await extractDocx(bytes);
if (what === "text") {
  for (const b of doc.text) console.log(`${b.where} p${b.page ?? "-"}${b.bold ? " bold" : ""}${b.size ? ` ${b.size}pt` : ""}: ${b.text}`);
} else {
  for (const [ti, t] of doc.tables.entries()) {
    console.log(`TABLE ${ti}: ${t.columns} columns, ${t.rows.length} rows`);
    for (const r of t.rows.slice(Number(from), Number(to))) {
      const cells = r.cells.map(
        (c) =>
          `[${c.col}${c.colSpan > 1 ? "+" + c.colSpan : ""}${c.rowSpan > 1 ? "v" + c.rowSpan : ""}] ${c.lines.join(" | ").slice(0, 70)}`,
      );
      console.log(`${r.header ? "H" : " "}${r.afterPageBreak ? "B" : " "} p${r.page ?? "-"} ${cells.join("  ")}`);
    }
  }
}
for (const m of messages) console.log(`${m.severity} ${m.code} (${m.stage}) p${m.place.page ?? "-"}: ${m.message}`);
