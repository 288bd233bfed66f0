/**
 * DOCX extractor: bytes of a .docx file → ExtractedDocument (the shared grid model).
 *
 * How it works:
 * 1. package.ts opens the ZIP and tells a DOCX from anything else (empty, encrypted, legacy .doc,
 *    other ZIPs, damaged packages → ConversionFailure).
 * 2. body.ts reads word/document.xml (with styles.ts, numbering.ts, xml.ts) into blocks: tables
 *    with their merged cells and header rows, the paragraphs of every cell, and the paragraphs
 *    outside tables, each with the automatic number Word shows in front of it ("1.1.2", "а)"),
 *    bold/italic resolved through the styles, hidden text dropped, w:caps applied, symbols, tabs,
 *    breaks, text boxes and field results read.
 * 3. body.ts lays the blocks out as one stream in reading order: grids (unused grid columns
 *    folded) and paragraphs (with style, outline level and list number, for headings).
 *
 * That is the only reading at run time. When word/document.xml is not well-formed XML, or the
 * XML reader fails on it, mammoth's more lenient reading (html.ts) is the fallback: the document
 * is read from its HTML, without automatic numbers, with a "docx-fallback" warning saying so.
 * mammoth's reading is also the independent second reading in the tests
 * (tests/docx/mammoth-crosscheck.test.ts).
 */
import { ConversionFailure, message, success, type Message, type Result } from "../../model/messages.js";
import { documentFromBlocks, type ExtractedDocument } from "../grid.js";
import { BodyReader, layoutBody, type BodyModel } from "./body.js";
import type { HtmlBody } from "./html.js";
import { Numbering } from "./numbering.js";
import { MalformedXmlPart, openDocx } from "./package.js";
import { Styles } from "./styles.js";

export { ConversionFailure } from "../../model/messages.js";

/**
 * mammoth messages that say nothing about the text: styles it has no HTML mapping for (nearly
 * every document has some) and problems with images (which carry no text here).
 */
const NOISE = /^(Unrecognised \w+ style|Image of type|Could not find image file|A v:imagedata element)/;

/**
 * Read a DOCX file. Throws ConversionFailure with code "empty", "encrypted" (password-protected
 * DOCX), "not-a-plan-format" (not a DOCX: another ZIP, a legacy .doc, anything else) or
 * "damaged" (broken ZIP or OLE file, or a main document neither reader can read); other bytes get
 * the code detectFormat gives them.
 */
export async function extractDocx(bytes: Uint8Array): Promise<Result<ExtractedDocument>> {
  let body: BodyModel;
  let messages: Message[];
  try {
    const parts = await openDocx(bytes);
    messages = parts.problems.map((problem) => message("docx-reader", `${problem}; read without it`));
    const styles = new Styles(parts.styles);
    const numbering = new Numbering(parts.numbering, (styleId) => styles.paragraphNumPr(styleId)?.numId);
    body = new BodyReader(styles, numbering).read(parts.document);
  } catch (e) {
    // a ConversionFailure other than malformed XML (not a DOCX, encrypted, broken ZIP, limits)
    // is final; malformed XML and a failure of the reader itself get the fallback
    if (!(e instanceof Error) || (e instanceof ConversionFailure && !(e instanceof MalformedXmlPart))) throw e;
    return fallback(bytes, e);
  }
  return success(documentFromBlocks("docx", null, layoutBody(body.blocks)), [...messages, ...body.messages]);
}

/**
 * mammoth's reading of a document the XML reader could not read. Throws the XML reader's error
 * when mammoth fails too or finds nothing in the document.
 */
async function fallback(bytes: Uint8Array, failure: Error): Promise<Result<ExtractedDocument>> {
  // loaded only when needed: mammoth and cheerio take about a second to load
  const { htmlBlocks, readHtml } = await import("./html.js");
  let html: HtmlBody;
  try {
    html = await readHtml(bytes);
  } catch {
    // mammoth could not read it either: the XML reader's failure is the one to report
    throw failure;
  }
  const blocks = htmlBlocks(html);
  if (blocks.length === 0) throw failure;
  const messages: Message[] = [];
  messages.push(
    message(
      "docx-fallback",
      `word/document.xml could not be read (${failure.message}); the document was read by mammoth's more lenient reader ` +
        "instead: automatic numbers and formatting from styles are missing, hidden text is shown, and the text may be incomplete",
    ),
  );
  for (const text of new Set(html.messages)) {
    if (!NOISE.test(text)) messages.push(message("docx-reader", `mammoth: ${text}`));
  }
  return success(documentFromBlocks("docx", null, layoutBody(blocks)), messages);
}
