/**
 * The scan fixture with two pages turned by a quarter (fixtures/scan/*.turned.scan.pdf, made by
 * scripts/scan/build-turned-fixture.sh): page 2's image turned clockwise, page 3's turned the other
 * way and stored with /Rotate 90. Both are turned upright before OCR and read as the upright scan is
 * (the text differs from it by a word or so, as two OCR runs on re-encoded images do).
 */
import { describe, expect, it } from "vitest";
import { expectScanFloors, useScanFixture } from "./scan-floors.js";

const NAME = "scan/kazanlak-pld-2024.turned.scan.pdf";

/** Measured: 98.4 % characters (one abbreviation misread, so its 88-character expansion is lost), 96.1 % fields, 9/9 rows. */
const FLOORS = { characters: 0.98, fields: 0.95, rows: 0.95 };

describe("a scanned plan with pages turned by 90°", () => {
  const fixture = useScanFixture(NAME);

  it("says which pages it turned, and which way", () => {
    const pages = fixture.actual.warnings.filter((w) => w.code === "ocr-page");
    expect(pages.map((w) => w.page)).toEqual([1, 2, 3]);
    expect(pages[0].message).not.toMatch(/turned/);
    // page 2's image was turned clockwise: it is turned back counter-clockwise (270° clockwise)
    expect(pages[1].message).toMatch(/turned 270°/);
    // page 3's image was turned counter-clockwise (and shown upright through /Rotate 90)
    expect(pages[2].message).toMatch(/turned 90°/);
  });

  it("is read with the floors on characters, fields and rows", () => {
    expectScanFloors(NAME, fixture.expected, fixture.actual, FLOORS);
  });
});
