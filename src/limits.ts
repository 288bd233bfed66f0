/**
 * The limits that keep a hostile or broken input small and fast to refuse. Each is far above what a
 * real plan needs (a plan is tens of pages, a table of at most a few hundred rows) and far below what
 * would take a worker's memory or time. An input beyond one fails with `too-large` (bytes) or
 * `too-complex` (structure); the README's "Limits" section lists them all.
 */

// --- The batch (src/cli) -------------------------------------------------------------------------

/** Default memory cap of one conversion worker (MB, `--max-memory`): V8 heap limit and resident size. */
export const DEFAULT_WORKER_MEMORY_MB = 1536;
/** Default time limit of one file (seconds, `--timeout`); the worker is then ended and replaced. */
export const DEFAULT_FILE_TIMEOUT_SECONDS = 120;
/**
 * Share of the file's time limit a LibreOffice conversion (.doc/.odt/.rtf) may take. It must end
 * before the file's limit does: the worker then kills LibreOffice's own process group and removes its
 * temporary folder itself, which a worker killed at the file's limit could not do.
 */
export const OFFICE_SHARE_OF_FILE_TIMEOUT = 0.8;
/** Default largest input file (MB, `--max-size`), applied while reading, not only from the reported size. */
export const DEFAULT_MAX_INPUT_MB = 200;

// --- DOCX (src/extract/docx) ---------------------------------------------------------------------

/** Largest inflated size of one DOCX part (bytes), judged from the ZIP directory before inflating. */
export const MAX_DOCX_PART_BYTES = 32 * 1024 * 1024;
/** Largest inflated size of all DOCX parts read together (bytes). */
export const MAX_DOCX_TOTAL_BYTES = 96 * 1024 * 1024;
/** Deepest XML element nesting accepted (Word's own documents stay under 40). */
export const MAX_XML_DEPTH = 256;
/** Most grid columns of a table: Word allows 63; gridSpan and gridBefore are clamped to this. */
export const MAX_TABLE_COLUMNS = 64;
/** Largest list-numbering value (Word's start values stop at 32767); starts and counters are clamped. */
export const MAX_NUMBERING_VALUE = 32767;

// --- Tables, both formats (src/extract/table-limits.ts counts them for DOCX and PDF alike) ------------

/** Most rows of all tables of one document together. */
export const MAX_TABLE_ROWS = 20_000;
/** Most cells of all tables of one document together. */
export const MAX_TABLE_CELLS = 400_000;
/** Most characters in one table cell. */
export const MAX_CELL_CHARS = 100_000;

// --- PDF (src/extract/pdf) -------------------------------------------------------------------------

/** Most operators in one page's operator list (the densest fixture page has 5,600). */
export const MAX_PAGE_OPERATORS = 100_000;
/** Longest time reading one page's operators may take (ms); pdf.js yields, so the limit is seen. */
export const MAX_PAGE_MILLISECONDS = 30_000;
/** Most distinct ruling lines of one direction on a page, after duplicates are merged. */
export const MAX_RULING_LINES = 1_500;
/** Most grid cells (rows × columns) of one ruled table on a page. */
export const MAX_LATTICE_CELLS = 40_000;
