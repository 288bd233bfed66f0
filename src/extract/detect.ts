/**
 * Which reader an input needs, decided from its bytes (never from the file name alone). The one
 * place that tells formats apart: the DOCX reader asks it too when it is given other bytes.
 */
import { ConversionFailure } from "../model/messages.js";
import { readCompoundFile, type CompoundFile } from "./office/ole.js";

export type InputFormat = "pdf" | "docx" | "doc" | "odt" | "rtf";

const ODT_MIMETYPE = "mimetypeapplication/vnd.oasis.opendocument.text";

export function detectFormat(bytes: Uint8Array): InputFormat {
  if (bytes.byteLength === 0) throw new ConversionFailure("empty", "the file is empty");
  const head = Buffer.from(bytes.subarray(0, Math.min(bytes.byteLength, 1024)));
  // A PDF may have a few bytes of junk before its header; readers accept it within the first 1 KB.
  if (head.includes("%PDF-")) return "pdf";
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 0x03 || head[2] === 0x05)) {
    // An OpenDocument package starts with an uncompressed "mimetype" entry naming its kind.
    const latin = head.toString("latin1");
    if (latin.includes(ODT_MIMETYPE)) {
      // "…text-template" (.ott) and "…text-master" (.odm) are read the same way.
      return "odt";
    }
    if (latin.includes("mimetypeapplication/vnd.oasis.opendocument.")) {
      throw new ConversionFailure(
        "not-a-plan-format",
        "the file is an OpenDocument file but not a text document (a spreadsheet or a presentation?)",
      );
    }
    return "docx";
  }
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return oleFormat(bytes);
  if (/^(\xef\xbb\xbf)?\s*\{\\rtf/.test(head.subarray(0, 32).toString("latin1"))) return "rtf";
  throw new ConversionFailure("not-a-plan-format", "the file is none of PDF, DOCX, DOC, ODT or RTF (checked by its content, not its name)");
}

/** An OLE compound file: an old Word .doc, or an encrypted Office 2007+ file (Word, Excel…). */
function oleFormat(bytes: Uint8Array): InputFormat {
  let cfb: CompoundFile;
  try {
    cfb = readCompoundFile(bytes);
  } catch (err) {
    throw new ConversionFailure("damaged", `the file is an OLE compound file that cannot be read: ${(err as Error).message}`);
  }
  const { streams } = cfb;
  if (streams.has("EncryptedPackage") || streams.has("EncryptionInfo")) {
    throw new ConversionFailure("encrypted", "the file is a password-protected Office document: save it without a password (or as PDF)");
  }
  if (streams.has("WordDocument")) {
    if (cfb.wordDocumentEncrypted) {
      throw new ConversionFailure("encrypted", "the .doc file is password-protected: save it without a password (or as PDF)");
    }
    return "doc";
  }
  throw new ConversionFailure(
    "not-a-plan-format",
    "the file is an OLE compound file without a Word document in it (an old Excel or PowerPoint file?)",
  );
}
