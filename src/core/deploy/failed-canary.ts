import { findBodySection, readBodySections } from "../readers/body-sections.js";
import { isPlaceholder } from "../readers/placeholder.js";

/** A canary deployment status that reported `failure` or `error`. */
export interface FailedCanary {
  environment: string;
  sha: string;
  deploymentId: number;
  statusId: number;
  state: string;
  description?: string;
  /** The status's log or target URL, when the deployer gave one. */
  logUrl?: string;
  /** ISO 8601. */
  at: string;
}

/** What happened to the revert pull request of a failed canary. */
export type RevertOutcome =
  | { kind: "opened"; number: number; url: string }
  | { kind: "exists"; branch: string; number?: number; url?: string }
  | { kind: "skipped"; reason: string }
  | { kind: "failed"; reason: string };

/**
 * The hidden marker of the rollback comment for one failure. A redelivered event finds it and
 * posts nothing; a new failure (another status) gets its own comment.
 */
export function rollbackMarker(failure: Pick<FailedCanary, "deploymentId" | "statusId">): string {
  return `<!-- spo:rollback deployment=${failure.deploymentId} status=${failure.statusId} -->`;
}

/** The PR body's rollback plan, found by the configured headings; undefined when absent or a placeholder. */
export function findRollbackPlan(body: string, headings: readonly string[]): string | undefined {
  const text = findBodySection(readBodySections(body), headings)?.text;
  return text && !isPlaceholder(text) ? text : undefined;
}

/** `revert/<branch>`: one revert branch per hotfix branch, so a second failure finds the first revert. */
export function revertBranchName(headBranch: string): string {
  return `revert/${headBranch}`;
}
