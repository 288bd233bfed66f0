/**
 * Every tolerance and threshold of the PDF layout analysis, in one place, each with the reason for
 * its value (the way pdf.js's evaluator.js comments its constants).
 *
 * Units: "EM" constants are fractions of the font size of the text concerned (they scale with the
 * text: a gap of 0.15 em is 1.5 pt in 10 pt type); "PT" constants are points of the top-down page
 * space (1/72 inch; pdf.js viewport at scale 1); "SHARE" constants are fractions of a count; the
 * rest say their unit. The values were set on the fixtures (fixtures/README.md): changing one
 * changes output, so each change must be checked against every fixture's JSON.
 *
 * Limits that refuse hostile input (MAX_*) are not tolerances: they are in src/limits.ts.
 */

// --- Glyphs → text items (reader/glyphs.ts) -------------------------------------------------------

/**
 * A gap between two glyphs wider than this is a word space; smaller gaps are kerning or tracking.
 * A space in common text faces is about a quarter of an em; kerning and tracking move glyphs by a
 * few hundredths of an em.
 */
export const WORD_SPACE_EM = 0.15;
/**
 * A space glyph drawn between two glyphs (the producer's own space) counts when the next glyph
 * starts at least this share of WORD_SPACE_EM after the previous one (0.09 em): Chromium draws a
 * zero-advance space at every soft-hyphen opportunity, which must not split a word.
 */
export const SPACE_GLYPH_SHARE = 0.6;
/** A gap wider than this ends an item: the next glyph starts a new chunk (a new cell or column). */
export const ITEM_SPLIT_EM = 0.8;
/** Glyphs whose baselines differ by more than this are on different lines (sub- and superscripts stay). */
export const GLYPH_SAME_LINE_EM = 0.25;
/** A glyph that starts this far before the previous one ends jumps back: it starts a new item. */
export const GLYPH_BACKSTEP_EM = 0.6;
/** Glyphs whose sizes differ by more than this (points) are in different items (a heading beside body text). */
export const GLYPH_SIZE_CHANGE_PT = 0.5;
/** A vertical ruling this close (points) to the space between two glyphs separates them. */
export const RULING_BETWEEN_GLYPHS_PT = 0.5;
/** A vertical ruling separates glyphs when it reaches this high above their baseline (most of a capital's height). */
export const RULING_GLYPH_REACH_EM = 0.7;
/**
 * The smallest em (points) gaps are measured in: a zero or tiny font size (invisible text, broken
 * fonts) would make every gap look huge.
 */
export const MIN_EM_PT = 1;
/**
 * The middle of a line's letters lies about this far above its baseline (lowercase letters are about
 * half an em high): where turned text's item is centred, the point of an item that decides its
 * cell, and whether a line lies below a table.
 */
export const LETTER_MIDDLE_EM = 0.3;

// --- Ruling lines from painted paths (reader/paths.ts) --------------------------------------------

/**
 * A filled rectangle thinner than this (points) is a line: table borders (Word and Chromium draw
 * them as filled rectangles) are a point or two at most; cell shading is many points high.
 */
export const MAX_LINE_THICKNESS_PT = 3;
/** Strokes wider than this many MAX_LINE_THICKNESS_PT are bars or decoration, not table borders. */
export const MAX_STROKE_THICKNESS_FACTOR = 2;
/** Segments shorter than this (points) are ignored: glyph strokes, underline dots, bullets. */
export const MIN_LINE_LENGTH_PT = 3;
/** A line whose ends differ by at most this across its length (points) counts as axis-aligned. */
export const LINE_SKEW_PT = 0.6;
/** Thickness given to a hairline (a stroke of width 0 is drawn one device pixel wide). */
export const HAIRLINE_PT = 0.1;
/** A gray level (0–1) at or above this is white: white lines and fills (erased borders, page backgrounds) draw no ruling. */
export const WHITE_LEVEL = 0.98;
/** The same on the 0–255 scale (250 ≈ 0.98 × 255). */
export const WHITE_LEVEL_255 = 250;

// --- Reading a page (reader/page.ts) --------------------------------------------------------------

