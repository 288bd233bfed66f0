/**
 * The Bulgarian wording of every warning code, failure code, review reason code and deadline kind, used
 * by every workbook. The tables are keyed by the code unions of src/model/message-codes.ts, so a code
 * without a Bulgarian text does not compile. A code these tables do not know (from an older output)
 * falls back on the English message the library wrote (so nothing is ever hidden), and an unknown
 * deadline kind on the kind itself.
 */
import type { FailureCode, ReviewCode, WarningCode } from "../model/messages.js";
import type { DeadlineKind } from "../model/schema.js";

/** Warning codes (the `code` of `warnings[]`) → what the reader should know, in Bulgarian. */
export const WARNING_BG: Record<WarningCode, string> = {
  "deadline-unparsed": "Срокът не може да се разчете като дата или период; датите са оставени празни.",
  "deadline-outside-period": "Срокът е извън периода на плана.",
  "deadline-year-unknown": "Срокът не назовава година, а периодът на плана не е известен; датите са оставени празни.",
  "no-period": "Периодът на плана не е намерен в текста преди таблицата.",
  "unknown-column": "Колона с непознато заглавие; клетките ѝ са запазени отделно (extra).",
  "row-number-only": "Ред само с номер, без текст; пропуснат.",
  "row-without-activity": "Ред без текст на дейността; клетките му са добавени към реда преди него.",
  "docx-reader": "Част от DOCX файла не беше прочетена; документът е прочетен без нея.",
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
  "skipped-heading": "Текст, който прилича на заглавие на раздел, не е направен раздел; проверете разделите.",
};

/** Failure codes (errors.json `code`) → why the file was not converted, in Bulgarian. */
export const FAILURE_BG: Record<FailureCode, string> = {
  empty: "Файлът е празен.",
  "not-a-plan-format": "Файлът не е във формат, който се чете (PDF, DOCX, DOC, ODT, RTF).",
  damaged: "Файлът е повреден и не може да бъде прочетен.",
  encrypted: "Файлът е защитен с парола.",
  "no-text-layer": "PDF файлът няма текстов слой (сканирани изображения?) и не беше разчетен.",
  "needs-libreoffice": "За този формат е нужен LibreOffice, който не е инсталиран.",
  "no-plan-table": "В документа няма таблица на план (с колона за дейностите).",
  "too-large": "Файлът е по-голям от разрешения размер.",
  io: "Файлът не може да бъде прочетен от диска.",
  "too-complex": "Документът е твърде сложен, за да бъде разчетен изцяло.",
  timeout: "Четенето на файла надхвърли разрешеното време.",
  internal: "Вътрешна грешка на plan-extract; моля, съобщете за този файл.",
};

/** Codes older versions wrote into their JSON, which the workbooks and compare still read. */
const RETIRED_WARNING_BG: Record<string, string> = {
  "docx-structure": "Таблица от DOCX файла се чете различно по двата начина; взета е от XML съдържанието.",
};

/** Review reason codes (`review.reasons[].code`) → why a person should check the document, in Bulgarian. */
export const REVIEW_REASON_BG: Record<ReviewCode, string> = {
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

const byCode = (table: object, code: string): string | undefined => (Object.hasOwn(table, code) ? (table as Record<string, string>)[code] : undefined);

/** A warning (or failure) in Bulgarian, or its English message when the code is not in the tables. */
export function warningBg(warning: { code: string; message: string }): string {
  return byCode(WARNING_BG, warning.code) ?? byCode(FAILURE_BG, warning.code) ?? byCode(RETIRED_WARNING_BG, warning.code) ?? warning.message;
}

/** A review reason in Bulgarian, or its English message when the code is not in the table. */
export function reviewReasonBg(reason: { code: string; message: string }): string {
  return byCode(REVIEW_REASON_BG, reason.code) ?? byCode(WARNING_BG, reason.code) ?? reason.message;
}

/** A deadline kind in Bulgarian. */
export function deadlineKindBg(kind: string): string {
  return (DEADLINE_KIND_BG as Record<string, string>)[kind] ?? kind;
}
