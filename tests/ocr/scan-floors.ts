/**
 * The floors a scanned fixture is held to (tests/ocr/scan.test.ts, turned.test.ts): character accuracy
 * over every compared text field, exact field matches, rows found; no extra row, no document field off.
 */
import { expect } from "vitest";
import type { PlanDocument } from "../../src/model/schema.js";
import { characterAccuracy, scoreDocument } from "../harness/accuracy.js";

export interface ScanFloors {
  characters: number;
  fields: number;
  rows: number;
}

export function expectScanFloors(name: string, expected: PlanDocument, actual: PlanDocument, floors: ScanFloors): void {
  const chars = characterAccuracy(expected, actual);
  const score = scoreDocument(name, expected, actual);
  const summary = `${name}: ${(chars.accuracy * 100).toFixed(1)}% characters (${chars.errors} errors in ${chars.chars}), ${(score.share * 100).toFixed(1)}% fields, ${score.foundRows}/${score.expectedRows} rows, ${score.extraRows} extra`;
  console.log(summary);
  expect(chars.accuracy, summary).toBeGreaterThanOrEqual(floors.characters);
  expect(score.share, summary).toBeGreaterThanOrEqual(floors.fields);
  expect(score.foundRows / score.expectedRows, summary).toBeGreaterThanOrEqual(floors.rows);
  expect(score.extraRows, summary).toBe(0);
  expect(score.documentMismatches, summary).toEqual([]);
}
