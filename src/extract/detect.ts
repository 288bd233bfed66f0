/**
 * Which reader an input needs, decided from its bytes (never from the file name alone).
 */
import { ConversionFailure } from "./grid.js";

export function detectFormat(bytes: Uint8Array): "pdf" | "docx" {
  if (bytes.byteLength === 0) throw new ConversionFailure("empty", "the file is empty");
  const head = Buffer.from(bytes.subarray(0, Math.min(bytes.byteLength, 1024)));
  // A PDF may have a few bytes of junk before its header; readers accept it within the first 1 KB.
  if (head.includes("%PDF-")) return "pdf";
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 0x03 || head[2] === 0x05)) return "docx";
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    throw new ConversionFailure(
      "encrypted",
      "the file is an OLE container: a password-protected DOCX or an old binary .doc; save it as an unprotected .docx or as PDF",
    );
  }
  throw new ConversionFailure("not-a-plan-format", "the file is neither a PDF nor a DOCX (checked by its content, not its name)");
}
