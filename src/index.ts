/** plan-extract's library API. */
export { convertBuffer, convertFile, DEFAULT_MAX_BYTES, type ConvertOptions, type ConvertResult } from "./convert.js";
export {
  ConversionFailure,
  MESSAGE_CATALOGUE,
  success,
  combine,
  flatMap,
  mapValue,
  type ConversionErrorCode,
  type FailureCode,
  type WarningCode,
  type ReviewCode,
  type MessageCode,
  type Message,
  type Place,
  type Result,
  type Severity,
  type Stage,
} from "./model/messages.js";
export type { Grid, GridRow, GridCell, ExtractedDocument, TextBlock, DocumentBlock, ParagraphBlock, TableBlock } from "./extract/grid.js";
export {
  PlanDocument,
  Row,
  Section,
  Deadline,
  Warning,
  DEADLINE_KINDS,
  SCHEMA_VERSION,
  planJsonSchema,
  validatePlan,
  InvalidDocumentError,
} from "./model/schema.js";
export { loadAbbreviations, type AbbreviationTable } from "./normalize/abbreviations.js";
