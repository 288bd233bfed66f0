/**
 * The document's review status: "check" when the reading found something a person should look at.
 * Each reason has a stable code (documented in the README, "Review status") and a message saying
 * what was seen.
 */
import type { Message, ReviewCode, WarningCode } from "../model/messages.js";
import type { Review, Row, Warning } from "../model/schema.js";

/** A review reason with its catalogued code. */
export interface TypedReviewReason {
  code: ReviewCode;
  message: string;
}

/** Warnings whose presence alone means a person should check the document, by review reason code. */
const WARNING_REASONS: Partial<Record<WarningCode, ReviewCode>> = {
  "unknown-column": "unknown-column",
  "no-period": "no-period",
  "skipped-heading": "skipped-heading",
  "row-number-only": "number-only-row",
};

/** Share of rows without a deadline above which the deadline column is suspect. */
const MOST_ROWS = 0.5;

/** `warnings` are this reading's messages, or the warnings of an output JSON (compare reads older ones). */
export function reviewDocument(rows: Row[], warnings: readonly (Message | Warning)[]): Review & { reasons: TypedReviewReason[] } {
  const reasons: TypedReviewReason[] = [];
  const seen = new Set<ReviewCode>();
  for (const w of warnings) {
    const code = WARNING_REASONS[w.code as WarningCode] ?? (w.code.startsWith("ocr-") ? "ocr" : undefined);
    if (!code || seen.has(code)) continue;
    seen.add(code);
    reasons.push({ code, message: w.message });
  }
  const numberOnly = rows.filter((r) => r.number !== null && r.activity === "" && r.deadline.text === null);
  if (numberOnly.length > 0 && !seen.has("number-only-row")) {
    reasons.push({
      code: "number-only-row",
      message: `${numberOnly.length} row(s) have a number and nothing else (first: "${numberOnly[0].number}")`,
    });
  }
  const withSection = rows.filter((r) => r.sections.length > 0).length;
  if (withSection > 0 && withSection < rows.length) {
    const first = rows.find((r) => r.sections.length === 0)!;
    reasons.push({
      code: "rows-without-section",
      message: `${rows.length - withSection} of ${rows.length} rows carry no section although the plan has headings (first: "${first.activity.slice(0, 60)}")`,
    });
  }
  const undated = rows.filter((r) => r.deadline.text === null).length;
  if (rows.length > 0 && undated / rows.length > MOST_ROWS) {
    reasons.push({ code: "few-deadlines", message: `${undated} of ${rows.length} rows have no deadline` });
  }
  return { status: reasons.length ? "check" : "ok", reasons };
}
