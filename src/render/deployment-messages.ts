import { iso } from "../core/deploy/decide-production.js";
import type { DeploymentDecision } from "../core/deploy/deployment-decision.js";
import { ConfigError } from "../config/config-error.js";
import { describeFailure } from "./describe-failure.js";
import { byteLength, truncateUtf8 } from "./markdown.js";
import { codeSpan, plainText, safeInline } from "./safe-markdown.js";

/**
 * GitHub documents review comments of "up to 1024 characters". Counting UTF-8 bytes is never less
 * than counting characters (however GitHub counts them), so a comment within 1024 bytes is accepted.
 */
export const MAX_REVIEW_COMMENT_BYTES = 1024;
/** A commit status `description` is at most 140 characters; bytes again, for the same reason. */
export const MAX_STATUS_DESCRIPTION_BYTES = 140;

/** The comment of a deployment protection review: verdict, reason, and when to re-run. */
export function renderReviewComment(environment: string, decision: DeploymentDecision): string {
  const head = `${decision.allowed ? "✅ **Approved**" : "❌ **Rejected**"} by Single Patch Order for ${codeSpan(environment)}: `;
  const tail = decision.readyAt
    ? `\n\n⏳ Ready at ${iso(decision.readyAt)}. Re-run this job after that time and it will be approved, unless a canary fails meanwhile.`
    : "";
  const budget = MAX_REVIEW_COMMENT_BYTES - byteLength(head) - byteLength(tail);
  return head + truncateUtf8(safeInline(decision.reason), Math.max(0, budget), "…") + tail;
}

/** A commit status description: the reason, or for bake time only, when to deploy again. */
export function renderStatusDescription(decision: DeploymentDecision): string {
  const text = decision.readyAt
    ? `Canary bakes until ${iso(decision.readyAt)}; deploy again after that.`
    : decision.reason;
  return truncateUtf8(plainText(text).replace(/\s+/g, " "), MAX_STATUS_DESCRIPTION_BYTES, "…");
}

/** The gate endpoint's answer. `readyAt` is present only when bake time alone is missing. */
export function renderGateJson(decision: DeploymentDecision): { allowed: boolean; reason: string; readyAt?: string } {
  return {
    allowed: decision.allowed,
    reason: decision.reason,
    ...(decision.readyAt ? { readyAt: iso(decision.readyAt) } : {}),
  };
}

/** Fail closed: when the App cannot decide, the decision is a refusal that says why and how to retry. */
export function decideUndecidable(error: unknown): DeploymentDecision {
  if (error instanceof ConfigError) {
    return {
      allowed: false,
      reason: `Refused: the config in ${error.source} is invalid (${error.problems[0] ?? "unreadable"}). Fix it on the default branch, then deploy again.`,
    };
  }
  const failure = describeFailure(error);
  const id = failure.requestId ? ` (GitHub request id ${failure.requestId})` : "";
  const retry = failure.temporary === false ? "" : " This may be temporary: deploy again to retry.";
  return {
    allowed: false,
    reason: `Refused because Single Patch Order could not decide: ${failure.reason}${id}.${retry}`,
  };
}
