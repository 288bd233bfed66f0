/**
 * Indicator values ("Текуща стойност", "Целева стойност") → parts with a number and what it
 * counts: "19 детски градини" → [{ value: 19, unit: "детски градини" }], "5 училища 3 ДГ" and
 * "38 училища, 19 детски градини" → two parts, "85 %" → { value: 85, unit: "%" }, "0" →
 * { value: 0, unit: null }. A text that does not start with a number is one part with value and
 * unit null ("брой училища, заявили прием …", "Съгласно Списък-образец № 1 …").
 */
import type { IndicatorValue } from "../model/schema.js";

/** A number: "19", "2,5", "2.5", "1 200" (thousands separated by a space). */
const NUMBER = String.raw`\d{1,3}(?:[ \u00a0]\d{3})+(?!\d)|\d+(?:[.,]\d+)?`;

/** One numbered part: number, optional percent sign, then words up to the next number or separator. */
const PART = new RegExp(String.raw`^(${NUMBER})\s*(%|процента|процент|на сто)?(?![\d.,/-]\d)\s*(.*)$`, "su");

function toNumber(s: string): number {
  return Number(s.replace(/[ \u00a0]/g, "").replace(",", "."));
}

function cleanUnit(s: string): string | null {
  const u = s
    .replace(/^[\s:–—-]+/u, "")
    .replace(/[\s,;.:]+$/u, "")
    .trim();
  return u === "" ? null : u;
}

/**
 * Where a list of numbered parts can be cut: before a number that follows a word
 * ("5 училища 3 ДГ"), at "," / ";" followed by a number (not a decimal comma: "2,5 %"), and at
 * " и " followed by a number.
 * Cuts are made only when the text starts with a number.
 */
function splitNumbered(text: string): string[] {
  const parts: string[] = [];
  const cut = new RegExp(
    String.raw`(?<=\D)\s*[,;]\s*(?=\d)|[,;]\s+(?=\d)|\s+и\s+(?=\d)|(?<=\p{L}[.“”"»)]?)\s+(?=\d+(?:[.,]\d+)?\s*(?:%|\p{L}))`,
    "gu",
  );
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = cut.exec(text)) !== null) {
    const piece = text.slice(last, m.index);
    // Do not cut after a word that a number belongs to ("№ 1", "клас 5", "от 3 до 5").
    if (/(?:№|бр\.|клас|от|до|над|под|по|за|с|в|чл\.|ал\.|т\.)$/iu.test(piece.trim())) continue;
    parts.push(piece);
    last = m.index + m[0].length;
  }
  parts.push(text.slice(last));
  return parts.map((p) => p.trim()).filter((p) => p !== "");
}

/** The parts of an indicator value (empty for null or an empty cell). */
export function parseIndicator(text: string | null): IndicatorValue[] {
  if (text === null) return [];
  const clean = text.replace(/[\s\u00a0]+/g, " ").trim();
  if (clean === "") return [];
  if (!/^\d/.test(clean)) return [{ value: null, unit: null, text: clean }];
  const out: IndicatorValue[] = [];
  for (const part of splitNumbered(clean)) {
    const m = PART.exec(part);
    if (!m) {
      out.push({ value: null, unit: null, text: part });
      continue;
    }
    const value = toNumber(m[1]);
    const unit = m[2] ? "%" : cleanUnit(m[3] ?? "");
    if (m[2] && cleanUnit(m[3] ?? "")) {
      // "85 % от учениците": the percent is the unit, the rest stays in the text.
      out.push({ value, unit: "%", text: part });
      continue;
    }
    out.push({ value: Number.isFinite(value) ? value : null, unit, text: part });
  }
  return out;
}
