/**
 * all-plans.xlsx written as a stream while a batch runs: each converted document's rows are appended
 * and released, so memory stays bounded however many files the batch holds. Same sheets, columns and
 * look as the per-document workbook (src/output/workbook.ts). Documents are written in input order
 * (a small reorder buffer holds those that finish early), to a temporary file renamed at the end.
 * The summary sheet comes first in the workbook but is written at the end (it holds one short line per
 * document): its place, sheet 1, is held by a stand-in until then, because a streamed sheet's XML is opened
 * when the sheet is created and the zip writes entries in that order — a summary created first would hold
 * back every other sheet in memory.
 */
import { rename, rm } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { PlanDocument } from "../model/schema.js";
import { temporaryPathFor } from "./atomic-write.js";
import { StyleSharer } from "./workbook-styles.js";
import { PRINT_COLUMNS, PRINT_SHEET, printLines, stylePrintLine } from "./print-sheet.js";
import {
  ACTIVITIES_SHEET,
  ACTIVITY_COLUMNS,
  DOCUMENTS_SHEET,
  DOCUMENT_COLUMNS,
  PLANS_SUMMARY_COLUMNS,
  PLANS_SUMMARY_SHEET,
  WARNINGS_SHEET,
  WARNING_COLUMNS,
  activityCells,
  documentCells,
  planSummaryCells,
  styleStatusCell,
  plansTotalCells,
  tallyDocument,
  warningCells,
  type DocumentTally,
  type PlanWorkbookOptions,
} from "./workbook.js";
import {
  BODY_FONT,
  HEADER_FONT,
  LINK_FONT,
  PAPER_A3,
  PRINT_FOOTER,
  printSetup,
  rowHeightFor,
  styleHeaderCell,
  THIN_BORDER,
  type ColumnSpec,
} from "./workbook-cells.js";

interface StreamSheet {
  sheet: ExcelJS.Worksheet;
  columns: ColumnSpec[];
  rows: number;
}

/** Holds sheet id 1 for the summary while the batch runs; "committed" so a commit passes over it. */
const SUMMARY_STAND_IN = { committed: true };

/** Colour the "check" status cell of a row. */
function styleStatus(columns: ColumnSpec[]): (row: ExcelJS.Row) => void {
  const status = columns.findIndex((c) => c.header === "Статус") + 1;
  return (row) => styleStatusCell(row.getCell(status));
}

const styleActivityStatus = styleStatus(ACTIVITY_COLUMNS);
const SOURCE_COLUMN = ACTIVITY_COLUMNS.findIndex((c) => c.header === "Източник") + 1;

function styleActivityRow(row: ExcelJS.Row): void {
  styleActivityStatus(row);
  const link = row.getCell(SOURCE_COLUMN);
  if (link.value !== null && typeof link.value === "object") link.font = LINK_FONT;
}

export class AllPlansWriter {
  private readonly tmp: string;
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly summaryLines: { cells: ExcelJS.CellValue[]; tally: DocumentTally }[] = [];
  private readonly activities: StreamSheet;
  private readonly print: StreamSheet;
  private readonly documents: StreamSheet;
  private readonly warnings: StreamSheet;
  private readonly pending = new Map<number, PlanDocument | null>();
  /** Cells of the same look share one style object, so exceljs renders each style once (same file). */
  private readonly styles = new StyleSharer();
  private next = 0;
  private written = 0;
  /** A write fault of the file stream (read-only or full folder), kept for close() to report. */
  private fault: Error | null = null;

