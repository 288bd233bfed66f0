/**
 * PDF bytes → ExtractedDocument: ruled tables (lattice), borderless tables (stream), text outside
 * tables as blocks, running headers/footers removed. Pages are read one by one and released.
 */
import { ConversionFailure, message, success, type Message, type Result } from "../../model/messages.js";
import { documentFromBlocks, type DocumentBlock, type DoubtfulWord, type ExtractedDocument, type ParagraphBlock } from "../grid.js";
import { TableBudget } from "../table-limits.js";
import { buildGrid, groupFragments, type AssembledTable } from "./geometry/assemble.js";
import { assignItems, findLatticeTables, type Fragment } from "./geometry/lattice.js";
import { findRunningItems, isPageNumberText } from "./geometry/running.js";
import { documentColumnStarts, findStreamTables } from "./geometry/stream.js";
import { buildLines, type TextLine } from "./geometry/text-lines.js";
import { visibleChars, type PageContent, type TextItem } from "./page-content.js";
import { openPdf } from "./reader/load.js";
import { readPage } from "./reader/page.js";
import { LETTER_MIDDLE_EM, PARAGRAPH_LINE_STEP_EM, PARAGRAPH_SIZE_CHANGE_PT } from "./tolerances.js";

export interface ExtractPdfOptions {
  password?: string;
  /** Pages without a text layer: read by OCR ("auto") or left empty ("off", the default here; convertBuffer defaults to "auto"). */
  ocr?: "auto" | "off";
}

/** Fewer visible characters than this in the whole document means there is no text layer. */
const MIN_TEXT_CHARS = 20;

export async function extractPdf(bytes: Uint8Array, opts: ExtractPdfOptions = {}): Promise<Result<ExtractedDocument>> {
  const doc = await openPdf(bytes, opts.password);
  const warnings: Message[] = [];
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 8192))).toString("latin1");
  if (!tail.includes("%%EOF")) {
    warnings.push(message("pdf-truncated", "the PDF has no end-of-file marker: it may be truncated; what could be read was kept"));
  }
  const pages: PageContent[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      let page;
      try {
        page = await doc.getPage(n);
      } catch (err) {
        throw new ConversionFailure("damaged", `page ${n} of the PDF cannot be read: ${(err as Error)?.message ?? err}`);
      }
      try {
        pages.push(await readPage(page, n));
      } catch (err) {
        if (err instanceof ConversionFailure) throw err;
        warnings.push(message("pdf-page-unreadable", `page ${n} could not be read: ${(err as Error)?.message ?? err}`, { page: n }));
        pages.push({ number: n, width: 0, height: 0, items: [], horizontals: [], verticals: [] });
      }
    }
  } finally {
    await doc.destroy().catch(() => undefined);
  }
  let doubtful: DoubtfulWord[] = [];
  if (opts.ocr === "auto") {
    const { ocrPagesWithoutText } = await import("../ocr/index.js");
    ({ doubtful } = await ocrPagesWithoutText(bytes, opts.password, pages, warnings));
  }
  const extracted = extractFromPages(pages, warnings);
  if (doubtful.length > 0) extracted.value.ocrDoubtfulWords = doubtful;
  return extracted;
}

