/**
 * The figures of a comparison, computed once for the workbook and for `compare --json`: plans (renditions
 * counted once, src/output/compare-plans.ts), each plan's figures, priorities, topics and parties, and the
 * changes between a place's plans of consecutive periods (activities continued / added / dropped, matched by
 * text similarity, src/output/text-match.ts).
 */
import {
  COMPARISON_VERSION,
  type Comparison,
  type ComparisonChange,
  type ComparisonPlan,
  type ComparisonPriority,
} from "../model/compare-schema.js";
import type { Period, PlanDocument, Row } from "../model/schema.js";
import { partyKey } from "../normalize/party-key.js";
import { countParties, type PartyLine } from "./compare-parties.js";
import { groupRenditions, placeKey, periodKey, type Plan } from "./compare-plans.js";
import { matchKeys, matchTexts, SAME_ACTIVITY } from "./text-match.js";
import { classifyActivity, compileThemes, NO_TOPIC, NO_TYPE, type ActivityThemes, type ThemeTable } from "./themes.js";
import { hasDatedDeadline, hasNumericTarget, hasResponsible, share } from "./row-figures.js";
import { distinctPlanNames, sectionText } from "./workbook-cells.js";

/** Everything the comparison workbook and JSON are made of. */
export interface ComparisonData {
  /** The plans, renditions grouped; `plans[i].chosen` gives the rows. */
  plans: Plan[];
  /** Distinct short names of the plans (column headers). */
  names: string[];
  /** Theme tags of every row of every plan's chosen rendition. */
  tags: ActivityThemes[][];
  /** The responsible parties across the plans (counts in `plans` order). */
  parties: PartyLine[];
  /** The JSON for scripts (validated by src/model/compare-schema.ts). */
  json: Comparison;
  /** For each of json.changes: the row indices of the dropped (older plan) and added (newer plan) activities. */
  changeRows: ChangeRows[];
}

export interface ChangeRows {
  dropped: number[];
  added: number[];
}

function count(rows: Row[], test: (row: Row) => boolean): { count: number; share: number | null } {
  const n = rows.filter(test).length;
  return { count: n, share: share(n, rows.length) };
}

/** The plan's top-level sections in order of appearance, with their activities' topics. */
export function planPriorities(doc: PlanDocument, tags: ActivityThemes[], themes: ReturnType<typeof compileThemes>): ComparisonPriority[] {
  const byText = new Map<string, { section: Row["sections"][number]; rows: number[] }>();
  doc.rows.forEach((row, i) => {
    const top = row.sections[0];
    if (!top) return;
    const text = sectionText(top);
    let entry = byText.get(text);
    if (!entry) byText.set(text, (entry = { section: top, rows: [] }));
    entry.rows.push(i);
  });
  return [...byText.entries()].map(([text, { section, rows }]) => {
    const topicCounts = new Map<string, number>();
    for (const i of rows) {
      const topic = tags[i].topic;
      if (topic) topicCounts.set(topic, (topicCounts.get(topic) ?? 0) + 1);
    }
    const topics = [...topicCounts.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([name, activities]) => ({ name, activities }));
    const fromTitle = classifyActivity({ ...doc.rows[rows[0]], activity: section.title, sections: [] }, themes).topic;
    return {
      text,
      number: section.number,
      label: section.label,
      title: section.title,
      activities: rows.length,
      topic: topics[0]?.name ?? fromTitle,
      topics,
    };
  });
}

function periodOf(doc: PlanDocument): Period {
  return doc.document.period ?? { label: "", start: null, end: null };
}

