/**
 * Low-confidence OCR words → the rows they ended up in. OCR reads words before there are rows, so
 * each doubtful word first becomes a page warning; once the rows exist, every such word is looked
 * for in the rows on its page, and the warnings are regrouped: one per row (with its index), one
 * per page for words outside every row (title, signatures).
 */
import { message, type Message } from "../../model/messages.js";
import type { Row } from "../../model/schema.js";

export const LOW_CONFIDENCE = "ocr-low-confidence";

/** The page warning of one doubtful word (what ocrPagesWithoutText emits). */
export function doubtfulWordWarning(page: number, word: string): Message {
  return message(LOW_CONFIDENCE, `page ${page}: "${word}" was read by OCR with low confidence and is not in the dictionary`, { page });
}

const WORD = /^page \d+: "(.*)" was read by OCR with low confidence/;

function rowText(r: Row): string {
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

export function placeLowConfidenceWords(rows: Row[], warnings: Message[]): Message[] {
  const out: Message[] = [];
  const byRow = new Map<number, { page: number | null; words: string[] }>();
  const byPage = new Map<number | null, string[]>();
  const texts = rows.map(rowText);
  for (const w of warnings) {
    const m = w.code === LOW_CONFIDENCE && w.place.row == null ? WORD.exec(w.message) : null;
    if (!m) {
      out.push(w);
      continue;
    }
    const word = m[1];
    // the word as read, or its letters alone (a hyphen at a line end may have been taken out)
    const core = word.replace(/[-‐]/g, "");
    const row = rows.findIndex(
      (r, i) =>
        (w.place.page === null || r.pages.includes(w.place.page)) &&
        (texts[i].includes(word) || texts[i].replace(/[-‐]/g, "").includes(core)),
    );
    if (row >= 0) {
      const slot = byRow.get(row) ?? { page: w.place.page, words: [] };
      slot.words.push(word);
      byRow.set(row, slot);
    } else byPage.set(w.place.page, [...(byPage.get(w.place.page) ?? []), word]);
  }
  const list = (words: string[]) => words.map((x) => `"${x}"`).join(", ");
  for (const [row, { page, words }] of [...byRow].sort((a, b) => a[0] - b[0])) {
    const label = rows[row].number ? `row ${rows[row].number}` : `row ${row + 1}`;
    out.push(
      message(LOW_CONFIDENCE, `page ${page}, ${label}: read by OCR with low confidence (not in the dictionary either): ${list(words)}`, {
        page,
        row,
      }),
    );
  }
  for (const [page, words] of byPage) {
    out.push(
      message(
        LOW_CONFIDENCE,
        `page ${page}: read by OCR with low confidence outside the table rows (not in the dictionary either): ${list(words)}`,
        { page },
      ),
    );
  }
  return out;
}
