/**
 * The seam between the two halves of the PDF reader: what reader/ (everything that touches pdf.js)
 * hands to geometry/ (the pure layout analysis). A page is positioned text items and ruling
 * segments in a top-down page space: points, origin at the top-left of the page as displayed,
 * rotation applied. Both halves import this module; neither imports the other (index.ts joins them).
 */

export interface TextItem {
  str: string;
  /** Left edge, baseline, right edge in top-down page space. */
  x: number;
  y: number;
  x2: number;
  /** Font size (points). */
  size: number;
  fontName: string;
  bold: boolean;
  italic: boolean;
  /** pdfjs says a line ends after this item. */
  eol: boolean;
  /** Quarter turns of turned text (1: top to bottom, 3: bottom to top); absent or 0 for normal text. */
  rot?: number;
  page: number;
}

/** A horizontal (y fixed) or vertical (x fixed) ruling segment in top-down page space. */
export interface Segment {
  /** "h": runs along x at `pos` = y; "v": runs along y at `pos` = x. */
  dir: "h" | "v";
  pos: number;
  from: number;
  to: number;
  /** Line thickness (points). */
  thickness: number;
}

export interface PageContent {
  number: number;
  width: number;
  height: number;
  items: TextItem[];
  horizontals: Segment[];
  verticals: Segment[];
}

/** An affine matrix [a, b, c, d, e, f] (x' = a·x + c·y + e, y' = b·x + d·y + f), as in PDF and pdf.js. */
export type Matrix = [number, number, number, number, number, number];

export const IDENTITY: Readonly<Matrix> = [1, 0, 0, 1, 0, 0];

/** m1 ∘ m2: apply m2 first, then m1 (the canvas / pdf.js Util.transform convention). */
export function multiply(m1: readonly number[], m2: readonly number[]): Matrix {
  return [
    m1[0] * m2[0] + m1[2] * m2[1],
    m1[1] * m2[0] + m1[3] * m2[1],
    m1[0] * m2[2] + m1[2] * m2[3],
    m1[1] * m2[2] + m1[3] * m2[3],
    m1[0] * m2[4] + m1[2] * m2[5] + m1[4],
    m1[1] * m2[4] + m1[3] * m2[5] + m1[5],
  ];
}

export function apply(m: readonly number[], x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** Characters a page's text items show (white space not counted): 0 on a page without a text layer. */
export function visibleChars(items: readonly TextItem[]): number {
  return items.reduce((a, it) => a + it.str.replace(/\s+/g, "").length, 0);
}
