import { shortSha, type DeploymentDecision } from "./deployment-decision.js";

/** The latest of our check runs with one name on one commit. */
export interface CheckFact {
  status: string;
  /** `success`, `failure`, … once completed; null before. An override completes the gate as `success`. */
  conclusion: string | null;
}

/** A pull request whose head or merge commit is the deployed commit. */
export interface CandidatePull {
  number: number;
  title: string;
  /** `head`: the PR's head commit; `merge`: the commit its merge produced on the base. */
  role: "head" | "merge";
  hotfix: boolean;
  /** The `single-patch-order` check on the PR's head; judged only for hotfixes. */
  gate?: CheckFact | undefined;
}

export interface CanaryFacts {
  sha: string;
  pulls: CandidatePull[];
  /** The `single-patch-order/release` check on the commit itself, when there is one. */
  releaseCheck?: CheckFact;
}

/** True when the commit is something a canary gate speaks for: a hotfix PR's commit or a judged release. */
export function isCanaryCandidate(facts: CanaryFacts): boolean {
  return facts.releaseCheck !== undefined || facts.pulls.some((p) => p.hotfix);
}

/**
 * Canary (docs/deployments.md): approve the head or merge commit of a hotfix PR whose gate passed (an override
 * completes the gate as `success`), or a release commit whose release check passed. Anything
 * else is rejected with the most specific reason. Pure.
 */
export function decideCanary(facts: CanaryFacts): DeploymentDecision {
  const sha = shortSha(facts.sha);
  const hotfixes = facts.pulls.filter((p) => p.hotfix);
  const passed = hotfixes.find((p) => isSuccess(p.gate));
  if (passed) {
    return {
      allowed: true,
      reason: `${sha} is the ${roleName(passed.role)} of hotfix #${passed.number}, whose single-patch-order check passed.`,
    };
  }
  if (isSuccess(facts.releaseCheck)) {
    return { allowed: true, reason: `${sha} is a release commit whose single-patch-order/release check passed.` };
  }
  const blocked = hotfixes.map(
    (p) => `hotfix #${p.number} (${roleName(p.role)}): ${describeCheck("single-patch-order", p.gate)}`,
  );
  if (facts.releaseCheck) blocked.push(`release: ${describeCheck("single-patch-order/release", facts.releaseCheck)}`);
  if (blocked.length) {
    return {
      allowed: false,
      reason: `${sha} may not go to canary: ${blocked.join("; ")}. Fix the change until its check passes (or override the gate with /spo override <reason>), then deploy again.`,
    };
  }
  const others = facts.pulls.map((p) => `#${p.number}`);
  if (others.length) {
    return {
      allowed: false,
      reason: `${sha} belongs to ${others.join(", ")}, which ${others.length > 1 ? "are" : "is"} not a hotfix. Canary takes a hotfix whose gate passed, or a release whose release check passed.`,
    };
  }
  return {
    allowed: false,
    reason: `${sha} is not the head or merge commit of any pull request and has no single-patch-order/release check. Canary takes a hotfix whose gate passed, or a release whose release check passed.`,
  };
}

function isSuccess(check: CheckFact | undefined): boolean {
  return check?.status === "completed" && check.conclusion === "success";
}

function describeCheck(name: string, check: CheckFact | undefined): string {
  if (!check) return `no ${name} check yet`;
  if (check.status !== "completed") return `the ${name} check is still ${check.status}`;
  return `the ${name} check concluded ${check.conclusion ?? "nothing"}`;
}

function roleName(role: CandidatePull["role"]): string {
  return role === "head" ? "head commit" : "merge commit";
}
