/**
 * Extracted document (the block stream: paragraphs and tables in reading order) → plan rows and
 * document metadata. Shared by PDF and DOCX. Headings come from paragraphs and from table rows and
 * share one section path across tables and pages; a headerless table continues the plan table
 * before it.
 */
import type { DocumentBlock, ExtractedDocument, Grid, ParagraphBlock } from "../extract/grid.js";
import { ConversionFailure, message, placed, success, type Message, type Result } from "../model/messages.js";
import type { Party, PlanDocument, Row, Section } from "../model/schema.js";
import { deadlineReader } from "../normalize/dates.js";
import { splitParties } from "../normalize/parties.js";
import { parseIndicator } from "../normalize/indicators.js";
import type { AbbreviationTable } from "../normalize/abbreviations.js";
import { joinCellLines } from "./cell-text.js";
import { mapColumns, type ColumnMap } from "./columns.js";
import { labelHasNumber, looksLikeHeading, partsLevel, SectionPath, splitHeading } from "./headings.js";
import { readMetadata } from "./metadata.js";
import { collectRows, type RawRow } from "./rows.js";
import { documentVocabulary } from "./vocabulary.js";

export interface InterpretOptions {
  abbreviations: AbbreviationTable;
}

export interface Interpreted {
  document: PlanDocument["document"];
  rows: Row[];
}

// The same responsible cells recur across rows and plans: split each distinct cell once per table.
const partyCache = new WeakMap<AbbreviationTable, Map<string, Party[]>>();
function partiesOf(lines: string[], table: AbbreviationTable): Party[] {
  let cache = partyCache.get(table);
  if (!cache) partyCache.set(table, (cache = new Map()));
  const key = lines.join("\n");
  let parties = cache.get(key);
  if (!parties) {
    parties = splitParties(lines, table);
    if (cache.size > 5000) cache.clear();
    cache.set(key, parties);
  }
  return parties.map((p) => ({ ...p }));
}

/** Longest paragraph taken for a heading. */
const MAX_HEADING_CHARS = 500;

/**
 * A paragraph that is a heading: a Word heading style or outline level; or bold text that starts
 * with a number ("I. …", "1. …", "1.2 …") or a label word ("Оперативна цел 2: …"); or a label word
 * with its own number ("Приоритет 1. …") in any weight. Returns its section and level, else null.
 */
export function paragraphHeading(block: ParagraphBlock): { section: Section; level: number } | null {
  const text = block.text.replace(/\s+/g, " ").trim();
  if (!text || (block.outlineLevel === undefined && text.length > MAX_HEADING_CHARS)) return null;
  const parts = splitHeading(text);
  const styled = block.outlineLevel !== undefined;
  const numbered = parts.number !== null || (parts.label !== null && parts.rank !== null);
  const labelNumbered = parts.label !== null && /\d|[IVX]/.test(parts.label);
  if (!(styled || (block.bold && numbered) || labelNumbered)) return null;
  return {
    section: { number: parts.number, label: parts.label, title: parts.title },
    level: partsLevel(parts, block.outlineLevel),
  };
}

/** Parties of the responsible column, then those of the partners column not already named. */
function responsiblePartiesOf(own: string[], partners: string[], table: AbbreviationTable): Party[] {
  const first = own.length ? partiesOf(own, table) : [];
  if (!partners.length) return first;
  const seen = new Set(first.map((p) => p.text));
  return [...first, ...partiesOf(partners, table).filter((p) => !seen.has(p.text))];
}

/** The roles of a table's columns in order (unknown columns left out), to tell a table repeated on the next page. */
function roleOrder(map: ColumnMap): string {
  return map.roles
    .filter((r, i) => i === 0 || r !== map.roles[i - 1])
    .filter((r) => r !== "extra")
    .join(",");
}

function shorten(text: string): string {
  return text.length > 80 ? text.slice(0, 77) + "…" : text;
}

