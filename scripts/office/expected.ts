/**
 * Writes <file>.expected.json for office saves of a DOCX fixture: the DOCX's expected JSON with
 * `source` naming the new file, its format (from the extension) and the sha256 of its bytes.
 *
 *   npx tsx scripts/office/expected.ts <docx.expected.json> <file>...
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { basename, extname } from "node:path";
import { validatePlan, type PlanDocument } from "../../src/model/schema.js";

const [base, ...files] = process.argv.slice(2);
if (!base || files.length === 0) {
  console.error("usage: expected.ts <docx.expected.json> <file>...");
  process.exit(2);
}
const docx = validatePlan(JSON.parse(readFileSync(base, "utf8")));
for (const file of files) {
  const format = extname(file).slice(1).toLowerCase() as PlanDocument["source"]["format"];
  const out: PlanDocument = {
    ...docx,
    source: { file: basename(file), format, sha256: createHash("sha256").update(readFileSync(file)).digest("hex"), pages: null },
  };
  validatePlan(out);
  writeFileSync(`${file}.expected.json`, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`${file}.expected.json: ${out.rows.length} rows`);
}