/** The layout analysis on already-read pages (exported for tests). */
export function extractFromPages(pages: PageContent[], warnings: Message[] = []): Result<ExtractedDocument> {
  const total = pages.reduce((a, p) => a + visibleChars(p.items), 0);
  if (total < MIN_TEXT_CHARS) {
    throw new ConversionFailure("no-text-layer", "the PDF has no text layer (scanned images?): its pages contain no extractable text");
  }
  for (const p of pages) {
    if (visibleChars(p.items) === 0) {
      warnings.push(message("pdf-page-without-text", `page ${p.number} has no text layer (an image only?)`, { page: p.number }));
    }
  }
  const running = findRunningItems(pages);
  const fragments: Fragment[] = [];
  const outsideByPage = new Map<number, TextItem[]>();
  const unruled: { page: PageContent; items: TextItem[] }[] = [];
  for (const p of pages) {
    const lattice = findLatticeTables(p.horizontals, p.verticals);
    const { fragments: lf, outside } = assignItems(lattice, p.items, p.number);
    const rest = outside.filter((it) => !running.has(it));
    fragments.push(...lf);
    outsideByPage.set(p.number, rest);
    // Pages with ruled tables keep their other text as text (no borderless tables looked for there).
    // A borderless table's repeated header looks like running text: offer it to the table search
    // again (page numbers excepted); what the table does not take stays out.
    if (lf.length === 0) unruled.push({ page: p, items: outside.filter((it) => !running.has(it) || !isPageNumberText(it.str)) });
  }
  if (unruled.length > 0) {
    const shared = documentColumnStarts(unruled);
    for (const { page, items } of unruled) {
      const stream = findStreamTables(items, page, shared);
      fragments.push(...stream.fragments);
      outsideByPage.set(
        page.number,
        stream.outside.filter((it) => !running.has(it)),
      );
    }
  }
  fragments.sort((a, b) => a.page - b.page || a.box.y0 - b.box.y0);

  const linesByPage = new Map<number, TextLine[]>();
  for (const [n, items] of outsideByPage) linesByPage.set(n, buildLines(items));

  const textBetween = (a: Fragment, b: Fragment): { after: boolean; before: boolean } => ({
    after: (linesByPage.get(a.page) ?? []).some((l) => l.y - l.size * LETTER_MIDDLE_EM > a.box.y1),
    before: (linesByPage.get(b.page) ?? []).some((l) => l.y < b.box.y0),
  });
  // The document limits on tables, as for a DOCX: each table is counted as soon as it is assembled.
  const budget = new TableBudget("PDF");
  const tables: AssembledTable[] = groupFragments(fragments, textBetween).map((group) => {
    const table = buildGrid(group);
    budget.grid(table.grid);
    return table;
  });
  for (const t of tables) if (t.kind === "stream") t.grid.borderless = true;
  const extracted = documentFromBlocks("pdf", pages.length, readingOrder(paragraphs(linesByPage, tables), tables));
  for (const t of tables) {
    if (t.kind === "stream") {
      warnings.push(
        message(
          "pdf-borderless-table",
          `the table starting on page ${t.start.page} has no ruling lines: its columns and rows were inferred from the text layout, check merged or split cells`,
          { page: t.start.page, table: extracted.tables.indexOf(t.grid) },
        ),
      );
    }
  }
  return success(extracted, warnings);
}

interface PlacedParagraph {
  block: ParagraphBlock;
  page: number;
  y: number;
}

/** Paragraphs and tables in reading order: by page, then top to bottom (a table by its start). */
function readingOrder(paras: PlacedParagraph[], tables: AssembledTable[]): DocumentBlock[] {
  const placed: { page: number; y: number; block: DocumentBlock }[] = [
    ...paras.map((p) => ({ page: p.page, y: p.y, block: p.block as DocumentBlock })),
    ...tables.map((t) => ({ page: t.start.page, y: t.start.y, block: { kind: "table", grid: t.grid } as DocumentBlock })),
  ];
  placed.sort((a, b) => a.page - b.page || a.y - b.y);
  return placed.map((p) => p.block);
}

/** Lines outside tables → paragraphs (same size and weight, close together) with their place. */
function paragraphs(linesByPage: Map<number, TextLine[]>, tables: AssembledTable[]): PlacedParagraph[] {
  const out: PlacedParagraph[] = [];
  const pagesSorted = [...linesByPage.keys()].sort((a, b) => a - b);
  for (const n of pagesSorted) {
    const lines = [...(linesByPage.get(n) ?? [])].sort((a, b) => a.y - b.y || a.x - b.x);
    let cur: { lines: TextLine[] } | null = null;
    const flush = (): void => {
      if (!cur) return;
      const first = cur.lines[0];
      const block: ParagraphBlock = {
        kind: "paragraph",
        text: cur.lines
          .map((l) => l.text)
          .join(" ")
          .replace(/\s+/g, " ")
          .trim(),
        lines: cur.lines.map((l) => l.text),
        page: n,
        size: Math.round(first.size * 10) / 10,
      };
      if (cur.lines.every((l) => l.bold)) block.bold = true;
      if (block.text) out.push({ block, page: n, y: first.y - first.size });
      cur = null;
    };
    for (const l of lines) {
      const prev = cur?.lines[cur.lines.length - 1];
      const joins =
        prev !== undefined &&
        l.y - prev.y <= Math.max(prev.size, l.size) * PARAGRAPH_LINE_STEP_EM &&
        Math.abs(l.size - prev.size) < PARAGRAPH_SIZE_CHANGE_PT &&
        l.bold === prev.bold &&
        !startsNumbered(l.text) &&
        !tables.some((t) => tableBetween(t, n, prev.y, l.y));
      if (!joins) {
        flush();
        cur = { lines: [l] };
      } else cur!.lines.push(l);
    }
    flush();
  }
  return out;
}

/** A line that starts with a list or heading number ("1.", "II.", "2.3") starts a paragraph of its own. */
function startsNumbered(text: string): boolean {
  return /^(?:[IVX]{1,5}|\d{1,2}(?:\.\d{1,2})*)[.)]\s+\S/u.test(text);
}

function tableBetween(t: AssembledTable, page: number, y0: number, y1: number): boolean {
  return (t.start.page === page && t.start.y > y0 && t.start.y < y1) || (t.end.page === page && t.end.y > y0 && t.end.y < y1);
}