/** A plan table of the document and the columns it was read with. */
interface PlanTable {
  grid: Grid;
  map: ColumnMap;
  /** Its columns were taken from the plan table before it (it starts with data rows). */
  continued: boolean;
}

/**
 * The column map of every table block: its own header, or — for a table that starts with data
 * rows and has the column count of the plan table before it — that table's columns.
 */
function planTables(blocks: DocumentBlock[]): Map<Grid, PlanTable> {
  const out = new Map<Grid, PlanTable>();
  let prev: PlanTable | null = null;
  for (const b of blocks) {
    if (b.kind !== "table") continue;
    const map = mapColumns(b.grid);
    if (map) {
      prev = { grid: b.grid, map, continued: false };
      out.set(b.grid, prev);
    } else if (prev && continuesTable(b.grid, prev.grid)) {
      const t: PlanTable = { grid: b.grid, map: { ...prev.map, headerRowCount: 0 }, continued: true };
      out.set(b.grid, t);
    }
  }
  return out;
}

/** A headerless table continues the one before when the column count (and widths, when known) agree. */
function continuesTable(grid: Grid, before: Grid): boolean {
  if (grid.columns !== before.columns || grid.rows.length === 0) return false;
  const a = grid.columnWidths;
  const b = before.columnWidths;
  if (a && b && a.length === b.length) {
    const total = b.reduce((x, y) => x + y, 0) || 1;
    if (a.some((w, i) => Math.abs(w - b[i]) / total > 0.03)) return false;
  }
  return true;
}

