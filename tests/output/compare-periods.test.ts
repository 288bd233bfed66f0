/**
 * Years side by side and one plan in many renditions, on the seed plans: a second period of a seed plan is
 * built here from its expected JSON (years moved on, activities dropped, added, renumbered and edited), and the
 * comparison must find exactly what was changed.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Comparison, comparisonJsonSchema, validateComparison } from "../../src/model/compare-schema.js";
import { convertFixture } from "../helpers/converted.js";
import { PlanDocument, type Row } from "../../src/model/schema.js";
import { buildComparison } from "../../src/output/compare-model.js";
import { activityKeys, groupRenditions } from "../../src/output/compare-plans.js";
import { countParties } from "../../src/output/compare-parties.js";
import { matchKeys, matchTexts, textSimilarity, wordKeys } from "../../src/output/text-match.js";
import { partyKey } from "../../src/normalize/party-key.js";
import { loadThemes } from "../../src/output/themes.js";
import { sectionText } from "../../src/output/workbook-cells.js";

const fixtures = join(import.meta.dirname, "..", "..", "fixtures");
/** A fixture JSON; a missing file fails the test (readFileSync throws). */
const load = (name: string): PlanDocument => PlanDocument.parse(JSON.parse(readFileSync(join(fixtures, name), "utf8")));

/** Every year in a text moved on by one: "2024/2025" → "2025/2026", "2024-10-01" → "2025-10-01". */
const yearOn = (text: string): string => text.replace(/(?<!\d)(20\d\d)(?!\d)/g, (y) => String(Number(y) + 1));
const yearOnOrNull = (text: string | null): string | null => (text === null ? null : yearOn(text));

/** The next period of `doc`: dates, period and deadline texts a year on, a new file name. */
function nextYear(doc: PlanDocument, rows: Row[]): PlanDocument {
  const period = doc.document.period!;
  return {
    ...doc,
    source: { ...doc.source, file: yearOn(doc.source.file), sha256: "c".repeat(64) },
    document: {
      ...doc.document,
      title: yearOnOrNull(doc.document.title),
      period: { label: yearOn(period.label), start: yearOnOrNull(period.start), end: yearOnOrNull(period.end) },
    },
    rows: rows.map((r) => ({
      ...r,
      deadline: { ...r.deadline, text: yearOnOrNull(r.deadline.text), start: yearOnOrNull(r.deadline.start), end: yearOnOrNull(r.deadline.end) },
    })),
    warnings: [],
  };
}

/** Word edits that keep an activity recognisable: one word replaced, a phrase appended. */
function edit(activity: string, k: number): string {
  if (k % 2 === 0) return activity.replace(/^\S+/, "Планиране");
  return `${activity} и обобщаване на резултатите`;
}

const themes = loadThemes();

