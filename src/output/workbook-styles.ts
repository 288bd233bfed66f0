/**
 * Cheaper cell styles for exceljs, same file. exceljs renders a cell's style to XML (font, border, fill)
 * to find its style id, and skips that only for a style object it has seen before (a WeakMap by
 * identity); but every new cell gets a style object of its own (merged from its row's and column's), so
 * every cell of a sheet was rendered again: about a third of the CPU of writing a plan's workbook.
 *
 * Here cells whose style is made of the same parts (the same font, border, fill, alignment and
 * protection objects, the same number format) and whose values are of the same type share one style
 * object, so exceljs renders each distinct style once. The style ids and the XML written are unchanged:
 * the first cell of each kind still goes the full way, and the others would have got the same id. Share
 * a cell's style only when nothing will change it any more (just before the row or workbook is written):
 * setting `cell.font` on a cell writes into its style object.
 */
import type ExcelJS from "exceljs";

type Style = Partial<ExcelJS.Style>;

/** The parts of a style object exceljs knows; a style with anything else is left alone. */
const PARTS = new Set(["numFmt", "font", "alignment", "border", "fill", "protection"]);
/** exceljs's ValueType.Merge and ValueType.Formula: their cells are left alone. */
const MERGE = 1;
const FORMULA = 6;

export class StyleSharer {
  private readonly ids = new WeakMap<object, number>();
  private nextId = 1;
  private readonly shared = new Map<string, Style>();

  private id(part: unknown): number | string {
    if (part === undefined) return "";
    if (typeof part !== "object" || part === null) return `?${String(part)}`;
    let id = this.ids.get(part);
    if (id === undefined) {
      id = this.nextId++;
      this.ids.set(part, id);
    }
    return id;
  }

  /** Give the cell the shared style object of its kind (the cell's own becomes that object when first seen). */
  share(cell: ExcelJS.Cell): void {
    const type = cell.type as number;
    if (type === MERGE || type === FORMULA) return;
    const style = cell.style as Style | undefined;
    if (!style || typeof style !== "object") return;
    for (const key of Object.keys(style)) if (!PARTS.has(key)) return;
    const numFmt = style.numFmt;
    if (numFmt !== undefined && typeof numFmt !== "string") return;
    const key = `${type}|${numFmt ?? ""}|${this.id(style.font)}|${this.id(style.alignment)}|${this.id(style.border)}|${this.id(style.fill)}|${this.id(style.protection)}`;
    const known = this.shared.get(key);
    if (known === undefined) this.shared.set(key, style);
    else if (known !== style) cell.style = known;
  }

  /** Share the styles of a row's cells (empty cells too: they are written when they have a style). */
  shareRow(row: ExcelJS.Row): void {
    row.eachCell({ includeEmpty: true }, (cell) => this.share(cell));
  }

  /** Share the styles of every cell of a workbook held in memory, just before it is written. */
  shareWorkbook(workbook: ExcelJS.Workbook): void {
    workbook.eachSheet((sheet) => sheet.eachRow({ includeEmpty: true }, (row) => this.shareRow(row)));
  }
}