/** A page whose text runs sideways for at least this share of its characters is read turned upright. */
export const TURNED_PAGE_SHARE = 2 / 3;
/**
 * pdf.js's text extraction (the fallback): text whose direction has a vertical component below
 * this (the sine of about 11.5°) is laid out as horizontal.
 */
export const HORIZONTAL_TEXT_SINE = 0.2;
/** pdf.js's text extraction: the size given to an item whose size cannot be read (common body text). */
export const FALLBACK_FONT_SIZE_PT = 10;

// --- Glyph extent (geometry/glyph-extent.ts) ------------------------------------------------------

/** Share of the font size above the baseline (capitals, Cyrillic accents). */
export const ASCENT_EM = 0.8;
/** Share of the font size below the baseline (descenders). */
export const DESCENT_EM = 0.25;

// --- Lines of text (geometry/text-lines.ts) -------------------------------------------------------

/** A gap wider than this between two items is a space (a bit above WORD_SPACE_EM: items were split at words already). */
export const SPACE_GAP_EM = 0.17;
/**
 * Items whose baselines differ by at most this are one line: superscripts and small offsets of
 * mixed fonts stay on their line; the next line is a full line step (1.1–1.5 em) away.
 */
export const SAME_LINE_EM = 0.45;
/** A new item is compared with this many of the latest lines (the lines it can belong to on a page read top down). */
export const LINE_LOOKBACK = 3;
/** The same text drawn again within this (ems, at least OVERPRINT_MIN_PT) to the side is fake bold. */
export const OVERPRINT_EM = 0.15;
/** The smallest side offset (points) that still counts as overprint. */
export const OVERPRINT_MIN_PT = 1;
/** The same text drawn again within this (points) up or down is fake bold. */
export const OVERPRINT_Y_PT = 1;
/** Pieces of a turned line are laid out as if each character were this wide (what matters is their order). */
export const TURNED_CHAR_EM = 0.5;
/** The gap left between laid-out pieces of a turned line: wider than SPACE_GAP_EM, so they join with a space. */
export const TURNED_GAP_EM = 0.5;

// --- Ruled tables (geometry/lattice.ts) -----------------------------------------------------------

/** Ruling segments whose positions differ by less than this (points) are one line (double drawing, thick borders). */
export const LINE_MERGE_PT = 1.5;
/** Collinear pieces of a line with a gap smaller than this (points) are joined (borders drawn cell by cell). */
export const LINE_GAP_PT = 2.5;
/** A line may stop this short (points) of another and still meet it (producers leave borders short at corners). */
export const LINE_MEET_PT = 3;
/** Line positions within this (points) are one grid edge. */
export const GRID_EDGE_PT = 2;
/** A grid edge is drawn where its lines cover at least this share of the cell side (dashed and broken borders). */
export const EDGE_COVERED_SHARE = 0.5;
/** Inset (points) of a cell side before measuring the line over it, so a line that only touches its end does not count. */
export const EDGE_INSET_PT = 0.1;
/** Cells narrower or lower than this (points) are the gap inside a double border. */
export const SLIVER_PT = 4;
/** A group of lines narrower than this (points) is no table (a boxed character, a form field). */
export const MIN_TABLE_WIDTH_PT = 20;
/** A group of lines lower than this (points) is no table (an underlined or struck-through word). */
export const MIN_TABLE_HEIGHT_PT = 8;
/** The point that decides an item's cell lies at most this far (ems) into the item, and half its width at most. */
export const ANCHOR_INSET_EM = 0.6;
/** An item's anchor may lie this far (points) outside a cell and still be in it (text touching a border). */
export const CELL_PAD_PT = 0.5;

// --- Tables across pages (geometry/assemble.ts) --------------------------------------------------

/** Cell edges within this (points) are one column or row edge. */
export const CELL_EDGE_PT = 3;
/** Column edges of two pages' fragments within this (points) are the same edge. */
export const COLUMN_MATCH_PT = 6;
/** The frames of two pages' fragments may differ by this many COLUMN_MATCH_PT and be one table. */
export const FRAME_MATCH_FACTOR = 2;
/** Share of column edges two pages' fragments must share to be one table. */
export const SHARED_EDGES_SHARE = 0.6;
/** The same, when text stands after the table on the earlier page (a note): nearly every edge. */
export const SHARED_EDGES_AFTER_TEXT_SHARE = 0.95;
/** A bold first row is a header when at least this share of its cells has text. */
export const HEADER_TEXT_SHARE = 0.5;

