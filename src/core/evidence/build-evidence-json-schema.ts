import { z } from "zod";
import { evidenceRecordSchema } from "./evidence-record.js";

/** Where the committed JSON Schema of `evidence/v1` says it lives. */
export const EVIDENCE_SCHEMA_URL =
  "https://raw.githubusercontent.com/single-patch-order/single-patch-order/main/schema/evidence-v1.json";

/**
 * The JSON Schema of an `evidence/v1` record, generated from its zod schema (the one source).
 * `schema/evidence-v1.json` is this output; a test fails when it is stale (`npm run schema`).
 */
export function buildEvidenceJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(evidenceRecordSchema, { io: "input" }) as Record<string, unknown>;
  return {
    ...schema,
    $id: EVIDENCE_SCHEMA_URL,
    title: "Single Patch Order evidence record, version 1",
    description:
      "One production decision as the App recorded it in its single-patch-order/evidence check run (docs/evidence.md).",
  };
}
