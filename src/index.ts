/** plan-extract's library API. */
export { convertBuffer, convertFile, DEFAULT_MAX_BYTES, type ConvertOptions, type ConvertResult } from "./convert.js";
export { ConversionFailure, type ConversionErrorCode } from "./extract/grid.js";
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
