/**
 * DOCX extractor: bytes of a .docx file → ExtractedDocument (the shared grid model).
 *
 * How it works:
 * 1. package.ts opens the ZIP and tells a DOCX from anything else (empty, encrypted, legacy .doc,
 *    other ZIPs, damaged packages → ConversionFailure).
 * 2. mammoth converts the document to HTML, which html.ts walks with cheerio: tables with their
 *    merged cells (colspan/rowspan) and header rows (<thead>), the paragraphs of every cell (one
 *    line per <p>/<li>, <br> splits), bold/italic, and the paragraphs outside tables.
 * 3. mammoth drops the automatic numbers of numbered paragraphs ("1.1.2", "а)"), which the plans
 *    use as row numbers. body.ts reads word/document.xml itself (styles.ts, numbering.ts, xml.ts)
 *    and computes the label Word shows in front of each numbered paragraph.
 * 4. align.ts matches the two readings table by table, row by row, cell by cell, paragraph by
 *    paragraph, and puts each label in front of its paragraph. A table the readers see differently
 *    is taken from the XML reading (warning "docx-structure"); so is a paragraph whose text differs
 *    (mammoth shows hidden text, ignores w:caps), and the whole document if mammoth fails.
 * 5. body.ts lays the blocks out as one stream in reading order: grids (unused grid columns
 *    folded) and paragraphs (with style, outline level and list number, for headings).
 */
import { documentFromBlocks, type ExtractedDocument, type ExtractWarning } from "../grid.js";
import { combine } from "./align.js";
import { BodyReader, layoutBody } from "./body.js";
import { readHtml, type HtmlBody } from "./html.js";
import { Numbering } from "./numbering.js";
import { openDocx } from "./package.js";
import { Styles } from "./styles.js";

export { ConversionFailure } from "../grid.js";

/**
 * mammoth messages that say nothing about the text: styles it has no HTML mapping for (nearly
 * every document has some) and problems with images (which carry no text here).
 */
const NOISE = /^(Unrecognised \w+ style|Image of type|Could not find image file|A v:imagedata element)/;

/**
 * Read a DOCX file. Throws ConversionFailure with code "empty", "encrypted" (password-protected
 * DOCX), "not-a-plan-format" (not a DOCX: another ZIP, a legacy .doc, anything else) or
 * "damaged" (broken ZIP or malformed main document).
 */
export async function extractDocx(bytes: Uint8Array): Promise<ExtractedDocument> {
  const parts = await openDocx(bytes);
  const styles = new Styles(parts.styles);
  const numbering = new Numbering(parts.numbering, (styleId) => styles.paragraphNumPr(styleId)?.numId);
  const xml = new BodyReader(styles, numbering).read(parts.document);
  const warnings: ExtractWarning[] = parts.problems.map((message) => ({
    code: "docx-reader",
    message: `${message}; read without it`,
    page: null,
  }));
  let html: HtmlBody | null = null;
  try {
    html = await readHtml(bytes);
  } catch (e) {
    warnings.push({
      code: "docx-reader",
      message: `mammoth could not convert the document (${(e as Error).message}); it was read from word/document.xml alone`,
      page: null,
    });
  }
  const seen = new Set<string>();
  for (const message of html?.messages ?? []) {
    if (NOISE.test(message) || seen.has(message)) continue;
    seen.add(message);
    warnings.push({ code: "docx-reader", message: `mammoth: ${message}`, page: null });
  }
  const combined = html ? combine(xml, html) : { blocks: xml.blocks, warnings: [] };
  const body = layoutBody(combined.blocks, [...warnings, ...xml.warnings, ...combined.warnings]);
  return documentFromBlocks("docx", null, body.blocks, body.warnings);
}
