import { shortSha, type DeploymentDecision } from "./deployment-decision.js";

/** A verdict of the gate: one of our check runs, or an assessment made just now. */
export interface CheckFact {
  status: string;
  /** `success`, `failure`, … once completed; null before. An override completes the gate as `success`. */
  conclusion: string | null;
  /** The verdict's one-line title, when it was assessed just now ("1 rule fails: …"). */
  title?: string;
  /** The verdict's report summary (Markdown the App wrote): its rule table and facts, for the evidence. */
  summary?: string;
  /** The override that holds for the judged head commit, as the App recorded it. */
  override?: { by: string; reason: string; at: string } | undefined;
}

/** A pull request whose head or merge commit is the deployed commit. */
export interface CandidatePull {
  number: number;
  title: string;
  /** `head`: the PR's head commit; `merge`: the commit its merge produced on the base. */
  role: "head" | "merge";
  hotfix: boolean;
  /**
   * The PR's own gate verdict, judged only for hotfixes: assessed now for an open PR, or the App's
   * last check run that judged this PR for a merged one. Never another PR's run on the same commit.
   */
  gate?: CheckFact | undefined;
  /** The PR's head commit. */
  headSha?: string;
  author?: string | undefined;
  /** ISO 8601. */
  openedAt?: string | undefined;
  mergedAt?: string | null;
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
 * Canary (docs/deployments.md): approve the head or merge commit of hotfix PRs whose own gate
 * verdicts all pass (an override completes the gate as `success`), or a release commit whose
 * release check passed. One failing hotfix PR of the commit blocks it, whatever other PRs or the
 * release check say: a check run belongs to the commit, a verdict to its PR (SPEC §8). A PR that is
 * not a hotfix counts for nothing. Anything else is rejected with the most specific reason. Pure.
 */
export function decideCanary(facts: CanaryFacts): DeploymentDecision {
  const sha = shortSha(facts.sha);
  const hotfixes = facts.pulls.filter((p) => p.hotfix);
  const blocked = hotfixes.filter((p) => !isSuccess(p.gate));
  if (hotfixes.length && !blocked.length) {
    const which = hotfixes.map((p) => `the ${roleName(p.role)} of hotfix #${p.number}`).join(" and ");
    const verdicts = hotfixes.length > 1 ? "verdicts pass" : "verdict passes";
    return { allowed: true, reason: `${sha} is ${which}, whose own single-patch-order ${verdicts}.` };
  }
  if (!blocked.length && isSuccess(facts.releaseCheck)) {
    return { allowed: true, reason: `${sha} is a release commit whose single-patch-order/release check passed.` };
  }
  const reasons = blocked.map((p) => `hotfix #${p.number} (${roleName(p.role)}): ${describeGate(p.gate)}`);
  if (facts.releaseCheck && !isSuccess(facts.releaseCheck))
    reasons.push(`release: ${describeCheck("single-patch-order/release", facts.releaseCheck)}`);
  if (reasons.length) {
    return {
      allowed: false,
      reason: `${sha} may not go to canary: ${reasons.join("; ")}. Fix the change until its check passes (or override the gate with /spo override <reason>), then deploy again.`,
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

function describeGate(gate: CheckFact | undefined): string {
  if (gate?.title !== undefined && gate.status === "completed")
    return `its single-patch-order verdict is ${gate.conclusion ?? "nothing"} (${gate.title.replace(/\.$/, "")})`;
  return describeCheck("single-patch-order", gate);
}

function describeCheck(name: string, check: CheckFact | undefined): string {
  if (!check) return `no ${name} check yet`;
  if (check.status !== "completed") return `the ${name} check is still ${check.status}`;
  return `the ${name} check concluded ${check.conclusion ?? "nothing"}`;
}

function roleName(role: CandidatePull["role"]): string {
  return role === "head" ? "head commit" : "merge commit";
}
