/**
 * all-plans.xlsx written as a stream while a batch runs: each converted document's rows are appended
 * and released, so memory stays bounded however many files the batch holds. Same sheets, columns and
 * look as the per-document workbook (src/output/workbook.ts). Documents are written in input order
 * (a small reorder buffer holds those that finish early), to a temporary file renamed at the end.
 */
import { rename, rm } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { PlanDocument } from "../model/schema.js";
import { temporaryPathFor } from "./atomic-write.js";
import {
  ACTIVITIES_SHEET,
  ACTIVITY_COLUMNS,
  DOCUMENTS_SHEET,
  DOCUMENT_COLUMNS,
  WARNINGS_SHEET,
  WARNING_COLUMNS,
  activityCells,
  documentCells,
  warningCells,
} from "./workbook.js";
import { BODY_FONT, rowHeightFor, setupPrint, styleHeaderCell, type ColumnSpec } from "./workbook-cells.js";

interface StreamSheet {
  sheet: ExcelJS.Worksheet;
  columns: ColumnSpec[];
  rows: number;
}

export class AllPlansWriter {
  private readonly tmp: string;
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly activities: StreamSheet;
  private readonly documents: StreamSheet;
  private readonly warnings: StreamSheet;
  private readonly pending = new Map<number, PlanDocument | null>();
  private next = 0;
  private written = 0;
  /** A write fault of the file stream (read-only or full folder), kept for close() to report. */
  private fault: Error | null = null;

  constructor(private readonly path: string) {
    this.tmp = temporaryPathFor(path);
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: this.tmp, useStyles: true, useSharedStrings: false });
    (this.workbook as unknown as { stream: NodeJS.EventEmitter }).stream.on("error", (err: Error) => {
      this.fault ??= err;
    });
    this.workbook.creator = "plan-extract";
    this.workbook.created = new Date();
    this.activities = this.addSheet(ACTIVITIES_SHEET, ACTIVITY_COLUMNS, 60);
    this.documents = this.addSheet(DOCUMENTS_SHEET, DOCUMENT_COLUMNS);
    this.warnings = this.addSheet(WARNINGS_SHEET, WARNING_COLUMNS);
  }

  private addSheet(name: string, columns: ColumnSpec[], scale?: number): StreamSheet {
    const sheet = this.workbook.addWorksheet(name, {
      views: [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "A2" }],
    });
    sheet.columns = columns.map((c) => ({
      width: c.width,
      style: { font: BODY_FONT, alignment: { vertical: "top", wrapText: c.wrap ?? true }, ...(c.numFmt ? { numFmt: c.numFmt } : {}) },
    }));
    setupPrint(sheet, 1, scale !== undefined ? { scale } : {});
    const header = sheet.addRow(columns.map((c) => c.header));
    header.eachCell(styleHeaderCell);
    const height = rowHeightFor(columns.map((c) => c.header), columns.map((c) => ({ ...c, wrap: true })));
    if (height !== undefined) header.height = height;
    header.commit();
    return { sheet, columns, rows: 1 };
  }

  private append(target: StreamSheet, values: ExcelJS.CellValue[]): void {
    const row = target.sheet.addRow(values);
    const height = rowHeightFor(values, target.columns);
    if (height !== undefined) row.height = height;
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
    for (const row of doc.rows) this.append(this.activities, activityCells(doc, row));
    this.append(this.documents, documentCells(doc));
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
    for (const s of [this.activities, this.documents, this.warnings]) {
      s.sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, s.rows), column: s.columns.length } };
      s.sheet.commit();
    }
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
