/**
 * The Bulgarian wording of every warning code, review reason code and deadline kind, used by every workbook.
 * One table: add a code here when the library starts using it. An unknown code falls back on the English
 * message the library wrote (so nothing is ever hidden), and an unknown deadline kind on the kind itself.
 */
import type { DeadlineKind } from "../model/schema.js";

/** Warning codes (the `code` of `warnings[]`) → what the reader should know, in Bulgarian. */
export const WARNING_BG: Record<string, string> = {
  "deadline-unparsed": "Срокът не може да се разчете като дата или период; датите са оставени празни.",
  "deadline-outside-period": "Срокът е извън периода на плана.",
  "deadline-year-unknown": "Срокът не назовава година, а периодът на плана не е известен; датите са оставени празни.",
  "no-period": "Периодът на плана не е намерен в текста преди таблицата.",
  "unknown-column": "Колона с непознато заглавие; клетките ѝ са запазени отделно (extra).",
  "row-number-only": "Ред само с номер, без текст; пропуснат.",
  "row-without-activity": "Ред без текст на дейността; клетките му са добавени към реда преди него.",
  "docx-reader": "Част от DOCX файла не беше прочетена; документът е прочетен без нея.",
  "docx-structure": "Таблица от DOCX файла се чете различно по двата начина; взета е от XML съдържанието.",
  "docx-numbering": "Автоматична номерация, която липсва във файла; номерата на тези абзаци липсват.",
  "docx-nested-table": "Таблица, вложена в клетка, е слята в текста на клетката.",
  "docx-vmerge": "Вертикално слята клетка без начало; оставена е като отделна клетка.",
  "docx-fallback": "DOCX файлът е прочетен по резервния начин (само от XML съдържанието).",
  "pdf-borderless-table": "Таблица без линии: колоните и редовете са определени по подредбата на текста; проверете слети или разделени клетки.",
  "pdf-page-unreadable": "Страница от PDF файла не можа да бъде прочетена.",
  "pdf-page-without-text": "Страница без текстов слой (вероятно само изображение).",
  "pdf-truncated": "PDF файлът няма маркер за край и може да е непълен; запазено е прочетеното.",
  "ocr-page": "Страницата е разчетена с OCR (разпознаване на текст от изображение).",
  "ocr-low-confidence": "OCR разпознаването на страницата е с ниска увереност; проверете текста.",
  timeout: "Четенето на файла надхвърли разрешеното време.",
  "too-complex": "Документът е твърде сложен, за да бъде разчетен изцяло.",
  "needs-libreoffice": "За този формат е нужен LibreOffice, който не е инсталиран.",
};

/** Review reason codes (`review.reasons[].code`) → why a person should check the document, in Bulgarian. */
export const REVIEW_REASON_BG: Record<string, string> = {
  "skipped-heading": "Заглавен ред на раздел е пропуснат; проверете разделите.",
  "unknown-column": "Таблицата има колона с непознато заглавие.",
  "rows-without-section": "Някои дейности са извън раздел, а други са в раздели.",
  "number-only-row": "Има редове само с номер, без текст.",
  "few-deadlines": "Повечето дейности са без срок; колоната за срок може да е разчетена погрешно.",
  "no-period": "Периодът на плана не е намерен.",
  ocr: "Текстът е разчетен с OCR; проверете го.",
};

/** Deadline kinds (README, "Deadline kinds") in Bulgarian. */
export const DEADLINE_KIND_BG: Record<DeadlineKind, string> = {
  none: "без срок",
  day: "ден",
  month: "месец",
  range: "период",
  "school-year": "учебна година",
  term: "учебен срок",
  quarter: "тримесечие",
  "half-year": "полугодие",
  year: "година",
  until: "до дата",
  from: "от дата",
  recurring: "повтарящ се",
  conditional: "при условие",
  ongoing: "постоянен",
  unparsed: "неразчетен",
};

/** Review statuses as written in the workbooks (the same words as in the JSON, so filters match scripts). */
export const STATUS_OK = "ok";
export const STATUS_CHECK = "check";

/** A warning in Bulgarian, or its English message when the code is not in the table. */
export function warningBg(warning: { code: string; message: string }): string {
  return WARNING_BG[warning.code] ?? warning.message;
}

/** A review reason in Bulgarian, or its English message when the code is not in the table. */
export function reviewReasonBg(reason: { code: string; message: string }): string {
  return REVIEW_REASON_BG[reason.code] ?? WARNING_BG[reason.code] ?? reason.message;
}

/** A deadline kind in Bulgarian. */
export function deadlineKindBg(kind: string): string {
  return (DEADLINE_KIND_BG as Record<string, string>)[kind] ?? kind;
}
