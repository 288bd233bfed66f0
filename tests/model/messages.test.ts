/**
 * The message catalogue is the one source of codes: docs/messages.md is generated from it, every
 * code literal in src/ is in it (a static scan beside the type system), and the helpers thread
 * messages through the stages in order.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MESSAGES_DOC, renderMessagesDoc } from "../../scripts/messages-doc.js";
import {
  combine,
  ConversionFailure,
  FAILURE_CODES,
  flatMap,
  MESSAGE_CATALOGUE,
  message,
  placed,
  REVIEW_CODES,
  success,
  toWarning,
  WARNING_CODES,
} from "../../src/model/messages.js";
import { Warning } from "../../src/model/schema.js";

const SRC = new URL("../../src/", import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

/** Code literals in the source: `code: "…"`, `new ConversionFailure("…"`, `message("…"`, `warn("…"`. */
const LITERAL = /(?:\bcode:\s*|new ConversionFailure\(\s*|\bmessage\(\s*|\bwarn\(\s*)"([a-z][a-z0-9-]*)"/g;

describe("message catalogue", () => {
  it("docs/messages.md is what `npm run messages` writes", () => {
    // a code added, changed or removed without `npm run messages` fails here
    expect(readFileSync(MESSAGES_DOC, "utf8")).toBe(renderMessagesDoc());
  });

  it("docs/messages.md lists every code of every kind", () => {
    const doc = readFileSync(MESSAGES_DOC, "utf8");
    for (const code of [...FAILURE_CODES, ...WARNING_CODES, ...REVIEW_CODES]) expect(doc, code).toContain(`| \`${code}\` |`);
  });

  it("every code literal in src/ is a catalogued code", () => {
    const known = new Set<string>([...FAILURE_CODES, ...WARNING_CODES, ...REVIEW_CODES]);
    const found: string[] = [];
    const unknown: string[] = [];
    for (const file of sources(SRC)) {
      for (const m of readFileSync(file, "utf8").matchAll(LITERAL)) {
        found.push(m[1]);
        if (!known.has(m[1])) unknown.push(`${file.slice(SRC.length)}: "${m[1]}"`);
      }
    }
    expect(unknown).toEqual([]);
    // the scan does see the literals (so an empty list above means something)
    expect(found).toEqual(expect.arrayContaining(["internal", "damaged", "deadline-unparsed", "docx-vmerge", "few-deadlines"]));
  });

  it("gives every code a severity, at least one stage, a meaning and an example", () => {
    for (const [kind, codes] of Object.entries(MESSAGE_CATALOGUE)) {
      for (const [code, info] of Object.entries(codes)) {
        expect(info.stages.length, `${kind} ${code}`).toBeGreaterThan(0);
        expect(info.meaning, `${kind} ${code}`).toMatch(/\w/);
        expect(info.example, `${kind} ${code}`).toMatch(/\w/);
      }
    }
    for (const code of FAILURE_CODES) expect(MESSAGE_CATALOGUE.failure[code].severity).toBe("error");
    expect(FAILURE_CODES).toContain("internal");
  });
});

describe("messages and results", () => {
  it("a message takes its severity and stage from the catalogue, its place from the caller", () => {
    const m = message("deadline-unparsed", 'the deadline "x" names no period the tool understands');
    expect(m).toEqual({
      code: "deadline-unparsed",
      message: 'the deadline "x" names no period the tool understands',
      severity: "warning",
      stage: "normalize",
      place: { page: null, row: null, table: null },
    });
    // placed() fills in what the message does not know, and keeps what it does
    expect(placed(message("row-number-only", "Row 3 …", { page: 2 }), { page: 9, table: 1 }).place).toEqual({
      page: 2,
      row: null,
      table: 1,
    });
  });

  it("a message is written as a warning with code, message, page, row, severity, stage and table", () => {
    const w = toWarning(message("unknown-column", "Column …", { page: 1, table: 0 }));
    expect(Object.keys(w)).toEqual(["code", "message", "page", "row", "severity", "stage", "table"]);
    expect(Warning.parse(w)).toEqual(w);
  });

  it("results keep their messages in stage order", () => {
    const a = success(1, [message("pdf-truncated", "a")]);
    const b = flatMap(a, (n) => success(n + 1, [message("no-period", "b")]));
    expect(b.value).toBe(2);
    expect(b.messages.map((m) => m.code)).toEqual(["pdf-truncated", "no-period"]);
    const c = combine([a, b]);
    expect(c.value).toEqual([1, 2]);
    expect(c.messages.map((m) => m.message)).toEqual(["a", "a", "b"]);
  });

  it("a ConversionFailure carries its code and becomes an error message", () => {
    const f = new ConversionFailure("no-plan-table", "no table found in the document");
    expect(f).toBeInstanceOf(Error);
    expect(f.code).toBe("no-plan-table");
    expect(f.toMessage()).toMatchObject({ code: "no-plan-table", severity: "error", stage: "interpret" });
  });
});
