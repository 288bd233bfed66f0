/** File names cut to a length in bytes (file systems limit a name to 255 bytes, not characters). */

/** The longest start of `name` that is at most `max` bytes in UTF-8, cut between characters. */
export function fitBytes(name: string, max: number): string {
  if (Buffer.byteLength(name) <= max) return name;
  let out = "";
  let bytes = 0;
  for (const ch of name) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > max) break;
    out += ch;
    bytes += n;
  }
  return out;
}
