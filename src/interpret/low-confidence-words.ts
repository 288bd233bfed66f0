/**
 * Low-confidence OCR words → the rows they ended up in. OCR reads words before there are rows, so
 * it hands its doubtful words over as data ({ page, word }, `ExtractedDocument.ocrDoubtfulWords`);
 * once the rows exist, every such word is looked for in the rows on its page and reported: one
 * warning per row (with its index), one per page for words outside every row (title, signatures).
 */
import type { DoubtfulWord } from "../extract/grid.js";
import { message, type Message } from "../model/messages.js";
import type { Row } from "../model/schema.js";

/** The text of a row's cells, joined by spaces (the row's words, wherever they stand). */
export function rowText(r: Row): string {
  return [
    r.number,
    r.activity,
    r.deadline.text,
    r.indicator.unit,
    r.indicator.current,
    r.indicator.target,
    r.indicator.expected,
    r.financing,
    r.responsible.text,
    r.note,
  ]
    .filter((t): t is string => typeof t === "string")
    .join(" ");
}

/** The `ocr-low-confidence` warnings of the doubtful words, by row, then by page for the rest. */
export function lowConfidenceWarnings(rows: Row[], words: readonly DoubtfulWord[]): Message[] {
  const out: Message[] = [];
  const byRow = new Map<number, { page: number; words: string[] }>();
  const byPage = new Map<number, string[]>();
  const texts = rows.map(rowText);
  // the word as read, or its letters alone (a hyphen at a line end may have been taken out)
  const unhyphenated = texts.map((t) => t.replace(/[-‐]/g, ""));
  for (const { page, word } of words) {
    const core = word.replace(/[-‐]/g, "");
    const row = rows.findIndex((r, i) => r.pages.includes(page) && (texts[i].includes(word) || unhyphenated[i].includes(core)));
    if (row >= 0) {
      const slot = byRow.get(row) ?? { page, words: [] };
      slot.words.push(word);
      byRow.set(row, slot);
    } else byPage.set(page, [...(byPage.get(page) ?? []), word]);
  }
  const list = (words: string[]) => words.map((x) => `"${x}"`).join(", ");
  for (const [row, { page, words }] of [...byRow].sort((a, b) => a[0] - b[0])) {
    const label = rows[row].number ? `row ${rows[row].number}` : `row ${row + 1}`;
    out.push(
      message(
        "ocr-low-confidence",
        `page ${page}, ${label}: read by OCR with low confidence (not in the dictionary either): ${list(words)}`,
        {
          page,
          row,
        },
      ),
    );
  }
  for (const [page, words] of byPage) {
    out.push(
      message(
        "ocr-low-confidence",
        `page ${page}: read by OCR with low confidence outside the table rows (not in the dictionary either): ${list(words)}`,
        { page },
      ),
    );
  }
  return out;
}
