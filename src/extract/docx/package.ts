/**
 * Opening a DOCX package: refusing other files (told apart by ../detect.ts), and reading the XML
 * parts the extractor needs (main document, styles, numbering).
 */
import JSZip from "jszip";
import { MAX_DOCX_PART_BYTES, MAX_DOCX_TOTAL_BYTES } from "../../limits.js";
import { ConversionFailure } from "../../model/messages.js";
import { detectFormat, type InputFormat } from "../detect.js";
import { parseXml, XmlDepthError, XmlSyntaxError, NS, type XmlElement } from "./xml.js";

export interface DocxParts {
  document: XmlElement;
  styles: XmlElement | null;
  numbering: XmlElement | null;
  /** Problems with optional parts (styles, numbering) that were skipped. */
  problems: string[];
}

const OFFICE_DOCUMENT_REL = /\/officeDocument$/;

/**
 * A part that is not well-formed XML (code "damaged"). Kept apart from other damage because a
 * lenient reader may still read such a main document (see index.ts).
 */
export class MalformedXmlPart extends ConversionFailure {
  constructor(
    readonly part: string,
    message: string,
  ) {
    super("damaged", message);
  }
}

/** What the bytes are when they are not a DOCX, in the words of a failure message. */
const OTHER_FORMAT: Record<Exclude<InputFormat, "docx">, string> = {
  pdf: "a PDF",
  doc: "a legacy binary Word file (Word 97-2003 .doc)",
  odt: "an OpenDocument text (.odt)",
  rtf: "an RTF file",
};

/** XML parts are UTF-8, or UTF-16 when they start with a byte order mark. */
function decodeXmlBytes(raw: Uint8Array): string {
  if (raw[0] === 0xff && raw[1] === 0xfe) return new TextDecoder("utf-16le").decode(raw);
  if (raw[0] === 0xfe && raw[1] === 0xff) return new TextDecoder("utf-16be").decode(raw);
  return new TextDecoder("utf-8").decode(raw);
}

interface JSZipStream {
  on(event: "data", cb: (chunk: Uint8Array) => void): JSZipStream;
  on(event: "error", cb: (e: Error) => void): JSZipStream;
  on(event: "end", cb: () => void): JSZipStream;
  pause(): JSZipStream;
  resume(): JSZipStream;
}

/** Inflated bytes read so far from each package, against MAX_DOCX_TOTAL_BYTES. */
const inflated = new WeakMap<JSZip, number>();

function tooLargePart(path: string, what: string): ConversionFailure {
  return new ConversionFailure("too-large", `the DOCX part ${path} ${what} (a "zip bomb"?)`);
}

/**
 * A part's bytes, inflated with limits: the size the ZIP directory declares is checked before
 * inflating, and the bytes are counted while inflating (a directory may lie).
 */