  constructor(
    private readonly path: string,
    private readonly opts: PlanWorkbookOptions = {},
  ) {
    this.tmp = temporaryPathFor(path);
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: this.tmp, useStyles: true, useSharedStrings: false });
    (this.workbook as unknown as { stream: NodeJS.EventEmitter }).stream.on("error", (err: Error) => {
      this.fault ??= err;
    });
    this.workbook.creator = "plan-extract";
    this.workbook.created = new Date();
    // Sheet 1 is kept for the summary (see the file comment): exceljs gives a new sheet the first free id.
    this.sheetSlots()[1] = SUMMARY_STAND_IN;
    this.activities = this.addSheet(ACTIVITIES_SHEET, ACTIVITY_COLUMNS, PAPER_A3);
    this.print = this.addSheet(PRINT_SHEET, PRINT_COLUMNS);
    this.documents = this.addSheet(DOCUMENTS_SHEET, DOCUMENT_COLUMNS);
    this.warnings = this.addSheet(WARNINGS_SHEET, WARNING_COLUMNS);
  }

  /** exceljs's list of the streamed workbook's sheets, by id. */
  private sheetSlots(): unknown[] {
    return (this.workbook as unknown as { _worksheets: unknown[] })._worksheets;
  }

  private addSheet(name: string, columns: ColumnSpec[], paper?: number): StreamSheet {
    // Page setup and footer go in at creation: a streamed sheet writes its sheet properties (fit to page) then.
    const sheet = this.workbook.addWorksheet(name, {
      views: [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "A2" }],
      pageSetup: printSetup(1, paper !== undefined ? { paper } : {}),
      headerFooter: PRINT_FOOTER,
    });
    sheet.columns = columns.map((c) => ({
      width: c.width,
      // The border is part of the column style, so every cell of a new row has it without a per-cell step.
      style: { font: BODY_FONT, border: THIN_BORDER, alignment: { vertical: "top", wrapText: c.wrap ?? true }, ...(c.numFmt ? { numFmt: c.numFmt } : {}) },
    }));
    const target = { sheet, columns, rows: 0 };
    this.writeHeader(target);
    return target;
  }

  private writeHeader(target: StreamSheet): void {
    const { sheet, columns } = target;
    const header = sheet.addRow(columns.map((c) => c.header));
    header.eachCell(styleHeaderCell);
    const height = rowHeightFor(columns.map((c) => c.header), columns.map((c) => ({ ...c, wrap: true })));
    if (height !== undefined) header.height = height;
    this.styles.shareRow(header);
    header.commit();
    target.rows = 1;
  }

  private append(target: StreamSheet, values: ExcelJS.CellValue[], style?: (row: ExcelJS.Row) => void): void {
    const row = target.sheet.addRow(values);
    const height = rowHeightFor(values, target.columns);
    if (height !== undefined) row.height = height;
    style?.(row);
    this.styles.shareRow(row);
    row.commit();
    target.rows++;
  }

  /**
   * Add the document at position `index` of the batch (null for an input that failed). Documents are
   * written in index order; one that arrives early waits for those before it.
   */
  add(index: number, doc: PlanDocument | null): void {
    this.pending.set(index, doc);
    while (this.pending.has(this.next)) {
      const d = this.pending.get(this.next)!;
      this.pending.delete(this.next);
      this.next++;
      if (d) this.write(d);
    }
  }

  private write(doc: PlanDocument): void {
    doc.rows.forEach((row, index) => this.append(this.activities, activityCells(doc, row, index, this.opts), styleActivityRow));
    for (const line of printLines(doc)) {
      const row = this.print.sheet.addRow(line.cells);
      stylePrintLine(this.print.sheet, row, line);
      this.styles.shareRow(row);
      row.commit();
      this.print.rows++;
    }
    this.summaryLines.push({ cells: planSummaryCells(doc), tally: tallyDocument(doc) });
    this.append(this.documents, documentCells(doc), styleStatus(DOCUMENT_COLUMNS));
    for (const w of doc.warnings) this.append(this.warnings, warningCells(doc, w));
    this.written++;
  }

  /** How many documents have been written. */
  get documentsWritten(): number {
    return this.written;
  }

  /** Finish the workbook and move it into place; with no document written, nothing is left behind. */
  async close(): Promise<boolean> {
    // Whatever is still waiting (an index that never came) is written in order now.
    for (const index of [...this.pending.keys()].sort((a, b) => a - b)) {
      const d = this.pending.get(index);
      if (d) this.write(d);
    }
    this.pending.clear();
    this.print.sheet.commit();
    for (const s of [this.activities, this.documents, this.warnings]) {
      s.sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, s.rows), column: s.columns.length } };
      s.sheet.commit();
    }
    // The summary now takes sheet 1, the place its stand-in kept.
    this.sheetSlots()[1] = undefined;
    const summary = this.addSheet(PLANS_SUMMARY_SHEET, PLANS_SUMMARY_COLUMNS);
    for (const line of this.summaryLines) this.append(summary, line.cells, styleStatus(PLANS_SUMMARY_COLUMNS));
    this.append(summary, plansTotalCells(this.summaryLines.map((l) => l.tally)), (row) =>
      row.eachCell((cell) => {
        cell.font = HEADER_FONT;
      }),
    );
    summary.sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: summary.rows, column: summary.columns.length } };
    summary.sheet.commit();
    if (this.fault) throw this.fault;
    await this.workbook.commit();
    if (this.fault) throw this.fault;
    if (this.written === 0) {
      await rm(this.tmp, { force: true });
      return false;
    }
    await rename(this.tmp, this.path);
    return true;
  }

  /** Give up (after an error): remove the temporary file. */
  async abort(): Promise<void> {
    await rm(this.tmp, { force: true });
  }
}
