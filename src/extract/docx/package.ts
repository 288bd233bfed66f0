/**
 * Opening a DOCX package: telling a DOCX from other files, and reading the XML parts the
 * extractor needs (main document, styles, numbering).
 */
import JSZip from "jszip";
import { ConversionFailure } from "../grid.js";
import { parseXml, XmlSyntaxError, NS, type XmlElement } from "./xml.js";

export interface DocxParts {
  document: XmlElement;
  styles: XmlElement | null;
  numbering: XmlElement | null;
  /** Problems with optional parts (styles, numbering) that were skipped. */
  problems: string[];
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
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

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** True when a UTF-16LE name occurs in the bytes (stream names in a CFB directory). */
function hasUtf16Name(bytes: Uint8Array, name: string): boolean {
  const pattern = Buffer.from(name, "utf16le");
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(pattern);
}

/** Classify bytes that are not a ZIP package; always throws. */
function rejectNonZip(bytes: Uint8Array): never {
  if (startsWith(bytes, CFB_MAGIC)) {
    // A password-protected DOCX is an OLE compound file holding EncryptionInfo + EncryptedPackage;
    // any other compound file is a legacy Office binary (.doc, .xls).
    if (hasUtf16Name(bytes, "EncryptedPackage") || hasUtf16Name(bytes, "EncryptionInfo")) {
      throw new ConversionFailure("encrypted", "the DOCX file is password-protected (encrypted)");
    }
    throw new ConversionFailure(
      "not-a-plan-format",
      "this is a legacy binary Office file (e.g. Word 97-2003 .doc), not a DOCX",
    );
  }
  throw new ConversionFailure("not-a-plan-format", "not a DOCX file (no ZIP package signature)");
}

/** XML parts are UTF-8, or UTF-16 when they start with a byte order mark. */
function decodeXmlBytes(raw: Uint8Array): string {
  if (raw[0] === 0xff && raw[1] === 0xfe) return new TextDecoder("utf-16le").decode(raw);
  if (raw[0] === 0xfe && raw[1] === 0xff) return new TextDecoder("utf-16be").decode(raw);
  return new TextDecoder("utf-8").decode(raw);
}

async function readXmlPart(zip: JSZip, path: string): Promise<XmlElement | null> {
  const file = zip.file(path);
  if (!file) return null;
  let raw: Uint8Array;
  try {
    raw = await file.async("uint8array");
  } catch (e) {
    throw new ConversionFailure("damaged", `the DOCX part ${path} cannot be unpacked: ${(e as Error).message}`);
  }
  const text = decodeXmlBytes(raw);
  try {
    return parseXml(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
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

/** Targets of a part's relationships by type suffix ("styles", "numbering"). */
async function relationships(zip: JSZip, partPath: string): Promise<{ type: string; target: string }[]> {
  const dir = partPath.includes("/") ? partPath.slice(0, partPath.lastIndexOf("/")) : "";
  const name = partPath.slice(partPath.lastIndexOf("/") + 1);
  const relsPath = `${dir ? dir + "/" : ""}_rels/${name}.rels`;
  let rels: XmlElement | null;
  try {
    rels = await readXmlPart(zip, relsPath);
  } catch {
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
  if (bytes.length === 0) throw new ConversionFailure("empty", "the file is empty");
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) rejectNonZip(bytes);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw new ConversionFailure("damaged", `the DOCX package (ZIP) is damaged: ${(e as Error).message}`);
  }
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
  const docRels = await relationships(zip, mainPath);
  const relTarget = (suffix: string, fallback: string): string =>
    docRels.find((r) => r.type.endsWith("/" + suffix))?.target ?? fallback;
  const dir = mainPath.slice(0, mainPath.lastIndexOf("/") + 1);
  const problems: string[] = [];
  const optional = async (path: string): Promise<XmlElement | null> => {
    try {
      return await readXmlPart(zip, path);
    } catch (e) {
      problems.push((e as Error).message);
      return null;
    }
  };
  const styles = await optional(relTarget("styles", dir + "styles.xml"));
  const numbering = await optional(relTarget("numbering", dir + "numbering.xml"));
  return { document, styles, numbering, problems };
}
