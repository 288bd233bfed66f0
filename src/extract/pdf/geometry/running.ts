/**
 * Running page headers and footers: text repeated at the same place on most pages ("План на
 * дейностите за 2024 г.- стр. 5"), and lone page numbers ("3", "стр. 3 от 12", "- 4 -") near the
 * top or bottom edge. Such text never enters a table cell or a text block.
 */
import type { PageContent, TextItem } from "../page-content.js";
import { MARGIN_ZONE, RUNNING_PAGES_SHARE, RUNNING_SAME_HEIGHT_PT } from "../tolerances.js";
import { buildLines } from "./text-lines.js";

const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:(?:стр(?:аница)?|page|с)\.?\s*)?\d{1,4}(?:\s*(?:от|\/|of)\s*\d{1,4})?(?:\s*[-–—])?$/iu;

/** True for text that is only a page number ("3", "стр. 3 от 12", "- 4 -", "3/12"). */
export function isPageNumberText(text: string): boolean {
  return PAGE_NUMBER.test(text.replace(/\s+/g, " ").trim());
}

/** The text of a line with its numbers blanked, so "стр. 4" and "стр. 5" compare equal. */
function shape(text: string): string {
  return text.replace(/\d+/g, "#").replace(/\s+/g, "").toLowerCase();
}

/** Returns the items that belong to running headers, footers and page numbers. */
export function findRunningItems(pages: PageContent[]): Set<TextItem> {
  const running = new Set<TextItem>();
  const perPage = pages.map((p) => {
    const lines = buildLines(p.items).filter((l) => l.y < p.height * MARGIN_ZONE || l.y - l.size > p.height * (1 - MARGIN_ZONE));
    return { page: p, lines };
  });
  // Repeated text at the same height on most pages.
  const seen = new Map<string, { pages: Set<number>; ys: number[] }>();
  for (const { page, lines } of perPage) {
    for (const l of lines) {
      const key = shape(l.text);
      if (key.length === 0) continue;
      const zone = l.y < page.height / 2 ? "top" : "bottom";
      const k = `${zone}:${key}`;
      let s = seen.get(k);
      if (!s) seen.set(k, (s = { pages: new Set(), ys: [] }));
      s.pages.add(page.number);
      s.ys.push(zone === "top" ? l.y : page.height - l.y);
    }
  }
  const minPages = pages.length >= 3 ? Math.ceil(pages.length * RUNNING_PAGES_SHARE) : 2;
  for (const { page, lines } of perPage) {
    for (const l of lines) {
      const zone = l.y < page.height / 2 ? "top" : "bottom";
      const s = seen.get(`${zone}:${shape(l.text)}`);
      const y = zone === "top" ? l.y : page.height - l.y;
      const repeated =
        s !== undefined &&
        pages.length >= 2 &&
        s.pages.size >= minPages &&
        s.ys.filter((v) => Math.abs(v - y) <= RUNNING_SAME_HEIGHT_PT).length >= minPages;
      if (repeated || isPageNumberText(l.text)) for (const it of l.items) running.add(it);
    }
  }
  return running;
}
