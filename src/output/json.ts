/**
 * Contract JSON, written atomically. The document is the one convertBuffer returned (or an earlier
 * output read back through the schema), so it has been validated once already; it is not parsed again.
 */
import type { PlanDocument } from "../model/schema.js";
import { writeAtomically } from "./atomic-write.js";

export function planToJson(doc: PlanDocument): string {
  return JSON.stringify(doc, null, 2) + "\n";
}

export async function writePlanJson(doc: PlanDocument, path: string): Promise<void> {
  await writeAtomically(path, planToJson(doc));
}
