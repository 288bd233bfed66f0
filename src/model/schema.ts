/**
 * The one definition of plan-extract's output. A superset of ../shared/CONTRACT.md (version 1):
 * fields may be added here, never renamed, dropped or re-typed.
 */
import { z } from "zod";
import { SEVERITIES, STAGES } from "./message-codes.js";

export const SCHEMA_VERSION = 1 as const;

/** Deadline kinds: the project's own vocabulary (documented in README, "Deadline kinds"). */
export const DEADLINE_KINDS = [
  "none", // empty cell
  "day", // "10.9.2024 г."
  "month", // "декември 2024 г."
  "range", // "октомври 2024 г. – юни 2025 г."
  "school-year", // "учебна 2024/2025 година"
  "term", // "I учебен срок"
  "quarter", // "I-во тримесечие на 2025 г."
  "half-year", // "първо полугодие на 2025 г."
  "year", // "2024 г."
  "until", // "до 30.06.2025 г." — end only
  "from", // "от 01.10.2024 г." — start only
  "recurring", // "ежемесечно" — start/end are the document's period
  "conditional", // "при необходимост", "съгласно графика на МОН" — no dates
  "ongoing", // "постоянен", "текущ" — no dates
  "unparsed", // text that names no period the tool understands
] as const;

export const DeadlineKind = z.enum(DEADLINE_KINDS);
export type DeadlineKind = z.infer<typeof DeadlineKind>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected an ISO date YYYY-MM-DD");

export const Period = z.object({
  label: z.string(),
  start: IsoDate.nullable(),
  end: IsoDate.nullable(),
});
export type Period = z.infer<typeof Period>;

export const Section = z.object({
  number: z.string().nullable(),
  label: z.string().nullable(),
  title: z.string(),
});
export type Section = z.infer<typeof Section>;

export const Deadline = z.object({
  text: z.string().nullable(),
  start: IsoDate.nullable(),
  end: IsoDate.nullable(),
  kind: DeadlineKind,
  /** For kind "recurring": how often ("monthly", "yearly", "weekly", …); otherwise absent or null. */
  recurrence: z.string().nullable().optional(),
});
export type Deadline = z.infer<typeof Deadline>;

export const IndicatorValue = z.object({
  /** The numeric value when the text starts with or is a number ("19 детски градини" → 19). */
  value: z.number().nullable(),
  /** What the number counts ("детски градини", "%"), or null. */
  unit: z.string().nullable(),
  /** The part as printed. */
  text: z.string(),
});
export type IndicatorValue = z.infer<typeof IndicatorValue>;

export const Indicator = z.object({
  unit: z.string().nullable(),
  current: z.string().nullable(),
  target: z.string().nullable(),
  expected: z.string().nullable(),
  /** Parsed parts of current / target (added by plan-extract; may be absent). */
  currentParts: z.array(IndicatorValue).optional(),
  targetParts: z.array(IndicatorValue).optional(),
});
export type Indicator = z.infer<typeof Indicator>;

export const Party = z.object({
  text: z.string(),
  expanded: z.string().nullable(),
});
export type Party = z.infer<typeof Party>;

export const Responsible = z.object({
  text: z.string().nullable(),
  parties: z.array(Party),
});
export type Responsible = z.infer<typeof Responsible>;

/** Where a PDF row's cells lie on one page: PDF points, origin at the page's top-left corner. */
export const Box = z.object({
  page: z.number().int().positive(),
  x0: z.number(),
  y0: z.number(),
  x1: z.number(),
  y1: z.number(),
});
export type Box = z.infer<typeof Box>;

/** Where a DOCX row came from: the table (0-based, in document order) and the row within it (0-based). */
export const Origin = z.object({
  table: z.number().int().nonnegative(),
  row: z.number().int().nonnegative(),
});
export type Origin = z.infer<typeof Origin>;

export const Row = z.object({
  number: z.string().nullable(),
  sections: z.array(Section),
  activity: z.string(),
  deadline: Deadline,
  indicator: Indicator,
  financing: z.string().nullable(),
  responsible: Responsible,
  note: z.string().nullable(),
  pages: z.array(z.number().int().positive()),
  /** Cells of columns whose header the tool did not recognise, by header text. */
  extra: z.record(z.string(), z.string()).optional(),
  /** PDF: the area of the row's cells on each page it covers (contract 1.1). */
  boxes: z.array(Box).optional(),
  /** DOCX: the table and row the row was read from. */
  origin: Origin.optional(),
});
export type Row = z.infer<typeof Row>;

export const Warning = z.object({
  code: z.string(),
  message: z.string(),
  page: z.number().int().positive().nullable(),
  /** Index into rows (0-based) when the warning concerns one row. */
  row: z.number().int().nonnegative().nullable().optional(),
  /**
   * How much it matters, the stage that raised it, and the table (0-based, in document order, as
   * `origin.table`) it concerns. Always written now; optional so outputs written before still read.
   */
  severity: z.enum(SEVERITIES).optional(),
  stage: z.enum(STAGES).optional(),
  table: z.number().int().nonnegative().nullable().optional(),
});
export type Warning = z.infer<typeof Warning>;

/** Why a document needs a human check (contract 1.1). `code` is stable; `message` says what was seen. */
export const ReviewReason = z.object({
  code: z.string(),
  message: z.string(),
});
export type ReviewReason = z.infer<typeof ReviewReason>;

export const Review = z.object({
  status: z.enum(["ok", "check"]),
  reasons: z.array(ReviewReason),
});
export type Review = z.infer<typeof Review>;

/** Input formats: PDF and DOCX are read directly; .doc, .odt and .rtf through LibreOffice (contract 1.1). */
export const SOURCE_FORMATS = ["pdf", "docx", "doc", "odt", "rtf"] as const;

export const PlanDocument = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  source: z.object({
    file: z.string(),
    format: z.enum(SOURCE_FORMATS),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    pages: z.number().int().nonnegative().nullable(),
  }),
  document: z.object({
    title: z.string().nullable(),
    issuer: z.string().nullable(),
    region: z.string().nullable(),
    period: Period.nullable(),
  }),
  rows: z.array(Row),
  warnings: z.array(Warning),
  review: Review,
});
export type PlanDocument = z.infer<typeof PlanDocument>;

/** One entry of errors.json. */
export const ConversionError = z.object({
  file: z.string(),
  code: z.string(),
  message: z.string(),
});
export type ConversionError = z.infer<typeof ConversionError>;

/** The JSON Schema of one output document, as `plan-extract schema` prints it. */
export function planJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(PlanDocument, { target: "draft-2020-12" }) as Record<string, unknown>;
}

/** Validate a document before it is written; throws an Error with a readable list of problems. */
export function validatePlan(doc: unknown): PlanDocument {
  const result = PlanDocument.safeParse(doc);
  if (!result.success) {
    throw new InvalidDocumentError(z.prettifyError(result.error));
  }
  return result.data;
}

export class InvalidDocumentError extends Error {
  constructor(details: string) {
    super(`output does not match the plan-extract schema:\n${details}`);
    this.name = "InvalidDocumentError";
  }
}
