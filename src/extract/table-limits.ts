/**
 * The document limits on tables (MAX_TABLE_ROWS, MAX_TABLE_CELLS, MAX_CELL_CHARS in src/limits.ts),
 * counted the same way by both readers: the DOCX reader as it walks the rows, the PDF reader as it
 * assembles the tables of all pages. Beyond one, the file fails as `too-complex`.
 */
import { MAX_CELL_CHARS, MAX_TABLE_CELLS, MAX_TABLE_ROWS } from "../limits.js";
import { ConversionFailure } from "../model/messages.js";
import type { Grid } from "./grid.js";

export class TableBudget {
  private rows = 0;
  private cells = 0;

  /** `format` names the file in the failure message ("DOCX", "PDF"). */
  constructor(private readonly format: string) {}

  /** One more table row in the document. */
  row(): void {
    if (++this.rows > MAX_TABLE_ROWS) throw this.tooComplex(`more than ${MAX_TABLE_ROWS} table rows`);
  }

  /** One more table cell in the document. */
  cell(): void {
    if (++this.cells > MAX_TABLE_CELLS) throw this.tooComplex(`more than ${MAX_TABLE_CELLS} table cells`);
  }

  /** The characters of one cell's text. */
  cellText(chars: number): void {
    if (chars > MAX_CELL_CHARS) throw this.tooComplex(`a table cell of more than ${MAX_CELL_CHARS} characters`);
  }

  /** Every row, cell and cell text of an assembled table. */
  grid(grid: Grid): void {
    for (const row of grid.rows) {
      this.row();
      for (const cell of row.cells) {
        this.cell();
        this.cellText(cell.lines.reduce((n, line) => n + line.length, 0));
      }
    }
  }

  private tooComplex(what: string): ConversionFailure {
    return new ConversionFailure("too-complex", `the ${this.format} has ${what}, beyond what a plan holds (see Limits in the README)`);
  }
}
