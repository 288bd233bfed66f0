/** Test helper: build a minimal DOCX package in memory from WordprocessingML fragments. */
import JSZip from "jszip";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

export interface DocxSource {
  /** Content of w:body. */
  body: string;
  /** Content of w:numbering (abstractNum and num elements), when the document has lists. */
  numbering?: string;
  /** Content of w:styles. */
  styles?: string;
}

export async function makeDocx(src: DocxSource): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  const rels: string[] = [];
  if (src.numbering !== undefined) {
    zip.file("word/numbering.xml", `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}>${src.numbering}</w:numbering>`);
    rels.push(
      `<Relationship Id="rIdN" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>`,
    );
  }
  if (src.styles !== undefined) {
    zip.file("word/styles.xml", `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}>${src.styles}</w:styles>`);
    rels.push(
      `<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`,
    );
  }
  zip.file(
    "word/_rels/document.xml.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`,
  );
  zip.file("word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${src.body}</w:body></w:document>`);
  return zip.generateAsync({ type: "uint8array" });
}

/** A paragraph with plain text and optional numbering. */
export function p(text: string, num?: { numId: number; ilvl?: number }, pStyle?: string): string {
  const numPr = num ? `<w:numPr><w:ilvl w:val="${num.ilvl ?? 0}"/><w:numId w:val="${num.numId}"/></w:numPr>` : "";
  const style = pStyle ? `<w:pStyle w:val="${pStyle}"/>` : "";
  const pPr = numPr || style ? `<w:pPr>${style}${numPr}</w:pPr>` : "";
  return `<w:p>${pPr}${text ? `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>` : ""}</w:p>`;
}

/** One abstractNum level. */
export function lvl(
  ilvl: number,
  lvlText: string,
  opts: { start?: number; fmt?: string; restart?: number; pStyle?: string; isLgl?: boolean } = {},
): string {
  return (
    `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${opts.start ?? 1}"/><w:numFmt w:val="${opts.fmt ?? "decimal"}"/>` +
    (opts.restart !== undefined ? `<w:lvlRestart w:val="${opts.restart}"/>` : "") +
    (opts.pStyle ? `<w:pStyle w:val="${opts.pStyle}"/>` : "") +
    (opts.isLgl ? `<w:isLgl/>` : "") +
    `<w:lvlText w:val="${lvlText}"/></w:lvl>`
  );
}
