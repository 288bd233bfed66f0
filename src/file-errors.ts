/**
 * The words for a file-system error (its errno code) and for what a path is when it is not a
 * regular file, shared by the library (reading an input) and the command line (finding inputs,
 * writing outputs), so every message says the same thing the same way.
 */
import type { Stats } from "node:fs";

function codeOrMessage(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return e?.code ?? String(e?.message || err).replace(/\s+/g, " ");
}

/**
 * Why a path cannot be read: "no such file" (or `missing`, for a path that may be a folder),
 * "permission denied", "it is a folder"; else the errno code, or the error's message.
 */
export function readReason(err: unknown, missing = "no such file"): string {
  switch ((err as NodeJS.ErrnoException)?.code) {
    case "ENOENT":
      return missing;
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "it is a folder";
    default:
      return codeOrMessage(err);
  }
}

/**
 * Why an output cannot be written: "no space left on the device", "the folder is not writable",
 * "a file of that name is in the way"; else the errno code, or the error's message.
 */
export function writeReason(err: unknown): string {
  switch ((err as NodeJS.ErrnoException)?.code) {
    case "ENOSPC":
    case "EDQUOT":
      return "no space left on the device";
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return "the folder is not writable";
    case "ENOTDIR":
    case "EEXIST":
      return "a file of that name is in the way";
    default:
      return codeOrMessage(err);
  }
}

/** What a path that is not a regular file is: "a folder", "a FIFO", "a socket", "a character device" … */
export function fileKind(info: Stats): string {
  if (info.isDirectory()) return "a folder";
  if (info.isFIFO()) return "a FIFO";
  if (info.isSocket()) return "a socket";
  if (info.isCharacterDevice()) return "a character device";
  if (info.isBlockDevice()) return "a block device";
  return "not a file";
}
