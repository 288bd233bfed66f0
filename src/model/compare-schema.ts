/**
 * The comparison for scripts (`plan-extract compare --json FILE`): plans (renditions of one plan counted
 * once) and the changes between a region's plans of consecutive periods. `plan-extract schema --compare`
 * prints its JSON Schema. Every comparison JSON is validated against this schema before it is written.
 */
import { z } from "zod";
import { Period, ReviewReason } from "./schema.js";

export const COMPARISON_VERSION = 1 as const;

/** A count of activities with its share of the plan's activities (null when the plan has none). */
const Count = z.object({ count: z.number().int().nonnegative(), share: z.number().min(0).max(1).nullable() });

export const ComparisonPriority = z.object({
  /** The top-level section as one line ("1 Повишаване …", "Оперативна цел 1: …"). */
  text: z.string(),
  number: z.string().nullable(),
  label: z.string().nullable(),
  title: z.string(),
  /** Activities under it. */
  activities: z.number().int().nonnegative(),
  /** The topic most of its activities have (themes table), or null. */
  topic: z.string().nullable(),
  /** Every topic of its activities with how many activities have it, most first. */
  topics: z.array(z.object({ name: z.string(), activities: z.number().int().nonnegative() })),
});
export type ComparisonPriority = z.infer<typeof ComparisonPriority>;

export const ComparisonPlan = z.object({
  /** A short distinct name ("Кюстендил 2024/2025"), the column header of the workbook. */
  name: z.string(),
  region: z.string().nullable(),
  issuer: z.string().nullable(),
  period: Period.nullable(),
  title: z.string().nullable(),
  /** Every rendition of the plan (source.file), in input order. */
  documents: z.array(z.string()),
  /** The rendition whose rows are counted: the one read with the fewest warnings. */
  rowsFrom: z.string(),
  /** Review status of that rendition (from its warnings when its JSON has no review). */
  status: z.enum(["ok", "check"]),
  reasons: z.array(ReviewReason),
  warnings: z.number().int().nonnegative(),
  activities: z.number().int().nonnegative(),
  dated: Count,
  numericTarget: Count,
  withResponsible: Count,
  priorities: z.array(ComparisonPriority),
  /** Activities per topic and per type (themes table), every entry of the table, in its order. */
  topics: z.array(z.object({ name: z.string(), count: z.number().int().nonnegative(), share: z.number().nullable() })),
  types: z.array(z.object({ name: z.string(), count: z.number().int().nonnegative(), share: z.number().nullable() })),
  /** Responsible parties (merged across spelling variants) and how many activities name each. */
  parties: z.array(z.object({ name: z.string(), activities: z.number().int().nonnegative() })),
});
export type ComparisonPlan = z.infer<typeof ComparisonPlan>;

const Figure = z.object({
  name: z.string(),
  from: z.number().nullable(),
  to: z.number().nullable(),
  difference: z.number().nullable(),
});

export const ComparisonChange = z.object({
  region: z.string().nullable(),
  from: Period,
  to: Period,
  /** Plan names (ComparisonPlan.name) of the two periods. */
  fromPlan: z.string(),
  toPlan: z.string(),
  continued: z.number().int().nonnegative(),
  added: z.number().int().nonnegative(),
  dropped: z.number().int().nonnegative(),
  addedActivities: z.array(z.string()),
  droppedActivities: z.array(z.string()),
  continuedPairs: z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      fromNumber: z.string().nullable(),
      toNumber: z.string().nullable(),
      fromDeadline: z.string().nullable(),
      toDeadline: z.string().nullable(),
      /** Word-set similarity of the two texts (Dice, 0 … 1). */
      similarity: z.number(),
    }),
  ),
  priorities: z.object({
    continued: z.array(z.object({ from: z.string(), to: z.string(), similarity: z.number() })),
    added: z.array(z.string()),
    dropped: z.array(z.string()),
  }),
  /** activities, datedShare, numericTargetShare, responsibleShare: each period's value and the difference. */
  figures: z.array(Figure),
  /** Activities per responsible party and per topic in each period, with the difference. */
  parties: z.array(Figure),
  topics: z.array(Figure),
});
export type ComparisonChange = z.infer<typeof ComparisonChange>;

export const Comparison = z.object({
  comparisonVersion: z.literal(COMPARISON_VERSION),
  /** The similarity threshold used to match activities (and priorities) across documents. */
  threshold: z.number(),
  plans: z.array(ComparisonPlan),
  changes: z.array(ComparisonChange),
});
export type Comparison = z.infer<typeof Comparison>;

/** The JSON Schema of the comparison, as `plan-extract schema --compare` prints it. */
export function comparisonJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(Comparison, { target: "draft-2020-12" }) as Record<string, unknown>;
}

/** Validate a comparison before it is written; throws with a readable list of problems. */
export function validateComparison(value: unknown): Comparison {
  const result = Comparison.safeParse(value);
  if (!result.success) throw new Error(`comparison does not match its schema:\n${z.prettifyError(result.error)}`);
  return result.data;
}
