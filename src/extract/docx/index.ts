/**
 * DOCX extractor: bytes of a .docx file → ExtractedDocument (the shared grid model).
 *
 * The grid is built straight from word/document.xml (not from an HTML conversion), so that
 * merged cells (w:gridSpan, w:vMerge), header rows (w:tblHeader) and the automatic numbers of
 * numbered paragraphs (word/numbering.xml) come out exactly as Word lays them out.
 */
import type { ExtractedDocument } from "../grid.js";
import { BodyReader } from "./body.js";
import { Numbering } from "./numbering.js";
import { openDocx } from "./package.js";
import { Styles } from "./styles.js";

export { ConversionFailure } from "../grid.js";

/**
 * Read a DOCX file. Throws ConversionFailure with code "empty", "encrypted" (password-protected
 * DOCX), "not-a-plan-format" (not a DOCX: another ZIP, a legacy .doc, anything else) or
 * "damaged" (broken ZIP or malformed main document).
 */
export async function extractDocx(bytes: Uint8Array): Promise<ExtractedDocument> {
  const parts = await openDocx(bytes);
  const styles = new Styles(parts.styles);
  const numbering = new Numbering(parts.numbering, (styleId) => styles.paragraphNumPr(styleId)?.numId);
  const body = new BodyReader(styles, numbering).read(parts.document);
  const warnings = [
    ...parts.problems.map((message) => ({ code: "docx-reader", message: `${message}; read without it`, page: null })),
    ...body.warnings,
  ];
  return { format: "docx", pages: null, tables: body.tables, text: body.text, warnings };
}