describe("years side by side (a seed plan and its edited next period)", () => {
  for (const seed of ["ruo-kyustendil-2024-2025", "kazanlak-pld-2024"]) {
    it(`${seed}: finds exactly the continued, added and dropped activities`, () => {
      const before = load(`expected/${seed}.json`);
      const n = before.rows.length;
      // Drop every 7th activity (from the 3rd on), edit every 5th, renumber everything, reverse the order of
      // each top-level section's rows, and add three new activities.
      const dropped = before.rows.map((_, i) => i).filter((i) => i % 7 === 2);
      const edited = new Set(before.rows.map((_, i) => i).filter((i) => i % 5 === 1 && !dropped.includes(i)));
      const kept = before.rows
        .map((r, i) => ({ r, i }))
        .filter(({ i }) => !dropped.includes(i))
        .reverse()
        .map(({ r, i }, k): Row => ({ ...r, number: r.number === null ? null : `${k + 1}`, activity: edited.has(i) ? edit(r.activity, i) : r.activity }));
      const added = [
        "Провеждане на регионален форум за изкуствен интелект в класната стая",
        "Картографиране на зелените дворове и спортните площадки в общината",
        "Разработване на мобилно приложение за връзка между родители и учители",
      ];
      const template = before.rows[0];
      const addedRows = added.map((activity): Row => ({ ...template, number: null, activity }));
      const after = nextYear(before, [...addedRows.slice(0, 1), ...kept, ...addedRows.slice(1)]);

      const { json } = buildComparison([after, before], themes);
      expect(json.plans).toHaveLength(2);
      expect(json.changes).toHaveLength(1);
      const change = json.changes[0];
      expect(change.from.label).toBe(before.document.period!.label);
      expect(change.to.label).toBe(after.document.period!.label);
      expect(change.continued).toBe(n - dropped.length);
      expect(change.dropped).toBe(dropped.length);
      expect(change.added).toBe(added.length);
      expect(change.droppedActivities).toEqual(dropped.map((i) => before.rows[i].activity));
      expect([...change.addedActivities].sort()).toEqual([...added].sort());
      // Every continued pair is an activity with its own edited/renumbered self, both deadlines shown.
      for (const pair of change.continuedPairs) {
        const i = before.rows.findIndex((r) => r.activity === pair.from);
        expect(pair.to).toBe(edited.has(i) ? edit(before.rows[i].activity, i) : before.rows[i].activity);
        expect(pair.toDeadline).toBe(yearOnOrNull(before.rows[i].deadline.text));
        expect(pair.fromDeadline).toBe(before.rows[i].deadline.text);
      }
      // Priorities: all top-level sections continue.
      expect(change.priorities.added).toEqual([]);
      expect(change.priorities.dropped).toEqual([]);
      const activitiesFigure = change.figures.find((f) => f.name === "activities")!;
      expect(activitiesFigure).toEqual({ name: "activities", from: n, to: n - dropped.length + added.length, difference: added.length - dropped.length });
      expect(validateComparison(JSON.parse(JSON.stringify(json)))).toBeTruthy();
    });
  }

  it("drops and adds priorities", () => {
    const before = load("expected/ruo-kyustendil-2024-2025.json");
    const tops = [...new Set(before.rows.map((r) => r.sections[0]?.title))];
    expect(tops.length).toBeGreaterThan(2);
    const droppedTitle = tops[1]!;
    const rows = before.rows
      .filter((r) => r.sections[0]?.title !== droppedTitle)
      .map((r) => (r.sections[0]?.title === tops[2] ? { ...r, sections: [{ number: "9", label: null, title: "Дигитална трансформация на административните услуги в образованието" }, ...r.sections.slice(1)] } : r));
    const after = nextYear(before, rows);
    const change = buildComparison([before, after], themes).json.changes[0];
    const textOf = (title: string) => sectionText(before.rows.find((r) => r.sections[0]?.title === title)!.sections[0]);
    expect(change.priorities.dropped).toEqual([textOf(droppedTitle), textOf(tops[2]!)]);
    expect(change.priorities.continued).toHaveLength(tops.length - 2);
    expect(change.priorities.added).toEqual(["9 Дигитална трансформация на административните услуги в образованието"]);
  });
});

