/** Small builders for synthetic grids in tests. */
import type { Grid, GridCell, GridRow } from "../../src/extract/grid.js";

export function cell(
  col: number,
  text: string | string[],
  span: Partial<Pick<GridCell, "colSpan" | "rowSpan">> = {},
  pages: number[] = [],
): GridCell {
  const lines = Array.isArray(text) ? text : text ? [text] : [];
  return { col, colSpan: span.colSpan ?? 1, rowSpan: span.rowSpan ?? 1, lines, pages };
}

export function row(cells: GridCell[], opts: Partial<Omit<GridRow, "cells">> = {}): GridRow {
  return { cells, header: opts.header ?? false, page: opts.page ?? null, afterPageBreak: opts.afterPageBreak ?? false };
}

/** A row of plain texts, one per column from 0. */
export function texts(values: (string | string[])[], opts: Partial<Omit<GridRow, "cells">> = {}): GridRow {
  return row(
    values.map((v, i) => cell(i, v)),
    opts,
  );
}

export function grid(columns: number, rows: GridRow[]): Grid {
  return { columns, rows };
}