/** Rows and metadata of an extracted document, with the messages of this stage (the extractor's are the caller's). */
export function interpretDocument(doc: ExtractedDocument, options: InterpretOptions): Result<Interpreted> {
  const warnings: Message[] = [];
  const blocks: DocumentBlock[] = doc.blocks;
  const tableCount = blocks.filter((b) => b.kind === "table").length;
  const plans = planTables(blocks);
  if (plans.size === 0) {
    throw new ConversionFailure(
      "no-plan-table",
      tableCount === 0
        ? "no table found in the document"
        : `none of the ${tableCount} table(s) has a plan header (an activity column such as "Дейности")`,
    );
  }

  const planList = [...plans.values()];
  const vocab = documentVocabulary(planList.map((p) => p.grid));
  const clean = (lines: string[]) => joinCellLines(lines, vocab);
  const tableText = planList.flatMap((p) => p.grid.rows.slice(0, 5).flatMap((r) => r.cells.flatMap((c) => c.lines))).join(" ");
  const document = readMetadata(doc.text, tableText);
  if (!document.period) {
    warnings.push(message("no-period", "The plan's period was not found in the text before the table."));
  }

  const raw: RawRow[] = [];
  const path = new SectionPath();
  let tableBefore: PlanTable | null = null;
  let headingSinceTable = false;
  const paragraphSections = new Set<Section>();
  const firstPlan = blocks.findIndex((b) => b.kind === "table" && plans.has(b.grid));
  const lastPlan = blocks.length - 1 - [...blocks].reverse().findIndex((b) => b.kind === "table" && plans.has(b.grid));
  blocks.forEach((block, index) => {
    if (block.kind === "paragraph") {
      const heading = paragraphHeading(block.lines ? { ...block, text: clean(block.lines) } : block);
      if (heading) {
        headingSinceTable = true;
        path.push(heading.section, heading.level);
        paragraphSections.add(heading.section);
      } else if (index > firstPlan && index < lastPlan && looksLikeHeading(block.text)) {
        warnings.push(
          message(
            "skipped-heading",
            `The paragraph "${shorten(block.text)}" between the tables looks like a heading but is not bold or styled as one; it was not made a section.`,
            { page: block.page },
          ),
        );
      }
      return;
    }
    const plan = plans.get(block.grid);
    if (!plan) return;
    const { grid, map } = plan;
    const table = doc.tables.indexOf(grid);
    if (!plan.continued) {
      for (let c = 0; c < map.roles.length; c++) {
        if (map.roles[c] === "extra" && map.headers[c]) {
          warnings.push(
            message("unknown-column", `Column "${map.headers[c]}" is not one the tool knows; its cells are kept in "extra".`, {
              page: grid.rows[0]?.page ?? null,
              table,
            }),
          );
        }
      }
    }
    // A table that continues the one before on a later page may begin with the rest of its last row.
    const last = raw[raw.length - 1];
    const firstPage = grid.rows[0]?.page ?? null;
    const sameTable = plan.continued || (tableBefore !== null && !headingSinceTable && roleOrder(tableBefore.map) === roleOrder(map));
    const previous =
      sameTable && last && firstPage !== null && last.pages.length > 0 && firstPage > Math.max(...last.pages) ? last : undefined;
    const result = collectRows(grid, map, clean, { path, previous, table });
    tableBefore = plan;
    headingSinceTable = false;
    for (const r of result.rows) raw.push(r);
    warnings.push(...result.messages.map((m) => placed(m, { table })));
  });
  // A paragraph heading over every row of the plan is the chapter that holds the plan ("III.
  // Дейности за реализиране на приоритетите:"), not a section that tells rows apart.
  // A labelled heading with its own number ("Приоритет 5. …", "Оперативна цел 2: …") names a part
  // of the plan and stays a section even over every row.
  for (const section of paragraphSections) {
    if (section.label !== null && labelHasNumber(section.label)) continue;
    if (raw.length > 0 && raw.every((r) => r.sections.includes(section))) {
      for (const r of raw) r.sections = r.sections.filter((s) => s !== section);
    }
  }
  // Rows shared their section objects while headings could still grow; give each its own copy.
  for (const r of raw) r.sections = r.sections.map((s) => ({ ...s }));

  const readDeadline = deadlineReader({ period: document.period });
  const rows: Row[] = raw.map((r, index) => {
    const text = (lines: string[] | undefined): string | null => {
      if (!lines || lines.length === 0) return null;
      const t = clean(lines);
      return t === "" ? null : t;
    };
    // A month or period column stands for the deadline when there is no deadline column.
    const deadlineText = text(r.lines.deadline ?? r.lines.month);
    const { deadline, warnings: dw } = readDeadline(deadlineText);
    for (const w of dw) warnings.push(placed(w, { page: r.page, row: index, table: r.table }));
    const current = text(r.lines.current);
    const target = text(r.lines.target);
    const ownLines = (r.lines.responsible ?? []).map((l) => l.trim()).filter(Boolean);
    const partnerLines = (r.lines.partners ?? []).map((l) => l.trim()).filter(Boolean);
    const responsibleText = [text(ownLines), text(partnerLines)].filter((t): t is string => t !== null).join("; ") || null;
    // An amount column and a source column: "12 500,00; Общински бюджет" (amount first).
    const financingText = [text(r.lines.financing), text(r.lines.source)].filter((t): t is string => t !== null).join("; ") || null;
    const row: Row = {
      number: r.number,
      sections: r.sections,
      activity: text(r.lines.activity) ?? "",
      deadline,
      indicator: {
        unit: text(r.lines.unit),
        current,
        target,
        expected: text(r.lines.expected),
        ...(current !== null ? { currentParts: parseIndicator(current) } : {}),
        ...(target !== null ? { targetParts: parseIndicator(target) } : {}),
      },
      financing: financingText,
      responsible: {
        text: responsibleText,
        parties: responsiblePartiesOf(ownLines, partnerLines, options.abbreviations),
      },
      note: text(r.lines.note),
      pages: r.pages,
    };
    const extraEntries = Object.entries(r.extra)
      .map(([k, v]) => [k, clean(v)] as const)
      .filter(([, v]) => v !== "");
    if (extraEntries.length) row.extra = Object.fromEntries(extraEntries);
    if (doc.format === "pdf") row.boxes = r.boxes;
    else row.origin = { table: r.table, row: r.gridRow };
    return row;
  });

  return success({ document, rows }, warnings);
}
