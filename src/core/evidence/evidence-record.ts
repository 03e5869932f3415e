import { z } from "zod";
import { VERDICTS } from "../rule-result.js";

/**
 * The `evidence/v1` record (SPEC §11): what the App knew when it made one production decision,
 * kept in the `single-patch-order/evidence` check run on the deployed commit. This zod schema is
 * the one source: `schema/evidence-v1.json` is generated from it (`npm run schema`) and
 * docs/evidence.md documents each field. A new field that old readers may ignore keeps `v1`; a
 * field removed, renamed or changed in meaning is `evidence/v2`.
 */

const isoTime = z.iso.datetime({ offset: true }).describe("An ISO 8601 time (UTC, `Z`).");
const login = z.string().min(1).describe("A GitHub login.");

export const EVIDENCE_SCHEMA_ID = "evidence/v1";

export const evidencePullSchema = z
  .object({
    number: z.number().int().positive().describe("The hotfix pull request's number."),
    author: login.describe("Who opened the pull request (`user.login`)."),
    mergedBy: login.nullable().describe("Who merged it (`merged_by.login`); null while it is open."),
    mergedAt: isoTime.nullable().describe("When it was merged; null while it is open."),
    approvingReviewers: z
      .array(login)
      .describe(
        "Everyone whose latest review that decides (APPROVED, CHANGES_REQUESTED or DISMISSED) is APPROVED, the author excluded, sorted.",
      ),
  })

  .describe("The hotfix pull request whose head or merge commit was deployed.");

export const evidenceRuleSchema = z.object({
  rule: z.string().min(1).describe("The rule id (docs/rules.md)."),
  verdict: z.enum(VERDICTS).describe("The rule's verdict in the gate's report."),
});

export const evidenceGateSchema = z
  .object({
    conclusion: z
      .string()
      .nullable()
      .describe("The `single-patch-order` check's conclusion for the PR (`success` when overridden)."),
    rules: z.array(evidenceRuleSchema).describe("Every rule's verdict, in the report's order."),
  })

  .describe("The gate's verdict on the hotfix, as the App judged it (never read from user text).");

export const evidenceOverrideSchema = z
  .object({
    by: login.describe("Who overrode the gate."),
    reason: z.string().describe("The reason they gave."),
    at: isoTime.describe("When the override was asked for."),
  })

  .describe("The override recorded in the App's signed gate record for the PR's head commit.");

export const evidenceCanarySchema = z
  .object({
    id: z.number().int().positive().describe("The canary deployment's id."),
    environment: z.string().describe("Its environment."),
    started: isoTime.describe("When the deployment was created."),
    succeeded: isoTime.describe("When its trusted success status was created: the start of the bake."),
    bakedMinutes: z.number().int().min(0).describe("Whole minutes from `succeeded` to the decision."),
  })

  .describe("The canary deployment the production gate weighed: the earliest trusted success no failure followed.");

export const evidenceTimelineSchema = z
  .object({
    prOpened: isoTime.nullable(),
    merged: isoTime.nullable(),
    canary: isoTime.nullable().describe("The canary's success (`canary.succeeded`)."),
    productionDecision: isoTime,
  })

  .describe("The hotfix's way to production; null where a step is unknown or did not happen.");

export const evidenceRecordSchema = z.object({
  schema: z.literal(EVIDENCE_SCHEMA_ID).describe("The record's version."),
  repository: z.string().describe("`owner/name`."),
  sha: z
    .string()
    .regex(/^[0-9a-f]{40}$/)
    .describe("The deployed commit."),
  environment: z.string().min(1).describe("The production environment asked for."),
  decision: z.enum(["approved", "rejected"]),
  reason: z.string().describe("The decision's reason, as the review, status or gate answer gave it."),
  source: z
    .enum(["protection-rule", "commit-status", "gate-endpoint"])
    .describe(
      "How the decision was asked for: a deployment protection rule, the commit-status fallback, the gate endpoint.",
    ),
  deploymentId: z
    .number()
    .int()
    .positive()
    .nullable()
    .describe("The GitHub deployment decided on; null for the gate endpoint."),
  pullRequest: evidencePullSchema.nullable(),
  ticket: z.string().nullable().describe("The one ticket the gate found (the report's Ticket fact)."),
  gate: evidenceGateSchema.nullable(),
  override: evidenceOverrideSchema.nullable(),
  canary: evidenceCanarySchema.nullable(),
  timeline: evidenceTimelineSchema,
});

export type EvidenceRecord = z.infer<typeof evidenceRecordSchema>;
export type EvidencePull = z.infer<typeof evidencePullSchema>;
export type EvidenceSource = EvidenceRecord["source"];
