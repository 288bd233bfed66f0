/**
 * Warnings and review reasons on the HTML pages: in Bulgarian (src/output/messages-bg.ts, the texts
 * the workbooks use), followed by the message the tool wrote, which names what it saw (the cell, the
 * row's text) and is kept as the detail, as the workbooks' "Подробности" column keeps it.
 */
import { reviewReasonBg, warningBg } from "../messages-bg.js";
import { esc } from "./escape.js";

/** CSS for the detail after a Bulgarian text. */
export const DETAIL_STYLE = ".detail{color:#666;font-size:12px}";

function withDetail(bg: string, message: string): string {
  return bg === message ? esc(bg) : `${esc(bg)} <span class="detail">(${esc(message)})</span>`;
}

/** A warning as HTML: its Bulgarian text and its message as the detail. */
export function warningHtml(warning: { code: string; message: string }): string {
  return withDetail(warningBg(warning), warning.message);
}

/** A review reason as HTML: its Bulgarian text and its message as the detail. */
export function reasonHtml(reason: { code: string; message: string }): string {
  return withDetail(reviewReasonBg(reason), reason.message);
}
