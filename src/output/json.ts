/**
 * Contract JSON: validated against the schema, then written atomically.
 */
import { validatePlan, type PlanDocument } from "../model/schema.js";
import { writeAtomically } from "./atomic-write.js";

export function planToJson(doc: PlanDocument): string {
  return JSON.stringify(validatePlan(doc), null, 2) + "\n";
}

export async function writePlanJson(doc: PlanDocument, path: string): Promise<void> {
  await writeAtomically(path, planToJson(doc));
}
