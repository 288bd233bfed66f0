/**
 * Where a PDF row lies: the union, page by page, of the areas of the cells it was built from.
 * A row cut by a page break gets one box per page.
 */
import type { GridCell } from "../extract/grid.js";
import type { Box } from "../model/schema.js";

/** The union per page of the cells' boxes (cells without boxes, as in DOCX, add nothing). */
export function cellBoxes(cells: Iterable<GridCell>): Box[] {
  return mergeBoxes([...cells].flatMap((c) => c.boxes ?? []));
}

/** The union per page of boxes, in page order. */
export function mergeBoxes(...lists: Box[][]): Box[] {
  const byPage = new Map<number, Box>();
  for (const b of lists.flat()) {
    const cur = byPage.get(b.page);
    if (!cur) byPage.set(b.page, { ...b });
    else {
      cur.x0 = Math.min(cur.x0, b.x0);
      cur.y0 = Math.min(cur.y0, b.y0);
      cur.x1 = Math.max(cur.x1, b.x1);
      cur.y1 = Math.max(cur.y1, b.y1);
    }
  }
  return [...byPage.values()].sort((a, b) => a.page - b.page);
}
