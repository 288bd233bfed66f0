/**
 * Hostile and broken inputs, generated (nothing of them is committed but the small regression files
 * under tests/data/hostile/): each a few KB, each built to take a naive reader's memory or time.
 * Used by `scripts/hostile.ts` (a folder of all of them) and by tests/hostile/*.test.ts.
 */
import { crc32, deflateRawSync, deflateSync } from "node:zlib";
import { pdfFromObjects } from "../pdf-objects.js";

export interface HostileCase {
  name: string;
  /** What it attacks, for the report. */
  what: string;
  bytes: () => Promise<Uint8Array>;
  /** Error codes accepted for it (never "internal"); "ok" when it may convert once its values are clamped. */
  codes: string[];
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A minimal PDF with one page of the given size whose content stream is `content` (Flate-compressed). */
export function makePdf(content: string | Buffer, width = 595, height = 842): Uint8Array {
  const stream = deflateSync(typeof content === "string" ? Buffer.from(content, "latin1") : content, { level: 9 });
  const objects: Buffer[] = [
    Buffer.from("<< /Type /Catalog /Pages 2 0 R >>"),
    Buffer.from("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
    Buffer.from(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>`,
    ),
    Buffer.concat([Buffer.from(`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`), stream, Buffer.from("\nendstream")]),
    Buffer.from("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
  ];
  return new Uint8Array(pdfFromObjects(objects));
}

/**
 * A DOCX package from the XML of its main document (and numbering), compressed as much as ZIP can.
 * Written here with node's zlib rather than JSZip (pure-JavaScript deflate): the 40 MB parts of the
 * ZIP-bomb cases take ~0.1 s instead of ~1 s of CPU. A plain ZIP: each entry's local header with its
 * CRC and both sizes (no data descriptor), then the central directory.
 */
export async function makeDocxPackage(documentXml: string | Buffer, numberingXml?: string): Promise<Uint8Array> {
  const rels = numberingXml
    ? `<Relationship Id="rIdN" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>`
    : "";
  const parts: [string, string | Buffer][] = [
    [
      "[Content_Types].xml",
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
    ],
    [
      "_rels/.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    ],
    [
      "word/_rels/document.xml.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
    ],
  ];
  if (numberingXml)
    parts.push(["word/numbering.xml", `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}>${numberingXml}</w:numbering>`]);
  parts.push(["word/document.xml", documentXml]);
  return zipOf(parts);
}

/** A ZIP archive of the given files, each deflated at level 9. */
function zipOf(files: [string, string | Buffer][]): Uint8Array {
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of files) {
    const data = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    const packed = deflateRawSync(data, { level: 9 });
    const nameBytes = Buffer.from(name, "utf8");
    // Fields shared by the local header (from offset 4) and the central one (from offset 6).
    const common = Buffer.alloc(26);
    common.writeUInt16LE(20, 0); // version needed to extract: 2.0 (deflate)
    common.writeUInt16LE(0x0800, 2); // flags: the name is UTF-8
    common.writeUInt16LE(8, 4); // method: deflate
    common.writeUInt16LE(0, 6); // time 00:00
    common.writeUInt16LE((1980 - 1980) * 512 + 1 * 32 + 1, 8); // date 1980-01-01
    common.writeUInt32LE(crc32(data), 10);
    common.writeUInt32LE(packed.length, 14);
    common.writeUInt32LE(data.length, 18);
    common.writeUInt16LE(nameBytes.length, 22);
    common.writeUInt16LE(0, 24); // no extra field
    const local = Buffer.concat([u32(0x04034b50), common, nameBytes]);
    const tail = Buffer.alloc(14); // comment length, disk, internal and external attributes: 0; then the offset
    tail.writeUInt32LE(offset, 10);
    central.push(Buffer.concat([u32(0x02014b50), u16(20), common, tail, nameBytes]));
    out.push(local, packed);
    offset += local.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...out, directory, end]));
}

const u16 = (n: number): Buffer => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
};
const u32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
};

const doc = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
const cell = (text: string, tcPr = "") => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ""}<w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
const header = `<w:tr>${cell("№")}${cell("Дейност")}${cell("Срок")}${cell("Отговорник")}</w:tr>`;

/** A ruled grid of n × n cells, drawn as 2(n+1) lines on a page large enough to hold them apart. */
export function denseGridPdf(n: number): Uint8Array {
  const step = 4;
  const size = n * step + 20;
  const lines: string[] = ["0.5 w", "BT /F1 3 Tf 12 12 Td (No Activity Deadline Responsible Indicator Financing Note) Tj ET"];
  for (let i = 0; i <= n; i++) {
    const p = 10 + i * step;
    lines.push(`10 ${p} m ${size - 10} ${p} l S`, `${p} 10 m ${p} ${size - 10} l S`);
  }
  return makePdf(lines.join("\n"), size, size);
}

/** A page whose content stream repeats one drawing operation `count` times (a few KB compressed). */
export function endlessOperatorsPdf(count: number): Uint8Array {
  const unit = "0 0 m 1 1 l S\n";
  return makePdf(Buffer.from(unit.repeat(count), "latin1"));
}

/** Elements nested `depth` deep inside the body. */
export function deepNestingDocx(depth: number): Promise<Uint8Array> {
  return makeDocxPackage(doc(`${"<w:sdt><w:sdtContent>".repeat(depth)}<w:p/>${"</w:sdtContent></w:sdt>".repeat(depth)}`));
}

export function hugeGridSpanDocx(): Promise<Uint8Array> {
  const row = `<w:tr>${cell("1.")}${cell("Дейност", '<w:gridSpan w:val="2000000000"/>')}${cell("2025 г.")}</w:tr>`;
  return makeDocxPackage(doc(`<w:tbl>${header}${row}${row}</w:tbl>`));
}

export function hugeNumberingDocx(): Promise<Uint8Array> {
  const numbering =
    `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="2000000000"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>` +
    `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
  const p = `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Дейност</w:t></w:r></w:p>`;
  return makeDocxPackage(
    doc(`<w:tbl>${header}<w:tr>${`<w:tc>${p}</w:tc>`}${cell("Дейност")}${cell("2025 г.")}${cell("РУО")}</w:tr></w:tbl>`),
    numbering,
  );
}

export function manyRowsDocx(rows: number): Promise<Uint8Array> {
  const row = `<w:tr>${cell("1.")}${cell("Дейност")}${cell("2025 г.")}${cell("РУО")}</w:tr>`;
  return makeDocxPackage(doc(`<w:tbl>${header}${row.repeat(rows)}</w:tbl>`));
}

export function hugeCellDocx(chars: number): Promise<Uint8Array> {
  const big = Buffer.alloc(chars, "a");
  return makeDocxPackage(
    Buffer.concat([
      Buffer.from(doc(`<w:tbl>${header}<w:tr>${cell("1.")}<w:tc><w:p><w:r><w:t>`).replace(/<\/w:body><\/w:document>$/, "")),
      big,
      Buffer.from(`</w:t></w:r></w:p></w:tc>${cell("2025 г.")}${cell("РУО")}</w:tr></w:tbl></w:body></w:document>`),
    ]),
  );
}

/** A ZIP whose main document inflates to `mb` megabytes of spaces (a "zip bomb"). */
export function zipBombDocx(mb: number): Promise<Uint8Array> {
  const head = Buffer.from(doc("<w:p/>").replace(/<\/w:body><\/w:document>$/, ""));
  const tail = Buffer.from("</w:body></w:document>");
  return makeDocxPackage(Buffer.concat([head, Buffer.alloc(mb * 1024 * 1024, 0x20), tail]));
}

/** Every hostile case; `scale` 1 is the full size of the issue, smaller for quick tests. */
export function hostileCases(scale: "full" | "small" = "full"): HostileCase[] {
  const full = scale === "full";
  return [
    {
      name: "dense-grid.pdf",
      what: `${full ? 3000 : 1600}² ruled grid`,
      bytes: async () => denseGridPdf(full ? 3000 : 1600),
      codes: ["too-complex", "no-plan-table"],
    },
    {
      name: "endless-operators.pdf",
      what: `${full ? "21M" : "600k"} operators on one page`,
      bytes: async () => endlessOperatorsPdf(full ? 7_000_000 : 200_000),
      codes: ["too-complex", "timeout"],
    },
    {
      name: "deep-nesting.docx",
      what: `${full ? "200,000" : "20,000"}-deep XML`,
      bytes: () => deepNestingDocx(full ? 200_000 : 20_000),
      codes: ["too-complex"],
    },
    { name: "huge-gridspan.docx", what: "w:gridSpan 2·10⁹", bytes: hugeGridSpanDocx, codes: ["no-plan-table", "too-complex"] },
    { name: "huge-numbering.docx", what: "numbering start 2·10⁹, letters", bytes: hugeNumberingDocx, codes: ["ok", "no-plan-table"] },
    {
      name: "many-rows.docx",
      what: `${full ? "200,000" : "30,000"}-row table`,
      bytes: () => manyRowsDocx(full ? 200_000 : 30_000),
      codes: ["too-complex", "too-large"],
    },
    {
      name: "huge-cell.docx",
      what: `${full ? "60M" : "2M"}-character cell`,
      bytes: () => hugeCellDocx(full ? 60_000_000 : 2_000_000),
      codes: ["too-complex", "too-large"],
    },
    {
      name: "zip-bomb.docx",
      what: `${full ? "1 GB" : "40 MB"} inflated`,
      bytes: () => zipBombDocx(full ? 1024 : 40),
      codes: ["too-large"],
    },
  ];
}
