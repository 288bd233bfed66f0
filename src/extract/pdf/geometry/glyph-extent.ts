/**
 * The area a text item's glyphs cover on the page (top-down points): from the left edge to the
 * right edge, from the ascender line above the baseline to the descender line below it.
 */
import type { TextItem } from "../page-content.js";
import { ASCENT_EM, DESCENT_EM } from "../tolerances.js";

export function glyphExtent(it: Pick<TextItem, "x" | "x2" | "y" | "size">): { x0: number; y0: number; x1: number; y1: number } {
  return { x0: Math.min(it.x, it.x2), x1: Math.max(it.x, it.x2), y0: it.y - it.size * ASCENT_EM, y1: it.y + it.size * DESCENT_EM };
}
