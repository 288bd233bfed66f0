/**
 * What the scanned fixtures' tests share (tests/ocr/scan.test.ts, turned.test.ts): the fixture
 * converted once with its expected JSON, and the floors it is held to — character accuracy over every
 * compared text field, exact field matches, rows found; no extra row, no document field off.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { convertFile } from "../../src/convert.js";
import { releaseOcr } from "../../src/extract/ocr/index.js";
import type { PlanDocument } from "../../src/model/schema.js";
import { characterAccuracy, FIXTURES_DIR, listFixtures, scoreDocument } from "../harness/accuracy.js";

export interface ScanFixture {
  /** The fixture's path. */
  path: string;
  expected: PlanDocument;
  actual: PlanDocument;
}

/**
 * In a describe block: converts the fixture `name` (under fixtures/) once before its tests, releases
 * the OCR engine after them, and checks that the accuracy harness lists it. The fields are filled in
 * by the time the tests run.
 */
export function useScanFixture(name: string): ScanFixture {
  const fixture = { path: join(FIXTURES_DIR, name) } as ScanFixture;
  beforeAll(async () => {
    fixture.expected = JSON.parse(readFileSync(`${fixture.path}.expected.json`, "utf8")) as PlanDocument;
    fixture.actual = (await convertFile(fixture.path)).value;
  }, 600_000);
  afterAll(() => releaseOcr());
  it("is found by the accuracy harness", async () => {
    expect(await listFixtures()).toContain(name);
  });
  return fixture;
}

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