async function partBytes(zip: JSZip, file: JSZip.JSZipObject, path: string): Promise<Uint8Array> {
  const declared = (file as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize;
  const before = inflated.get(zip) ?? 0;
  const mb = (n: number) => `${Math.round(n / 1048576)} MB`;
  if (typeof declared === "number") {
    if (declared > MAX_DOCX_PART_BYTES)
      throw tooLargePart(path, `inflates to ${mb(declared)}, above the limit of ${mb(MAX_DOCX_PART_BYTES)} per part`);
    if (before + declared > MAX_DOCX_TOTAL_BYTES)
      throw tooLargePart(path, `takes the inflated package above the limit of ${mb(MAX_DOCX_TOTAL_BYTES)}`);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  await new Promise<void>((resolve, reject) => {
    // internalStream is JSZip's chunked reader (public, though missing from its type definitions).
    const stream = (file as unknown as { internalStream(type: "uint8array"): JSZipStream }).internalStream("uint8array");
    stream
      .on("data", (chunk: Uint8Array) => {
        total += chunk.length;
        if (total > MAX_DOCX_PART_BYTES || before + total > MAX_DOCX_TOTAL_BYTES) {
          stream.pause();
          reject(tooLargePart(path, `inflates to more than its directory says, above the limits`));
          return;
        }
        chunks.push(chunk);
      })
      .on("error", (e: Error) => reject(new ConversionFailure("damaged", `the DOCX part ${path} cannot be unpacked: ${e.message}`)))
      .on("end", () => resolve())
      .resume();
  });
  inflated.set(zip, before + total);
  return chunks.length === 1 ? chunks[0] : new Uint8Array(Buffer.concat(chunks, total));
}

/**
 * Every part's inflated size as the ZIP directory declares it, before anything is inflated: mammoth
 * reads parts of its own (footnotes, comments), which must be bounded too.
 */
function checkDeclaredSizes(zip: JSZip): void {
  let total = 0;
  const mb = (n: number) => `${Math.round(n / 1048576)} MB`;
  for (const [path, file] of Object.entries(zip.files)) {
    if (file.dir) continue;
    const declared = (file as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
    if (declared > MAX_DOCX_PART_BYTES)
      throw tooLargePart(path, `inflates to ${mb(declared)}, above the limit of ${mb(MAX_DOCX_PART_BYTES)} per part`);
    // Pictures count per part only: a plan may hold many, and the text is what the total bounds.
    if (/\.(png|jpe?g|gif|bmp|tiff?|emf|wmf|svg|wdp)$/i.test(path)) continue;
    total += declared;
    if (total > MAX_DOCX_TOTAL_BYTES) throw tooLargePart(path, `takes the inflated package above the limit of ${mb(MAX_DOCX_TOTAL_BYTES)}`);
  }
}

async function readXmlPart(zip: JSZip, path: string): Promise<XmlElement | null> {
  const file = zip.file(path);
  if (!file) return null;
  const raw = await partBytes(zip, file, path);
  const text = decodeXmlBytes(raw);
  try {
    return parseXml(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    if (e instanceof XmlDepthError) {
      throw new ConversionFailure("too-complex", `the DOCX part ${path} nests elements deeper than the limit of ${e.limit}`);
    }
    if (e instanceof XmlSyntaxError) {
      throw new MalformedXmlPart(path, `the DOCX part ${path} is not well-formed XML: ${e.message}`);
    }
    throw e;
  }
}

function resolveTarget(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").filter(Boolean);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

/**
 * Targets of a part's relationships by type suffix ("styles", "numbering"). A damaged relationships
 * part counts as none: its message goes to `problems` when given (the document is then read with the
 * default part names), else the caller's own check reports what is missing.
 */
async function relationships(zip: JSZip, partPath: string, problems?: string[]): Promise<{ type: string; target: string }[]> {
  const dir = partPath.includes("/") ? partPath.slice(0, partPath.lastIndexOf("/")) : "";
  const name = partPath.slice(partPath.lastIndexOf("/") + 1);
  const relsPath = `${dir ? dir + "/" : ""}_rels/${name}.rels`;
  let rels: XmlElement | null;
  try {
    rels = await readXmlPart(zip, relsPath);
  } catch (e) {
    if (e instanceof ConversionFailure && e.code !== "damaged") throw e;
    problems?.push((e as Error).message);
    return [];
  }
  if (!rels) return [];
  const out: { type: string; target: string }[] = [];
  for (const c of rels.children) {
    if (typeof c === "string" || c.name !== "Relationship" || (c.ns !== NS.rels && c.ns !== "")) continue;
    if (c.attrs.TargetMode === "External" || !c.attrs.Target) continue;
    out.push({ type: c.attrs.Type ?? "", target: resolveTarget(dir, c.attrs.Target) });
  }
  return out;
}

/** Open the bytes of a DOCX file; throws ConversionFailure when they are not a readable DOCX. */
export async function openDocx(bytes: Uint8Array): Promise<DocxParts> {
  // The format sniffer throws for what no reader takes (empty, encrypted, damaged OLE, other kinds).
  const format = detectFormat(bytes);
  if (format !== "docx") throw new ConversionFailure("not-a-plan-format", `not a DOCX file: this is ${OTHER_FORMAT[format]}`);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw new ConversionFailure("damaged", `the DOCX package (ZIP) is damaged: ${(e as Error).message}`);
  }
  checkDeclaredSizes(zip);
  let mainPath = "word/document.xml";
  if (!zip.file(mainPath)) {
    const rootRels = await relationships(zip, "");
    const main = rootRels.find((r) => OFFICE_DOCUMENT_REL.test(r.type) && zip.file(r.target));
    if (!main) {
      const what = zip.file("xl/workbook.xml")
        ? "an Excel workbook"
        : zip.file("ppt/presentation.xml")
          ? "a PowerPoint presentation"
          : zip.file("content.xml")
            ? "an OpenDocument file"
            : "a ZIP archive without a Word document";
      throw new ConversionFailure("not-a-plan-format", `not a DOCX file: this is ${what}`);
    }
    mainPath = main.target;
  }
  const document = await readXmlPart(zip, mainPath);
  if (!document) throw new ConversionFailure("damaged", "the DOCX main document cannot be read");
  const problems: string[] = [];
  const docRels = await relationships(zip, mainPath, problems);
  const relTarget = (suffix: string, fallback: string): string => docRels.find((r) => r.type.endsWith("/" + suffix))?.target ?? fallback;
  const dir = mainPath.slice(0, mainPath.lastIndexOf("/") + 1);
  const optional = async (path: string): Promise<XmlElement | null> => {
    try {
      return await readXmlPart(zip, path);
    } catch (e) {
      // A hostile optional part fails the file like a hostile main part; only a damaged one is skipped.
      if (e instanceof ConversionFailure && e.code !== "damaged") throw e;
      problems.push((e as Error).message);
      return null;
    }
  };
  const styles = await optional(relTarget("styles", dir + "styles.xml"));
  const numbering = await optional(relTarget("numbering", dir + "numbering.xml"));
  return { document, styles, numbering, problems };
}
