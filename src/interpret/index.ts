/**
 * Extracted document (grids + text) → plan rows and document metadata. Shared by PDF and DOCX.
 */
import type { ExtractedDocument, ExtractWarning, Grid } from "../extract/grid.js";
import { ConversionFailure } from "../extract/grid.js";
import type { Party, PlanDocument, Row, Warning } from "../model/schema.js";
import { normalizeDeadline } from "../normalize/dates.js";
import { splitParties } from "../normalize/parties.js";
import { parseIndicator } from "../normalize/indicators.js";
import type { AbbreviationTable } from "../normalize/abbreviations.js";
import { joinCellLines } from "./cell-text.js";
import { mapColumns, type ColumnMap } from "./columns.js";
import { readMetadata } from "./metadata.js";
import { collectRows, type RawRow } from "./rows.js";
import { documentVocabulary } from "./vocabulary.js";

export interface InterpretOptions {
  abbreviations: AbbreviationTable;
}

export interface Interpreted {
  document: PlanDocument["document"];
  rows: Row[];
  warnings: Warning[];
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

function toWarning(w: ExtractWarning | { code: string; message: string }, page: number | null = null, row: number | null = null): Warning {
  const ew = w as ExtractWarning;
  return { code: w.code, message: w.message, page: ew.page ?? page, row: ew.row ?? row };
}

export function interpretDocument(doc: ExtractedDocument, options: InterpretOptions): Interpreted {
  const warnings: Warning[] = doc.warnings.map((w) => toWarning(w));
  const plans: { grid: Grid; map: ColumnMap }[] = [];
  for (const grid of doc.tables) {
    const map = mapColumns(grid);
    if (map) plans.push({ grid, map });
  }
  if (plans.length === 0) {
    throw new ConversionFailure(
      "no-plan-table",
      doc.tables.length === 0
        ? "no table found in the document"
        : `none of the ${doc.tables.length} table(s) has a plan header (an activity column such as "Дейности")`,
    );
  }

  const vocab = documentVocabulary(plans.map((p) => p.grid));
  const clean = (lines: string[]) => joinCellLines(lines, vocab);
  const tableText = plans
    .flatMap((p) => p.grid.rows.slice(0, 5).flatMap((r) => r.cells.flatMap((c) => c.lines)))
    .join(" ");
  const document = readMetadata(doc.text, tableText);
  if (!document.period) {
    warnings.push({ code: "no-period", message: "The plan's period was not found in the text before the table.", page: null, row: null });
  }

  const raw: (RawRow & { table: number })[] = [];
  for (const { grid, map } of plans) {
    for (let c = 0; c < map.roles.length; c++) {
      if (map.roles[c] === "extra" && map.headers[c]) {
        warnings.push({
          code: "unknown-column",
          message: `Column "${map.headers[c]}" is not one the tool knows; its cells are kept in "extra".`,
          page: grid.rows[0]?.page ?? null,
          row: null,
        });
      }
    }
    const result = collectRows(grid, map, clean);
    const table = doc.tables.indexOf(grid);
    raw.push(...result.rows.map((r) => ({ ...r, table })));
    warnings.push(...result.warnings.map((w) => toWarning(w)));
  }

  const rows: Row[] = raw.map((r, index) => {
    const text = (lines: string[] | undefined): string | null => {
      if (!lines || lines.length === 0) return null;
      const t = clean(lines);
      return t === "" ? null : t;
    };
    const deadlineText = text(r.lines.deadline);
    const { deadline, warnings: dw } = normalizeDeadline(deadlineText, { period: document.period });
    for (const w of dw) warnings.push(toWarning(w, r.page, index));
    const current = text(r.lines.current);
    const target = text(r.lines.target);
    const responsibleLines = (r.lines.responsible ?? []).map((l) => l.trim()).filter(Boolean);
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
      financing: text(r.lines.financing),
      responsible: {
        text: text(responsibleLines),
        parties: responsibleLines.length ? partiesOf(responsibleLines, options.abbreviations) : [],
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

  return { document, rows, warnings };
}
