/** The per-file line and the summary show which converted files need a check (review status). */
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { Progress } from "../../src/cli/progress.js";
import type { FileResult } from "../../src/cli/process-file.js";
import type { PlanDocument } from "../../src/model/schema.js";

function sink(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let out = "";
  stream.on("data", (d) => (out += String(d)));
  return { stream, text: () => out };
}

const doc = (status: "ok" | "check", warnings: number): PlanDocument =>
  ({
    rows: [],
    warnings: Array.from({ length: warnings }, () => ({ code: "x", message: "x", page: null, row: null })),
    review: { status, reasons: status === "check" ? [{ code: "few-deadlines", message: "8 of 11 rows have no deadline" }] : [] },
  }) as unknown as PlanDocument;

const ok = (d: PlanDocument): FileResult => ({
  ok: true,
  path: "p",
  skipped: false,
  rows: d.rows.length,
  warnings: d.warnings.length,
  ocrPages: 0,
  check: d.review.status === "check",
  pages: 0,
  ms: 1,
});

describe("progress lines", () => {
  it("shows the warning count and 'check' per file, and lists the files that need a check at the end", async () => {
    const out = sink();
    const err = sink();
    const p = new Progress({ total: 2, quiet: false, tty: false, out: out.stream, err: err.stream });
    p.file(ok(doc("ok", 0)), "a.docx");
    p.file(ok(doc("check", 3)), "b.pdf");
    p.finish("2 input(s): 2 converted");
    await new Promise((r) => setImmediate(r));
    const lines = out.text().split("\n");
    expect(lines[0]).toBe("ok: a.docx (0 rows, 0 warnings)");
    expect(lines[1]).toBe("ok: b.pdf (0 rows, 3 warnings, check)");
    expect(lines[2]).toMatch(/^2 input\(s\): 2 converted in /);
    expect(lines.slice(3, 5)).toEqual(['1 file needs a check (review status "check"):', "  b.pdf"]);
  });
});
