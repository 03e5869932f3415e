import type { DeploymentDecision } from "./deployment-decision.js";

/**
 * The switch from a deployment decision to GitHub's words for it, next to `to-conclusion.ts`:
 * nothing else spells `approved`/`rejected` or a commit status state for a decision.
 */

/** The `state` of a custom deployment protection rule review. */
export type ReviewState = "approved" | "rejected";
/** The states this App posts as a commit status; `pending` is never used, so nobody waits forever. */
export type DeployStatusState = "success" | "failure";

export function toReviewState(decision: Pick<DeploymentDecision, "allowed">): ReviewState {
  return decision.allowed ? "approved" : "rejected";
}

export function toDeployStatusState(decision: Pick<DeploymentDecision, "allowed">): DeployStatusState {
  return decision.allowed ? "success" : "failure";
}
