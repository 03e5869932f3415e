import type { DeploymentDecision } from "./deploy/deployment-decision.js";
import type { PolicyReport } from "./policy-report.js";

/**
 * The single switch from our verdicts and decisions to the vocabularies of GitHub and the shell.
 * Nothing else in the code base spells `success`/`failure` for a report, `approved`/`rejected`
 * for a deployment, or picks an exit code.
 */

/**
 * `action_required` only for the forward-port check: the fix is merged, its twin is still to do
 * (SPEC §13). `neutral` only for the evidence of a rejected deployment (SPEC §11): it records, it
 * does not gate, and a gate never uses it (neutral counts as passing for a required check).
 */
export type CheckConclusion = "success" | "failure" | "action_required" | "neutral";

/** The `single-patch-order/evidence` check: `success` records an approval, `neutral` a rejection. */
export function toEvidenceConclusion(decision: { decision: "approved" | "rejected" }): CheckConclusion {
  return decision.decision === "approved" ? "success" : "neutral";
}

export function toCheckConclusion(report: Pick<PolicyReport, "verdict">, overridden = false): CheckConclusion {
  if (overridden) return "success";
  return report.verdict === "fail" ? "failure" : "success";
}

/** The `single-patch-order/forward-port` check: `success` once the twin is merged, else `action_required`. */
export function toForwardPortConclusion(decision: { status: "ported" | "missing" }): CheckConclusion {
  return decision.status === "ported" ? "success" : "action_required";
}

/** CLI exit codes: 0 pass, 1 the gate fails, 2 a usage or config error. */
export const EXIT = { pass: 0, fail: 1, usage: 2 } as const;

export function toExitCode(report: Pick<PolicyReport, "verdict">): number {
  return report.verdict === "fail" ? EXIT.fail : EXIT.pass;
}

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
