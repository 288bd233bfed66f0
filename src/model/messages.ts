/**
 * The one message model: every stage returns its value with the messages it raised
 * (`Result<T>`, as mammoth's results.js), each message with a catalogued code, a severity, the
 * stage that raised it and a place (page, row, table). A file that cannot be converted at all is a
 * thrown `ConversionFailure`. The library never prints a message; the output writes them as
 * `warnings[]` (see `toWarning`).
 */
import { codeInfo, type FailureCode, type MessageCode, type Severity, type Stage } from "./message-codes.js";

export * from "./message-codes.js";

/** Where a message points; each part null when unknown or not applicable. */
export interface Place {
  /** 1-based page (PDF). */
  page: number | null;
  /** 0-based index into the output's `rows`. */
  row: number | null;
  /** 0-based index of the table in the document (as `origin.table`). */
  table: number | null;
}

export interface Message {
  code: MessageCode;
  message: string;
  severity: Severity;
  stage: Stage;
  place: Place;
}

/** A message of a catalogued code; severity and stage come from the catalogue unless given. */
export function message(code: MessageCode, text: string, place: Partial<Place> = {}, stage?: Stage): Message {
  const info = codeInfo(code);
  return {
    code,
    message: text,
    severity: info.severity,
    stage: stage ?? info.stages[0],
    place: { page: place.page ?? null, row: place.row ?? null, table: place.table ?? null },
  };
}

/** The message with the parts of `place` it does not know yet filled in. */
export function placed(m: Message, place: Partial<Place>): Message {
  return {
    ...m,
    place: { page: m.place.page ?? place.page ?? null, row: m.place.row ?? place.row ?? null, table: m.place.table ?? place.table ?? null },
  };
}

/** A stage's value and the messages raised while computing it. */
export interface Result<T> {
  value: T;
  messages: Message[];
}

export function success<T>(value: T, messages: Message[] = []): Result<T> {
  return { value, messages };
}

/** The values of several results, with all their messages in order. */
export function combine<T>(results: Result<T>[]): Result<T[]> {
  return { value: results.map((r) => r.value), messages: results.flatMap((r) => r.messages) };
}

/** Apply the next stage: its value, and the messages of both stages in order. */
export function flatMap<T, U>(result: Result<T>, next: (value: T) => Result<U>): Result<U> {
  const out = next(result.value);
  return { value: out.value, messages: [...result.messages, ...out.messages] };
}

/** Transform the value, keeping the messages. */
export function mapValue<T, U>(result: Result<T>, f: (value: T) => U): Result<U> {
  return { value: f(result.value), messages: result.messages };
}

/** A message as the output writes it in `warnings[]` (the flat, contract-compatible form). */
export interface OutputWarning {
  code: string;
  message: string;
  page: number | null;
  row?: number | null;
  severity?: Severity;
  stage?: Stage;
  table?: number | null;
}

export function toWarning(m: Message): OutputWarning & { row: number | null; severity: Severity; stage: Stage; table: number | null } {
  return {
    code: m.code,
    message: m.message,
    page: m.place.page,
    row: m.place.row,
    severity: m.severity,
    stage: m.stage,
    table: m.place.table,
  };
}

/** Thrown for a file that cannot be converted at all; its `code` goes to errors.json. */
export class ConversionFailure extends Error {
  constructor(
    readonly code: FailureCode,
    message: string,
  ) {
    super(message);
    this.name = "ConversionFailure";
  }

  /** The failure as a message (severity "error"), e.g. for a caller that collects them. */
  toMessage(stage?: Stage): Message {
    return message(this.code, this.message, {}, stage);
  }
}

/** The failure code union under the name the library API has always exported. */
export type ConversionErrorCode = FailureCode;
