import type { EvidenceRecord } from "./evidence-record.js";

/**
 * What an auditor asks about (SPEC §11): a production deployment that reached success with no App
 * approval (an admin bypass), an override, no canary, a PR merged without an approving review.
 */
export const EXCEPTION_KINDS = ["admin-bypass", "override", "no-canary", "no-approving-review"] as const;
export type EvidenceException = (typeof EXCEPTION_KINDS)[number];

/** An evidence record read back from one of the App's runs. */
export interface FoundRecord {
  record: EvidenceRecord;
  runId: number;
  url?: string | undefined;
}

/** A production deployment GitHub records, with the time it reached `success`, if it did. */
export interface ProductionDeployment {
  id: number;
  sha: string;
  environment: string;
  createdAt: string;
  creator?: string | undefined;
  /** ISO 8601 of its first `success` status; undefined when it never succeeded. */
  succeededAt?: string | undefined;
}

/** One row of the export: a decision's record, or a deployment that has none (a bypass). */
export type EvidenceRow =
  | { kind: "decision"; found: FoundRecord; exceptions: EvidenceException[] }
  | { kind: "bypass"; deployment: ProductionDeployment; exceptions: ["admin-bypass"] };

/**
 * The export's rows, in decision time order: every record (approvals and rejections, re-runs
 * included, one row per run), each approval with its exceptions, then a row for each production
 * deployment that reached success with no approval the App recorded for it (its deployment id,
 * or for the gate endpoint the same commit and environment). Pure.
 */
export function auditEvidence(
  records: readonly FoundRecord[],
  deployments: readonly ProductionDeployment[],
): EvidenceRow[] {
  const decisions: EvidenceRow[] = [...records]
    .sort((a, b) => byDecision(a.record, b.record) || a.runId - b.runId)
    .map((found) => ({ kind: "decision", found, exceptions: findExceptions(found.record) }));
  const approvals = records.map((f) => f.record).filter((r) => r.decision === "approved");
  const bypasses: EvidenceRow[] = deployments
    .filter((d) => d.succeededAt && !approvals.some((r) => approves(r, d)))
    .sort((a, b) => Date.parse(a.succeededAt!) - Date.parse(b.succeededAt!))
    .map((deployment) => ({ kind: "bypass", deployment, exceptions: ["admin-bypass"] }));
  return [...decisions, ...bypasses];
}

/** The exceptions of one record: only an approval can have any (a rejection let nothing through). */
export function findExceptions(record: EvidenceRecord): EvidenceException[] {
  if (record.decision !== "approved") return [];
  const found: EvidenceException[] = [];
  if (record.override) found.push("override");
  if (!record.canary) found.push("no-canary");
  if (record.pullRequest && !record.pullRequest.approvingReviewers.length) found.push("no-approving-review");
  return found;
}

/** True when any row has an exception: `spo evidence` then exits 1. */
export function hasExceptions(rows: readonly EvidenceRow[]): boolean {
  return rows.some((row) => row.exceptions.length > 0);
}

function approves(record: EvidenceRecord, deployment: ProductionDeployment): boolean {
  if (record.sha !== deployment.sha) return false;
  if (record.deploymentId !== null) return record.deploymentId === deployment.id;
  return record.environment.toLowerCase() === deployment.environment.toLowerCase();
}

function byDecision(a: EvidenceRecord, b: EvidenceRecord): number {
  return Date.parse(a.timeline.productionDecision) - Date.parse(b.timeline.productionDecision);
}