describe("one plan, many renditions", () => {
  it("counts the renditions of a seed plan once and takes the rows of the one with the fewest warnings", () => {
    const names = ["kazanlak-pld-2024.docx", "kazanlak-pld-2024.libreoffice.pdf", "kazanlak-pld-2024.chromium.pdf"];
    const docs = names.map((n) => load(`${n}.expected.json`));
    // The LibreOffice PDF read with two warnings, the Chromium one with none: the Chromium one is chosen.
    docs[0] = { ...docs[0], warnings: [{ code: "docx-reader", message: "x", page: null }] };
    docs[1] = { ...docs[1], warnings: [{ code: "deadline-unparsed", message: "x", page: 1 }, { code: "deadline-unparsed", message: "y", page: 2 }] };
    const other = load("ruo-kyustendil-2024-2025.docx.expected.json");
    const { json } = buildComparison([...docs, other], themes);
    expect(json.plans).toHaveLength(2);
    const plan = json.plans.find((p) => p.region === "Казанлък")!;
    expect(plan.documents).toEqual(names);
    expect(plan.rowsFrom).toBe("kazanlak-pld-2024.chromium.pdf");
    expect(plan.activities).toBe(docs[0].rows.length);
    expect(json.changes).toEqual([]);
  });

  it("counts the three real conversions of a seed plan (DOCX, LibreOffice PDF, Chromium PDF) as one plan", async () => {
    const names = ["kazanlak-pld-2024.docx", "kazanlak-pld-2024.libreoffice.pdf", "kazanlak-pld-2024.chromium.pdf"];
    const converted = await Promise.all(names.map(async (n) => (await convertFixture(join(fixtures, n))).value));
    const { json } = buildComparison(converted, themes);
    expect(json.plans).toHaveLength(1);
    expect(json.plans[0].documents).toEqual(names);
    expect(json.plans[0].activities).toBe(load("expected/kazanlak-pld-2024.json").rows.length);
    const fewest = Math.min(...converted.map((d) => d.warnings.length));
    expect(converted.find((d) => d.source.file === json.plans[0].rowsFrom)!.warnings.length).toBe(fewest);
  }, 60_000);

  it("keeps two plans apart when they share place and period but not their rows, or have the same rows in another period", () => {
    const a = load("expected/kazanlak-pld-2024.json");
    const half = { ...a, source: { ...a.source, file: "other.docx" }, rows: a.rows.slice(0, Math.floor(a.rows.length / 2)) };
    expect(groupRenditions([a, half])).toHaveLength(2);
    const next = nextYear(a, a.rows);
    expect(groupRenditions([a, next])).toHaveLength(2);
  });

  it("keeps each plan's word keys, and buildComparison its party lines, so neither is computed again", () => {
    const a = load("expected/kazanlak-pld-2024.json");
    const worse = { ...a, source: { ...a.source, file: "worse.pdf" }, warnings: [{ code: "ocr-page", message: "x", page: 1 }] };
    const better = { ...a, source: { ...a.source, file: "better.docx" }, rows: a.rows.slice(1) };
    const [plan] = groupRenditions([worse, better]);
    expect(plan.documents).toEqual([worse, better]);
    expect(plan.chosen).toBe(better);
    expect(plan.chosenKeys).toEqual(activityKeys(better));
    const data = buildComparison([worse, better, nextYear(a, a.rows)], themes);
    expect(data.parties).toEqual(countParties(data.plans.map((p) => p.chosen), partyKey));
  });
});

describe("text matching", () => {
  it("is robust to inflection, numbers and small edits, and pairs one-to-one best first", () => {
    expect(textSimilarity("Контрол на училищата през 2024 г.", "контрол на училища през 2025 г.")).toBe(1);
    const pairs = matchTexts(["среща с директорите на училищата", "среща с директорите на детските градини"], [
      "среща с директорите на детските градини и училищата",
      "среща с директорите на детските градини",
    ]);
    expect(pairs.map((p) => [p.from, p.to])).toEqual([[0, 0], [1, 1]]);
  });

  it("matches word keys made once as it matches the texts", () => {
    const from = ["среща с директорите на училищата", "обучение на учители", "", "контрол"];
    const to = ["обучения на учителите", "среща с директорите на детските градини и училищата", "", "контрол на училищата"];
    expect(matchKeys(from.map(wordKeys), to.map(wordKeys), 0.3)).toEqual(matchTexts(from, to, 0.3));
  });
});

describe("comparison JSON schema", () => {
  it("is a JSON Schema with the fixed names", () => {
    const schema = comparisonJsonSchema() as { properties: Record<string, { items?: { properties?: Record<string, unknown> } }> };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(["plans", "changes"]));
    expect(Object.keys(schema.properties.plans.items!.properties!)).toEqual(
      expect.arrayContaining(["region", "period", "title", "documents", "activities"]),
    );
    expect(Object.keys(schema.properties.changes.items!.properties!)).toEqual(
      expect.arrayContaining(["region", "from", "to", "continued", "added", "dropped", "addedActivities", "droppedActivities", "continuedPairs"]),
    );
    expect(Comparison.safeParse({ comparisonVersion: 1, threshold: 0.6, plans: [], changes: [{}] }).success).toBe(false);
  });
});
