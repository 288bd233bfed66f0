/**
 * The committed fixture renditions and their expected outputs belong together: every rendition in
 * fixtures/ has a <file>.expected.json that validates against the output schema, names the file,
 * and carries the sha256 of the committed bytes. (scripts/build-fixtures.sh makes both; this test
 * needs none of its tools.)
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { validatePlan, type PlanDocument } from "../src/model/schema.js";
import { LAYOUT_FIXTURES } from "../scripts/fixtures/layouts.js";

const FIXTURES = resolve(import.meta.dirname, "..", "fixtures");
const renditions = readdirSync(FIXTURES)
  .filter((f) => /\.(pdf|docx)$/i.test(f))
  .sort();

const seedOf = (file: string): string => file.split(".")[0];

describe("fixture renditions", () => {
  it("exist for both seed plans, as PDF and DOCX", () => {
    expect(renditions.length).toBeGreaterThanOrEqual(9);
    for (const seed of ["ruo-kyustendil-2024-2025", "kazanlak-pld-2024"]) {
      expect(renditions.filter((f) => seedOf(f) === seed && f.endsWith(".pdf")).length).toBeGreaterThan(0);
      expect(renditions.filter((f) => seedOf(f) === seed && f.endsWith(".docx")).length).toBeGreaterThan(0);
    }
  });

  for (const file of renditions) {
    describe(file, () => {
      const expectedPath = join(FIXTURES, `${file}.expected.json`);

      it("has an expected JSON that validates against the output schema", () => {
        expect(existsSync(expectedPath)).toBe(true);
        const doc = validatePlan(JSON.parse(readFileSync(expectedPath, "utf8")));
        expect(doc.source.file).toBe(file);
        expect(doc.source.format).toBe(file.toLowerCase().endsWith(".pdf") ? "pdf" : "docx");
      });

      it("names the sha256 of the committed bytes", () => {
        const doc = validatePlan(JSON.parse(readFileSync(expectedPath, "utf8")));
        const sha = createHash("sha256")
          .update(readFileSync(join(FIXTURES, file)))
          .digest("hex");
        expect(doc.source.sha256).toBe(sha);
      });

      it("has the seed's rows, with pages only for PDF", () => {
        const doc = validatePlan(JSON.parse(readFileSync(expectedPath, "utf8")));
        const seedPath = join(FIXTURES, "expected", `${seedOf(file)}.json`);
        const seed = validatePlan(JSON.parse(readFileSync(seedPath, "utf8")));
        const strip = (d: typeof doc) => ({
          document: d.document,
          rows: d.rows.map(({ pages: _pages, ...rest }) => rest),
          warnings: d.warnings,
        });
        expect(strip(doc)).toEqual(strip(seed));
        if (doc.source.format === "docx") {
          expect(doc.source.pages).toBeNull();
          for (const row of doc.rows) expect(row.pages).toEqual([]);
        } else {
          const pages = doc.source.pages ?? 0;
          expect(pages).toBeGreaterThan(0);
          // pages of a PDF row: ascending, consecutive, inside the document; rows never go back
          let last = 1;
          for (const row of doc.rows) {
            expect(row.pages.length).toBeGreaterThan(0);
            row.pages.forEach((p, i) => {
              expect(p).toBeLessThanOrEqual(pages);
              if (i > 0) expect(p).toBe(row.pages[i - 1] + 1);
            });
            expect(row.pages[0]).toBeGreaterThanOrEqual(last);
            last = row.pages[row.pages.length - 1];
          }
          // every PDF rendition has at least one row cut by a page break
          expect(doc.rows.some((r) => r.pages.length > 1)).toBe(true);
        }
      });
    });
  }
});

/** PDF rows: pages ascending, consecutive, inside the document; rows never go back. */
function checkPdfPages(doc: PlanDocument): void {
  const pages = doc.source.pages ?? 0;
  expect(pages).toBeGreaterThan(0);
  let last = 1;
  for (const row of doc.rows) {
    expect(row.pages.length).toBeGreaterThan(0);
    row.pages.forEach((p, i) => {
      expect(p).toBeLessThanOrEqual(pages);
      if (i > 0) expect(p).toBe(row.pages[i - 1] + 1);
    });
    expect(row.pages[0]).toBeGreaterThanOrEqual(last);
    last = row.pages[row.pages.length - 1];
  }
}

const LAYOUTS = join(FIXTURES, "layouts");
// A missing folder fails here (readdirSync throws).
const layoutFiles = readdirSync(LAYOUTS)
  .filter((f) => /\.(pdf|docx)$/i.test(f))
  .sort();

describe("layout-variant fixtures (fixtures/layouts/)", () => {
  it("are exactly the generator's list (scripts/fixtures/layouts.ts)", () => {
    expect(layoutFiles).toEqual(LAYOUT_FIXTURES.map((f) => f.file).sort());
  });

  it("cut some rows by page breaks in every PDF producer", () => {
    for (const route of ["docx-pdf", "chromium-pdf"]) {
      const cut = LAYOUT_FIXTURES.filter((f) => f.route === route).filter((f) => {
        const doc = validatePlan(JSON.parse(readFileSync(join(LAYOUTS, `${f.file}.expected.json`), "utf8")));
        return doc.rows.some((r) => r.pages.length > 1);
      });
      expect(cut.length, route).toBeGreaterThanOrEqual(6);
    }
  });

  for (const f of LAYOUT_FIXTURES) {
    describe(`layouts/${f.file}`, () => {
      const expectedPath = join(LAYOUTS, `${f.file}.expected.json`);
      const read = () => validatePlan(JSON.parse(readFileSync(expectedPath, "utf8")));

      it("has an expected JSON that validates, names the file and the sha256 of its bytes", () => {
        expect(existsSync(expectedPath)).toBe(true);
        const doc = read();
        expect(doc.source.file).toBe(f.file);
        expect(doc.source.format).toBe(f.file.endsWith(".pdf") ? "pdf" : "docx");
        const sha = createHash("sha256")
          .update(readFileSync(join(LAYOUTS, f.file)))
          .digest("hex");
        expect(doc.source.sha256).toBe(sha);
      });

      it("holds the layout's structured data, with pages only for PDF", () => {
        const doc = read();
        const want = f.build().doc;
        const strip = (d: PlanDocument) => ({
          document: d.document,
          rows: d.rows.map(({ pages: _pages, ...rest }) => rest),
          warnings: d.warnings,
          review: d.review,
        });
        expect(strip(doc)).toEqual(strip(want));
        expect(doc.rows.length).toBeGreaterThanOrEqual(10);
        expect(doc.rows.length).toBeLessThanOrEqual(40);
        if (doc.source.format === "docx") {
          expect(doc.source.pages).toBeNull();
          for (const row of doc.rows) expect(row.pages).toEqual([]);
        } else checkPdfPages(doc);
      });
    });
  }
});
