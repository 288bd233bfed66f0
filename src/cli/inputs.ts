/**
 * Command-line paths → the list of input files: folders searched recursively for .pdf, .docx, .doc,
 * .odt and .rtf (any case), files taken as given. Sorted, so runs are repeatable. Names are read as bytes, so a
 * file whose name is not UTF-8 is still found and read; what is not a regular file (a device, FIFO,
 * socket) is refused at once, never opened.
 */
import type { Dirent, Stats } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { resolve } from "node:path";
import { fileKind, readReason } from "../file-errors.js";
import { decodeNameBytes, escapeName } from "./display-name.js";

export interface InputFile {
  /** The path as text, escaped for display (control characters, non-UTF-8 bytes). */
  display: string;
  /** The path to open: text, or bytes when the name is not UTF-8. */
  fsPath: string | Buffer;
}

export interface InputList {
  files: InputFile[];
  /** Paths that do not exist, cannot be read, or are not regular files. */
  missing: { path: string; message: string }[];
}

export async function findInputs(paths: string[], extensions: RegExp): Promise<InputList> {
  const files: InputFile[] = [];
  const missing: InputList["missing"] = [];
  for (const p of paths) {
    let info: Stats;
    try {
      info = await stat(p);
    } catch (err) {
      missing.push({ path: escapeName(p), message: readReason(err, "no such file or folder") });
      continue;
    }
    if (info.isDirectory()) await walk(Buffer.from(p), extensions, files, missing);
    else if (info.isFile()) files.push({ display: escapeName(p), fsPath: p });
    else missing.push({ path: escapeName(p), message: `not a regular file (${fileKind(info)}): only files and folders are read` });
  }
  const seen = new Set<string>();
  const unique = files.filter((f) => {
    const key = typeof f.fsPath === "string" ? resolve(f.fsPath) : `bytes:${resolve(f.fsPath.toString("latin1"))}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { files: unique, missing };
}

async function walk(dir: Buffer, extensions: RegExp, files: InputFile[], missing: InputList["missing"]): Promise<void> {
  let entries: Dirent<Buffer>[];
  try {
    entries = await readdir(dir, { withFileTypes: true, encoding: "buffer" });
  } catch (err) {
    missing.push({ path: decodeNameBytes(dir).display, message: `cannot list the folder: ${readReason(err)}` });
    return;
  }
  entries.sort((a, b) => Buffer.compare(a.name, b.name));
  for (const e of entries) {
    const full = Buffer.concat([dir, Buffer.from(dir[dir.length - 1] === 0x2f ? "" : "/"), e.name]);
    if (e.isDirectory()) {
      await walk(full, extensions, files, missing);
      continue;
    }
    if (!extensions.test(e.name.toString("latin1"))) continue;
    const path = decodeNameBytes(full);
    if (e.isFile()) files.push({ display: path.display, fsPath: path.text ?? full });
    else if (!e.isSymbolicLink()) missing.push({ path: path.display, message: "not a regular file: only files are read" });
  }
}

/** Word-processor inputs: DOCX, and .doc, .odt, .rtf (read through LibreOffice). */
const WORD_EXTENSIONS = ["docx", "doc", "odt", "rtf"];
const PLAN_EXTENSION_LIST = ["pdf", ...WORD_EXTENSIONS];
const endsWithOneOf = (extensions: string[]): RegExp => new RegExp(`\\.(${extensions.join("|")})$`, "i");

/** Plan inputs: PDF and the word-processor formats. */
export const PLAN_EXTENSIONS = endsWithOneOf(PLAN_EXTENSION_LIST);
/** Inputs named as word-processor files (a worker need not load pdf.js for them in advance). */
export const WORD_EXTENSIONS_PATTERN = endsWithOneOf(WORD_EXTENSIONS);
export const JSON_EXTENSIONS = /\.json$/i;
/** How the extensions are named in messages. */
export const PLAN_EXTENSION_NAMES = PLAN_EXTENSION_LIST.map((e) => `.${e}`).join(", ");