/** Periods in time order: by start date, then label. */
function periodOrder(a: PlanDocument, b: PlanDocument): number {
  const pa = a.document.period;
  const pb = b.document.period;
  const sa = pa?.start ?? pa?.label ?? "";
  const sb = pb?.start ?? pb?.label ?? "";
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

function figure(name: string, from: number | null, to: number | null) {
  return { name, from, to, difference: from !== null && to !== null ? to - from : null };
}

/** The change from one plan to the next of the same place. */
export function planChange(
  from: { name: string; doc: PlanDocument; keys: Set<string>[]; plan: ComparisonPlan },
  to: { name: string; doc: PlanDocument; keys: Set<string>[]; plan: ComparisonPlan },
  threshold = SAME_ACTIVITY,
): { change: ComparisonChange; rows: ChangeRows } {
  const a = from.doc.rows;
  const b = to.doc.rows;
  const pairs = matchKeys(from.keys, to.keys, threshold);
  const matchedFrom = new Set(pairs.map((p) => p.from));
  const matchedTo = new Set(pairs.map((p) => p.to));
  const priorityPairs = matchTexts(
    from.plan.priorities.map((p) => p.title),
    to.plan.priorities.map((p) => p.title),
    threshold,
  );
  const pFrom = new Set(priorityPairs.map((p) => p.from));
  const pTo = new Set(priorityPairs.map((p) => p.to));
  const unionFigures = (
    left: { name: string; count?: number; activities?: number }[],
    right: { name: string; count?: number; activities?: number }[],
  ) => {
    const names = [...new Set([...left.map((e) => e.name), ...right.map((e) => e.name)])];
    const value = (list: typeof left, name: string) => {
      const e = list.find((x) => x.name === name);
      return e ? (e.count ?? e.activities ?? 0) : 0;
    };
    return names
      .map((name) => figure(name, value(left, name), value(right, name)))
      .filter((f) => f.from !== 0 || f.to !== 0);
  };
  const parties = unionFigures(from.plan.parties, to.plan.parties).sort(
    (x, y) => Math.abs(y.difference ?? 0) - Math.abs(x.difference ?? 0) || (y.to ?? 0) - (x.to ?? 0),
  );
  const droppedRows = a.map((_, i) => i).filter((i) => !matchedFrom.has(i));
  const addedRows = b.map((_, j) => j).filter((j) => !matchedTo.has(j));
  const change: ComparisonChange = {
    region: to.doc.document.region ?? from.doc.document.region,
    from: periodOf(from.doc),
    to: periodOf(to.doc),
    fromPlan: from.name,
    toPlan: to.name,
    continued: pairs.length,
    added: b.length - matchedTo.size,
    dropped: a.length - matchedFrom.size,
    addedActivities: addedRows.map((j) => b[j].activity),
    droppedActivities: droppedRows.map((i) => a[i].activity),
    continuedPairs: pairs.map((p) => ({
      from: a[p.from].activity,
      to: b[p.to].activity,
      fromNumber: a[p.from].number,
      toNumber: b[p.to].number,
      fromDeadline: a[p.from].deadline.text,
      toDeadline: b[p.to].deadline.text,
      similarity: Math.round(p.similarity * 1000) / 1000,
    })),
    priorities: {
      continued: priorityPairs.map((p) => ({
        from: from.plan.priorities[p.from].text,
        to: to.plan.priorities[p.to].text,
        similarity: Math.round(p.similarity * 1000) / 1000,
      })),
      added: to.plan.priorities.filter((_, j) => !pTo.has(j)).map((p) => p.text),
      dropped: from.plan.priorities.filter((_, i) => !pFrom.has(i)).map((p) => p.text),
    },
    figures: [
      figure("activities", from.plan.activities, to.plan.activities),
      figure("datedShare", from.plan.dated.share, to.plan.dated.share),
      figure("numericTargetShare", from.plan.numericTarget.share, to.plan.numericTarget.share),
      figure("responsibleShare", from.plan.withResponsible.share, to.plan.withResponsible.share),
    ],
    parties,
    topics: unionFigures(from.plan.topics, to.plan.topics),
  };
  return { change, rows: { dropped: droppedRows, added: addedRows } };
}

/** Compute the comparison of `docs` (any order; renditions grouped). */
export function buildComparison(docs: readonly PlanDocument[], themes: ThemeTable, threshold = SAME_ACTIVITY): ComparisonData {
  const plans = groupRenditions(docs);
  const chosen = plans.map((p) => p.chosen);
  const names = distinctPlanNames(chosen);
  const matcher = compileThemes(themes);
  const tags = chosen.map((doc) => doc.rows.map((row) => classifyActivity(row, matcher)));
  const partyLines = countParties(chosen, partyKey);
  const tally = (entries: string[], none: string, p: number, pick: (t: ActivityThemes) => string | null) =>
    [...entries, none]
      .map((name) => {
        const n = tags[p].filter((t) => (pick(t) ?? none) === name).length;
        return { name, count: n, share: share(n, chosen[p].rows.length) };
      })
      .filter((e) => e.name !== none || e.count > 0);
  const jsonPlans: ComparisonPlan[] = plans.map((plan, p) => {
    const doc = plan.chosen;
    const { review } = doc;
    return {
      name: names[p],
      region: doc.document.region,
      issuer: doc.document.issuer,
      period: doc.document.period,
      title: doc.document.title,
      documents: plan.documents.map((d) => d.source.file),
      rowsFrom: doc.source.file,
      status: review.status,
      reasons: review.reasons,
      warnings: doc.warnings.length,
      activities: doc.rows.length,
      dated: count(doc.rows, hasDatedDeadline),
      numericTarget: count(doc.rows, hasNumericTarget),
      withResponsible: count(doc.rows, hasResponsible),
      priorities: planPriorities(doc, tags[p], matcher),
      topics: tally(themes.topics.map((t) => t.name), NO_TOPIC, p, (t) => t.topic),
      types: tally(themes.types.map((t) => t.name), NO_TYPE, p, (t) => t.type),
      parties: partyLines.filter((l) => l.counts[p] > 0).map((l) => ({ name: l.name, activities: l.counts[p] })),
    };
  });
  // Changes: within each place, every plan against the plan of the period before (the one sharing most activities).
  const changes: ComparisonChange[] = [];
  const changeRows: ChangeRows[] = [];
  const places = new Map<string, number[]>();
  plans.forEach((plan, p) => {
    const key = placeKey(plan.chosen);
    if (key === "") return;
    let list = places.get(key);
    if (!list) places.set(key, (list = []));
    list.push(p);
  });
  for (const members of places.values()) {
    const periods = [...new Set(members.map((p) => periodKey(chosen[p])))].filter((k) => k !== "");
    if (periods.length < 2) continue;
    const ordered = [...members].filter((p) => periodKey(chosen[p]) !== "").sort((x, y) => periodOrder(chosen[x], chosen[y]));
    const periodIndex = new Map<string, number>();
    for (const p of ordered) if (!periodIndex.has(periodKey(chosen[p]))) periodIndex.set(periodKey(chosen[p]), periodIndex.size);
    for (const t of ordered) {
      const index = periodIndex.get(periodKey(chosen[t]))!;
      if (index === 0) continue;
      const before = ordered.filter((p) => periodIndex.get(periodKey(chosen[p])) === index - 1);
      let best: { change: ComparisonChange; rows: ChangeRows } | null = null;
      for (const f of before) {
        const change = planChange(
          { name: names[f], doc: chosen[f], keys: plans[f].chosenKeys, plan: jsonPlans[f] },
          { name: names[t], doc: chosen[t], keys: plans[t].chosenKeys, plan: jsonPlans[t] },
          threshold,
        );
        if (!best || change.change.continued > best.change.continued) best = change;
      }
      if (best) {
        changes.push(best.change);
        changeRows.push(best.rows);
      }
    }
  }
  return { plans, names, tags, parties: partyLines, json: { comparisonVersion: COMPARISON_VERSION, threshold, plans: jsonPlans, changes }, changeRows };
}
