/**
 * File names as shown on the terminal, in the log and in errors.json: control characters (a newline
 * could forge an "ok:" line, an escape sequence could rewrite the terminal) and the bidirectional
 * overrides are written as escapes; a name that is not UTF-8 shows its bad bytes as \xNN.
 */

// C0 and C1 controls, DEL, line/paragraph separators, bidi embeddings/overrides/isolates.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function escapeName(name: string): string {
  return name.replace(UNSAFE, (c) => {
    if (c === "\n") return "\\n";
    if (c === "\r") return "\\r";
    if (c === "\t") return "\\t";
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/**
 * A file name given as bytes → `display` (escaped, bad bytes as \xNN) and `text`, the name itself,
 * only when it is valid UTF-8 (otherwise the file must be opened by its bytes).
 */
export function decodeNameBytes(bytes: Uint8Array): { display: string; text?: string } {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return { display: escapeName(text), text };
  } catch {
    // not UTF-8 (a parse attempt): decoded piece by piece below
    let out = "";
    let i = 0;
    while (i < bytes.length) {
      // Take the longest valid UTF-8 sequence starting here (1–4 bytes), else escape one byte.
      let taken = false;
      for (let n = 4; n >= 1 && !taken; n--) {
        if (i + n > bytes.length) continue;
        try {
          out += escapeName(new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(i, i + n)));
          i += n;
          taken = true;
        } catch {
          // try a shorter sequence
        }
      }
      if (!taken) {
        out += `\\x${bytes[i].toString(16).padStart(2, "0")}`;
        i++;
      }
    }
    return { display: out };
  }
}