// --- Borderless tables (geometry/stream.ts) -------------------------------------------------------

/** A gap wider than this between two items on a line may separate columns (wider than any word space). */
export const COLUMN_GAP_EM = 0.4;
/** Left edges within this (points) line up as one column start. */
export const ALIGN_PT = 2.5;
/** A column start needs the support of this share of the lines with two or more chunks (at least 2 lines). */
export const COLUMN_SUPPORT_SHARE = 0.03;
/** Text denies a column start when it runs this many ALIGN_PT past it on both sides. */
export const CROSSING_FACTOR = 2;
/** A column start survives when its supporting lines are at least this share of the lines crossing it. */
export const CROSSING_SHARE = 0.5;
/** A start denied by crossing text in the first pass needs at least this many supporting lines to be kept. */
export const MIN_DENIED_COLUMN_SUPPORT = 3;
/** Text runs into the next (empty) column, making a spanning cell, when it ends more than this (ems) past that column's start. */
export const SPAN_OVERRUN_EM = 1;
/** Starts closer than this (ems) are one column (a centred "№" over left-aligned numbers). */
export const SAME_COLUMN_EM = 2;
/** The em (points) used for SAME_COLUMN_EM when no line gives one. */
export const DEFAULT_EM_PT = 10;
/** Fewer visible items than this on a page make no borderless table. */
export const MIN_STREAM_ITEMS = 6;
/** Fewer lines with text in two or more columns than this make no borderless table. */
export const MIN_STREAM_TABLE_LINES = 3;
/** Baseline steps between this many ems … */
export const LINE_STEP_MIN_EM = 0.8;
/** … and this many ems count when measuring the usual line step (smaller: same line; larger: a gap). */
export const LINE_STEP_MAX_EM = 2.2;
/** The usual line step is this quantile of the measured steps (low: tight lines inside cells, not gaps between rows). */
export const LINE_STEP_QUANTILE = 0.3;
/** The line step assumed (ems) when none can be measured (single-spaced text). */
export const DEFAULT_LINE_STEP_EM = 1.2;
/** A vertical gap wider than this many line steps separates rows (or paragraphs of a cell). */
export const ROW_GAP_STEPS = 1.3;
/** After a heading that spans the table, a gap wider than this many line steps starts a row. */
export const HEADING_GAP_STEPS = 1.15;
/** First-column text of at most this many characters counts as a number ("1.", "II", "1.2.3"). */
export const SHORT_NUMBER_CHARS = 8;
/** The first column is a number column when this share of its texts is numbers. */
export const NUMBER_COLUMN_SHARE = 0.6;
/** The last row of a borderless table ends this far (points) below its last baseline (the descenders). */
export const LAST_ROW_DESCENT_PT = 3;
/** A group title's cell ends this far (ems) below its baseline, above the headings under it. */
export const TITLE_SPLIT_EM = 0.3;

// --- Running headers and footers (geometry/running.ts) --------------------------------------------

/** The share of the page height at the top and the bottom where running text may sit. */
export const MARGIN_ZONE = 0.14;
/** Repeated text is running when it is on at least this share of the pages (documents of 3 pages or more). */
export const RUNNING_PAGES_SHARE = 0.5;
/** Repeated text is at the same height when within this (points) of it (a footer moves a little from page to page). */
export const RUNNING_SAME_HEIGHT_PT = 6;

// --- Paragraphs (index.ts) ------------------------------------------------------------------------

/** Lines at most this many ems apart (baseline to baseline) are one paragraph (1.5 line spacing fits). */
export const PARAGRAPH_LINE_STEP_EM = 1.7;
/** Lines whose sizes differ by this (points) or more are in different paragraphs (a heading above text). */
export const PARAGRAPH_SIZE_CHANGE_PT = 0.6;
