/**
 * A seeded mutation fuzzer for plan inputs: byte flips, truncation, chunk moves and duplicates on any
 * file; for a DOCX also ZIP-level (a part dropped, truncated, swapped) and XML-level mutations of its
 * main document (tags dropped or repeated, numbers made huge or negative, elements nested deep).
 * The same seed always gives the same mutant.
 */
import JSZip from "jszip";

/** mulberry32: a small, fast, seedable generator of floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const int = (r: Rand, n: number) => Math.floor(r() * n);

export function flipBytes(bytes: Uint8Array, r: Rand): Uint8Array {
  const out = new Uint8Array(bytes);
  const n = 1 + int(r, 16);
  for (let i = 0; i < n; i++) out[int(r, out.length)] = int(r, 256);
  return out;
}

export function truncate(bytes: Uint8Array, r: Rand): Uint8Array {
  return bytes.slice(0, int(r, bytes.length));
}

export function moveChunk(bytes: Uint8Array, r: Rand): Uint8Array {
  const a = int(r, bytes.length);
  const len = 1 + int(r, Math.min(4096, bytes.length - a));
  const chunk = bytes.slice(a, a + len);
  const rest = new Uint8Array([...bytes.subarray(0, a), ...bytes.subarray(a + len)]);
  const at = int(r, rest.length + 1);
  const duplicate = r() < 0.3;
  const base = duplicate ? bytes : rest;
  return new Uint8Array([...base.subarray(0, at), ...chunk, ...base.subarray(at)]);
}

const BYTE_MUTATIONS = { flip: flipBytes, truncate, move: moveChunk } as const;

/** XML-level mutations of a part's text. */
export function mutateXml(xml: string, r: Rand): { xml: string; how: string } {
  const tags = [...xml.matchAll(/<[^>]+>/g)];
  const pick = () => tags[int(r, tags.length)];
  switch (int(r, 5)) {
    case 0: {
      // A tag dropped.
      const t = pick();
      if (!t) return { xml, how: "xml-none" };
      return { xml: xml.slice(0, t.index) + xml.slice(t.index! + t[0].length), how: "xml-drop-tag" };
    }
    case 1: {
      // A stretch of markup repeated.
      const a = pick();
      const b = pick();
      if (!a || !b) return { xml, how: "xml-none" };
      const [s, e] = a.index! < b.index! ? [a.index!, b.index! + b[0].length] : [b.index!, a.index! + a[0].length];
      const times = 1 + int(r, 50);
      return { xml: xml.slice(0, e) + xml.slice(s, e).repeat(times) + xml.slice(e), how: "xml-repeat" };
    }
    case 2: {
      // Numeric attribute values made huge, negative or not numbers.
      const values = ["2000000000", "-1", "99999999999999999999", "NaN", "", "1e308", "-2147483648"];
      let n = 0;
      const out = xml.replace(/(w:val|w:ilvl|w:numId|w:gridSpan)="(\d+)"/g, (m, k: string) =>
        r() < 0.2 && n++ < 20 ? `${k}="${values[int(r, values.length)]}"` : m,
      );
      return { xml: out, how: "xml-numbers" };
    }
    case 3: {
      // Elements nested deep around one paragraph.
      const t = tags.find((m) => m[0].startsWith("<w:p>") || m[0].startsWith("<w:p "));
      if (!t) return { xml, how: "xml-none" };
      const depth = 50 + int(r, 5000);
      const open = "<w:sdt><w:sdtContent>".repeat(depth);
      const close = "</w:sdtContent></w:sdt>".repeat(depth);
      const end = xml.indexOf("</w:p>", t.index!);
      if (end < 0) return { xml, how: "xml-none" };
      return { xml: xml.slice(0, t.index) + open + xml.slice(t.index!, end + 6) + close + xml.slice(end + 6), how: "xml-nest" };
    }
    default: {
      // Two tags swapped.
      const a = pick();
      const b = pick();
      if (!a || !b || a.index === b.index) return { xml, how: "xml-none" };
      const [x, y] = a.index! < b.index! ? [a, b] : [b, a];
      return {
        xml: xml.slice(0, x.index) + y[0] + xml.slice(x.index! + x[0].length, y.index) + x[0] + xml.slice(y.index! + y[0].length),
        how: "xml-swap",
      };
    }
  }
}

async function mutateZip(bytes: Uint8Array, r: Rand): Promise<{ bytes: Uint8Array; how: string }> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return { bytes: flipBytes(bytes, r), how: "flip" };
  }
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  let how: string;
  const choice = int(r, 10);
  if (choice < 6 && zip.file("word/document.xml")) {
    const m = mutateXml(await zip.file("word/document.xml")!.async("string"), r);
    zip.file("word/document.xml", m.xml);
    how = m.how;
  } else if (choice < 7) {
    const name = names[int(r, names.length)];
    zip.remove(name);
    how = `zip-drop ${name}`;
  } else if (choice < 8) {
    const name = names[int(r, names.length)];
    const data = await zip.file(name)!.async("uint8array");
    zip.file(name, data.slice(0, int(r, data.length)));
    how = `zip-truncate ${name}`;
  } else if (choice < 9) {
    const a = names[int(r, names.length)];
    const b = names[int(r, names.length)];
    const da = await zip.file(a)!.async("uint8array");
    const db = await zip.file(b)!.async("uint8array");
    zip.file(a, db);
    zip.file(b, da);
    how = `zip-swap ${a} ${b}`;
  } else {
    const name = names.find((n) => n.endsWith("numbering.xml") || n.endsWith("styles.xml")) ?? names[0];
    const m = mutateXml(await zip.file(name)!.async("string"), r);
    zip.file(name, m.xml);
    how = `${m.how} ${name}`;
  }
  return { bytes: await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }), how };
}

/** One mutant of `bytes` for `seed`; `docx` enables the ZIP- and XML-level mutations. */
export async function mutate(bytes: Uint8Array, seed: number, docx: boolean): Promise<{ bytes: Uint8Array; how: string }> {
  const r = prng(seed);
  if (docx && r() < 0.6) return mutateZip(bytes, r);
  const kinds = Object.keys(BYTE_MUTATIONS) as (keyof typeof BYTE_MUTATIONS)[];
  // Byte-level: one to three mutations in a row.
  let out = bytes;
  const how: string[] = [];
  const n = 1 + int(r, 3);
  for (let i = 0; i < n && out.length > 0; i++) {
    const k = kinds[int(r, kinds.length)];
    out = BYTE_MUTATIONS[k](out, r);
    how.push(k);
  }
  return { bytes: out, how: how.join("+") };
}
