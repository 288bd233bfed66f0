/**
 * The catalogue of every code plan-extract emits: why a file could not be converted (errors.json),
 * what was noticed while reading a plan (`warnings[]`) and why a plan needs a human check
 * (`review.reasons[]`). The code types are derived from it, so a code that is not here does not
 * compile. docs/messages.md is generated from it (`npm run messages`).
 */

/** How much a message matters: the file was not converted, something may be wrong, or a note. */
export const SEVERITIES = ["error", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The part of the tool that raises a message. */
export const STAGES = ["input", "extract-pdf", "extract-docx", "ocr", "office", "interpret", "normalize", "output", "cli"] as const;
export type Stage = (typeof STAGES)[number];

export interface CodeInfo {
  severity: Severity;
  /** The stages that raise the code; the first is the one a message gets when none is given. */
  stages: readonly [Stage, ...Stage[]];
  /** What the code means, in one line. */
  meaning: string;
  /** A message as the tool writes it. */
  example: string;
}

/** Why a file was not converted: the `code` of an errors.json entry (and of ConversionFailure). */
const FAILURE = {
  empty: {
    severity: "error",
    stages: ["input", "extract-pdf", "extract-docx"],
    meaning: "The file holds no bytes.",
    example: "the file is empty",
  },
  "not-a-plan-format": {
    severity: "error",
    stages: ["input", "extract-docx"],
    meaning:
      "The file is of a kind the tool does not read (not PDF, DOCX, DOC, ODT or RTF, or an OpenDocument that is not a text document).",
    example: "not a DOCX file: this is an Excel workbook",
  },
  damaged: {
    severity: "error",
    stages: ["extract-pdf", "extract-docx", "office", "input", "cli"],
    meaning:
      "The file is of a known kind but cannot be read (broken PDF or ZIP, a page or part that fails, LibreOffice cannot convert it).",
    example: "the PDF cannot be read (damaged or truncated): Invalid PDF structure.",
  },
  encrypted: {
    severity: "error",
    stages: ["extract-pdf", "extract-docx", "input"],
    meaning: "The file is password-protected and no (right) password was given.",
    example: "the PDF is encrypted: it needs a password to be opened",
  },
  "no-text-layer": {
    severity: "error",
    stages: ["extract-pdf"],
    meaning: "The PDF has no text to read (a scan) and OCR was off or read nothing.",
    example: "the PDF has no text layer (scanned images?): its pages contain no extractable text",
  },
  "needs-libreoffice": {
    severity: "error",
    stages: ["office"],
    meaning: "A .doc, .odt or .rtf file is read through LibreOffice, which is not installed or does not start.",
    example:
      "a .doc file is read through LibreOffice, which is not installed: install LibreOffice (Debian/Ubuntu: apt-get install libreoffice-writer-nogui) so that soffice is on the PATH, or save the file as .docx or PDF",
  },
  "no-plan-table": {
    severity: "error",
    stages: ["interpret"],
    meaning: "The document was read but holds no table with a plan header (an activity column).",
    example: 'none of the 2 table(s) has a plan header (an activity column such as "Дейности")',
  },
  "too-large": {
    severity: "error",
    stages: ["input", "extract-docx"],
    meaning: "The file, or a part packed in it, is larger than the size limit (--max-size).",
    example: "the file is 250.0 MB, above the limit of 200.0 MB (--max-size)",
  },
  io: {
    severity: "error",
    stages: ["input", "output", "cli"],
    meaning: "The file cannot be read from disk (missing, not a regular file, permission), or an output cannot be written.",
    example: "cannot read the file: no such file",
  },
  "too-complex": {
    severity: "error",
    stages: ["extract-pdf", "extract-docx", "cli"],
    meaning: "The document goes beyond a structural limit (nesting, spans, rows, cells, ruling lines) or the memory cap (--max-memory).",
    example: "a ruled table of 2000 × 300 cells, above the limit of 200000 cells",
  },
  timeout: {
    severity: "error",
    stages: ["cli"],
    meaning: "The conversion took longer than the per-file time limit (--timeout).",
    example: "the conversion took longer than the limit of 120 s (--timeout)",
  },
  internal: {
    severity: "error",
    stages: ["cli"],
    meaning: "A bug in plan-extract (an unexpected error, or the conversion worker stopped); please report the file.",
    example: "unexpected error: Cannot read properties of undefined (reading 'length'); please report this file",
  },
} as const satisfies Record<string, CodeInfo>;

/** What was noticed while reading a plan that was converted: the `code` of `warnings[]`. */
const WARNING = {
  "pdf-truncated": {
    severity: "warning",
    stages: ["extract-pdf"],
    meaning: "The PDF has no end-of-file marker and may be incomplete; what could be read was kept.",
    example: "the PDF has no end-of-file marker: it may be truncated; what could be read was kept",
  },
  "pdf-page-unreadable": {
    severity: "warning",
    stages: ["extract-pdf"],
    meaning: "One page of the PDF failed to read; it was left empty and the other pages were read.",
    example: "page 3 could not be read: Invalid stream",
  },
  "pdf-page-without-text": {
    severity: "warning",
    stages: ["extract-pdf"],
    meaning: "A page has no text layer (an image only) and was not read by OCR.",
    example: "page 4 has no text layer (an image only?)",
  },
  "pdf-borderless-table": {
    severity: "warning",
    stages: ["extract-pdf"],
    meaning: "A table has no ruling lines: its columns and rows were inferred from the text layout.",
    example:
      "the table starting on page 1 has no ruling lines: its columns and rows were inferred from the text layout, check merged or split cells",
  },
  "ocr-page": {
    severity: "warning",
    stages: ["ocr"],
    meaning: "A page without a text layer was read by OCR from its image.",
    example: "page 2 has no text layer and was read by OCR (412 words, mean confidence 91%, skew 0.4° corrected): check its rows",
  },
  "ocr-low-confidence": {
    severity: "warning",
    stages: ["ocr"],
    meaning: "Words OCR read with low confidence that are not in the dictionary either; given per row, or per page outside the rows.",
    example: 'page 2, row 5: read by OCR with low confidence (not in the dictionary either): "МмМКБЛПМН"',
  },
  "docx-reader": {
    severity: "warning",
    stages: ["extract-docx"],
    meaning: "A part of the DOCX file (styles, numbering) could not be read; the document was read without it, or mammoth noted a problem.",
    example: "word/numbering.xml is not well-formed XML; read without it",
  },
  "docx-numbering": {
    severity: "warning",
    stages: ["extract-docx"],
    meaning: "Paragraphs refer to an automatic list the file does not define; their numbers are missing.",
    example: "paragraphs refer to list 9, which word/numbering.xml does not define; their numbers are missing",
  },
  "docx-nested-table": {
    severity: "warning",
    stages: ["extract-docx"],
    meaning: "A table nested inside a table cell was flattened into the text of that cell.",
    example: "a table nested inside a table cell was flattened into the text of that cell",
  },
  "docx-vmerge": {
    severity: "warning",
    stages: ["extract-docx"],
    meaning: "A vertically merged cell continues no cell above it; it was kept as a cell of its own.",
    example: "a vertically merged cell continues no cell above it; it was kept as a cell of its own",
  },
  "docx-fallback": {
    severity: "warning",
    stages: ["extract-docx"],
    meaning:
      "word/document.xml could not be read, so mammoth's more lenient reader read the document (numbers and style formatting missing).",
    example:
      "word/document.xml could not be read (not well-formed XML); the document was read by mammoth's more lenient reader instead: automatic numbers and formatting from styles are missing, hidden text is shown, and the text may be incomplete",
  },
  "no-period": {
    severity: "warning",
    stages: ["interpret"],
    meaning: "The plan's period (year or school year) was not found in the text before the table.",
    example: "The plan's period was not found in the text before the table.",
  },
  "unknown-column": {
    severity: "warning",
    stages: ["interpret"],
    meaning: "A plan table column has a header the tool does not know; its cells are kept in the row's `extra`.",
    example: 'Column "Целева група" is not one the tool knows; its cells are kept in "extra".',
  },
  "skipped-heading": {
    severity: "warning",
    stages: ["interpret"],
    meaning: "Text that looks like a heading was not made a section (not bold or styled, or shaped as a table row).",
    example:
      'The paragraph "2. Качество на образованието" between the tables looks like a heading but is not bold or styled as one; it was not made a section.',
  },
  "row-number-only": {
    severity: "warning",
    stages: ["interpret"],
    meaning: "A table row holds a number and no text; it was skipped.",
    example: "Row 4.2 has a number and no text; skipped.",
  },
  "row-without-activity": {
    severity: "warning",
    stages: ["interpret"],
    meaning: "A table row has no activity text; its cells were added to the row before it.",
    example: "A table row numbered 7 has no activity text; its cells were kept in the row before it.",
  },
  "deadline-unparsed": {
    severity: "warning",
    stages: ["normalize"],
    meaning: "A deadline names no period the tool understands; its dates are left empty (kind `unparsed`).",
    example: 'the deadline "след одобрение" names no period the tool understands',
  },
  "deadline-year-unknown": {
    severity: "warning",
    stages: ["normalize"],
    meaning: "A deadline names no year and the plan's period is not known; its dates are left empty.",
    example: 'the deadline "декември" names no year and the document has no period',
  },
  "deadline-outside-period": {
    severity: "warning",
    stages: ["normalize"],
    meaning: "A deadline's dates lie outside the plan's period.",
    example: 'the deadline "2024 – 2027 г." (2024-01-01 – 2027-12-31) falls outside the document period 2024-09-01 – 2025-08-31',
  },
} as const satisfies Record<string, CodeInfo>;

/** Why a plan needs a human check: the `code` of `review.reasons[]` (README, "Review status"). */
const REVIEW = {
  "skipped-heading": {
    severity: "warning",
    stages: ["interpret"],
    meaning: "A `skipped-heading` warning: sections may be missing.",
    example:
      'The paragraph "2. Качество на образованието" between the tables looks like a heading but is not bold or styled as one; it was not made a section.',
  },
  "unknown-column": {
    severity: "warning",
    stages: ["interpret"],
    meaning: "An `unknown-column` warning: a column was not mapped to a field.",
    example: 'Column "Целева група" is not one the tool knows; its cells are kept in "extra".',
  },
  "no-period": {
    severity: "warning",
    stages: ["interpret"],
    meaning: "A `no-period` warning: the plan's period was not found.",
    example: "The plan's period was not found in the text before the table.",
  },
  ocr: {
    severity: "warning",
    stages: ["interpret"],
    meaning: "A warning whose code starts with `ocr-`: text was read by OCR.",
    example: "page 2 has no text layer and was read by OCR (412 words, mean confidence 91%, skew 0.4° corrected): check its rows",
  },
  "number-only-row": {
    severity: "warning",
    stages: ["interpret"],
    meaning: "Rows hold a number and nothing else (or a `row-number-only` warning).",
    example: '2 row(s) have a number and nothing else (first: "3.1")',
  },
  "rows-without-section": {
    severity: "warning",
    stages: ["interpret"],
    meaning: "Some rows carry no section although the plan has headings.",
    example: '3 of 40 rows carry no section although the plan has headings (first: "Провеждане на родителски срещи")',
  },
  "few-deadlines": {
    severity: "warning",
    stages: ["interpret"],
    meaning: "More than half the rows have no deadline: the deadline column may have been misread.",
    example: "30 of 42 rows have no deadline",
  },
} as const satisfies Record<string, CodeInfo>;

/** The one catalogue: every code the tool emits, by kind. */
export const MESSAGE_CATALOGUE = { failure: FAILURE, warning: WARNING, review: REVIEW } as const;
export type MessageKind = keyof typeof MESSAGE_CATALOGUE;

/** Why a file was not converted (errors.json `code`, ConversionFailure `code`). */
export type FailureCode = keyof typeof FAILURE;
/** What was noticed in a converted plan (`warnings[].code`). */
export type WarningCode = keyof typeof WARNING;
/** Why a plan needs a check (`review.reasons[].code`). */
export type ReviewCode = keyof typeof REVIEW;
/** A code a Message may carry. */
export type MessageCode = WarningCode | FailureCode;

export const FAILURE_CODES = Object.keys(FAILURE) as FailureCode[];
export const WARNING_CODES = Object.keys(WARNING) as WarningCode[];
export const REVIEW_CODES = Object.keys(REVIEW) as ReviewCode[];

/** The catalogue entry of a warning or failure code. */
export function codeInfo(code: MessageCode): CodeInfo {
  return code in WARNING ? WARNING[code as WarningCode] : FAILURE[code as FailureCode];
}
