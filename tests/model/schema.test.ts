import { describe, expect, it } from "vitest";
import { planJsonSchema, validatePlan, InvalidDocumentError } from "../../src/model/schema.js";

const good = {
  schemaVersion: 1,
  source: { file: "plan.pdf", format: "pdf", sha256: "a".repeat(64), pages: 2 },
  document: { title: "План", issuer: null, region: null, period: { label: "2024", start: "2024-01-01", end: "2024-12-31" } },
  rows: [
    {
      number: "1.1",
      sections: [{ number: "1", label: null, title: "Приоритет" }],
      activity: "Дейност",
      deadline: { text: "декември 2024 г.", start: "2024-12-01", end: "2024-12-31", kind: "month" },
      indicator: { unit: null, current: null, target: null, expected: null },
      financing: null,
      responsible: { text: "РУО", parties: [{ text: "РУО", expanded: "Регионално управление на образованието" }] },
      note: null,
      pages: [1],
    },
  ],
  warnings: [{ code: "x", message: "y", page: null }],
  review: { status: "ok", reasons: [] },
};

describe("output schema", () => {
  it("accepts a contract-shaped document", () => {
    expect(validatePlan(good).rows[0].number).toBe("1.1");
  });

  it("refuses an invalid document with a readable message naming the field", () => {
    const bad = structuredClone(good) as any;
    bad.rows[0].deadline.start = "1 декември";
    bad.source.format = "xls"; // contract 1.1 accepts pdf, docx, doc, odt, rtf
    let error: unknown;
    try {
      validatePlan(bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidDocumentError);
    const msg = (error as Error).message;
    expect(msg).toMatch(/rows\[0\]\.deadline\.start/);
    expect(msg).toMatch(/source\.format/);
  });

  it("prints a JSON Schema that names every contract field", () => {
    const schema = planJsonSchema() as any;
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(Object.keys(schema.properties)).toEqual(["schemaVersion", "source", "document", "rows", "warnings", "review"]);
    const row = schema.properties.rows.items;
    for (const f of ["number", "sections", "activity", "deadline", "indicator", "financing", "responsible", "note", "pages"]) {
      expect(row.required).toContain(f);
    }
  });

  it("describes a warning's place, severity and stage (added fields: optional, so older outputs still read)", () => {
    const warning = (planJsonSchema() as any).properties.warnings.items;
    expect(Object.keys(warning.properties)).toEqual(["code", "message", "page", "row", "severity", "stage", "table"]);
    expect(warning.required).toEqual(["code", "message", "page"]);
    expect(warning.properties.severity.enum).toEqual(["error", "warning", "info"]);
    expect(warning.properties.stage.enum).toContain("extract-pdf");
    const withPlace = {
      ...good,
      warnings: [{ code: "unknown-column", message: "y", page: 1, row: null, severity: "warning", stage: "interpret", table: 0 }],
    };
    expect(validatePlan(withPlace).warnings[0]).toEqual(withPlace.warnings[0]);
    expect(() => validatePlan({ ...good, warnings: [{ ...withPlace.warnings[0], severity: "fatal" }] })).toThrow(InvalidDocumentError);
  });
});
