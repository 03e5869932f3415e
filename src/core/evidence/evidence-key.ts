import type { EvidenceRecord } from "./evidence-record.js";

/** The check run that holds every production decision's record (SPEC §11). */
export const EVIDENCE_CHECK_NAME = "single-patch-order/evidence";

/**
 * The `external_id` of an evidence run: one per deployment (or, for the gate endpoint, per commit
 * and environment) and decision, so a redelivered request finds its run and writes no second one.
 * `evidence/v1:<environment>:<deployment id | sha>:<decision>`; the environment without case, as
 * GitHub compares environment names.
 */
export function formatEvidenceKey(
  record: Pick<EvidenceRecord, "environment" | "deploymentId" | "sha" | "decision">,
): string {
  const target = record.deploymentId === null ? record.sha : `deployment-${record.deploymentId}`;
  return `evidence/v1:${record.environment.toLowerCase()}:${target}:${record.decision}`;
}
