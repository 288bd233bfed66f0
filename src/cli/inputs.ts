/**
 * Command-line paths → the list of input files: folders searched recursively for .pdf, .docx, .doc,
 * .odt and .rtf (any case), files taken as given. Sorted, so runs are repeatable.
 */
import { readdir, stat } from "node:fs/promises";
import { join, resolve } from "node:path";

export interface InputList {
  files: string[];
  /** Paths that do not exist or cannot be read. */
  missing: { path: string; message: string }[];
}

export async function findInputs(paths: string[], extensions: RegExp): Promise<InputList> {
  const files: string[] = [];
  const missing: InputList["missing"] = [];
  for (const p of paths) {
    let info;
    try {
      info = await stat(p);
    } catch (err) {
      missing.push({ path: p, message: (err as NodeJS.ErrnoException).code === "ENOENT" ? "no such file or folder" : (err as Error).message });
      continue;
    }
    if (info.isDirectory()) files.push(...(await walk(p, extensions)));
    else files.push(p);
  }
  const seen = new Set<string>();
  const unique = files.filter((f) => {
    const key = resolve(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { files: unique, missing };
}

async function walk(dir: string, extensions: RegExp): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(full, extensions)));
    else if (e.isFile() && extensions.test(e.name)) out.push(full);
  }
  return out;
}

/** Plan inputs: PDF and DOCX, and .doc, .odt, .rtf (read through LibreOffice). */
export const PLAN_EXTENSIONS = /\.(pdf|docx|doc|odt|rtf)$/i;
export const JSON_EXTENSIONS = /\.json$/i;
