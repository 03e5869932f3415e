import { rollbackMarker, type FailedCanary, type RevertOutcome } from "../core/deploy/failed-canary.js";
import { shortSha } from "../core/deploy/deployment-decision.js";
import { truncateUtf8 } from "./markdown.js";
import { cleanBlock, codeSpan, safeLink } from "./safe-markdown.js";

/** GitHub takes comments of up to 65,536 characters; the plan is cut well before, on a character boundary. */
const MAX_PLAN_BYTES = 60_000;

export interface RollbackCommentInput {
  failure: FailedCanary;
  /** The PR's rollback plan; undefined when the body has none. */
  plan: string | undefined;
  /** The headings the plan was looked for under (config `sections.rollback`). */
  headings: readonly string[];
  /** The revert PR, when `deploy.autoRevert` is on. */
  revert?: RevertOutcome;
}

/** The comment on a hotfix PR whose canary failed: what failed, the rollback plan, the revert PR. */
export function renderRollbackComment(input: RollbackCommentInput): string {
  const { failure } = input;
  const link = failure.logUrl ? safeLink("logs", failure.logUrl) : undefined;
  const log = link ? ` (${link})` : "";
  const said = failure.description ? `: ${codeSpan(failure.description)}` : "";
  return [
    rollbackMarker(failure),
    "### 🚨 Canary failed: roll back",
    `The ${codeSpan(failure.environment)} deployment ${failure.deploymentId} of ${codeSpan(shortSha(failure.sha))} reported **${failure.state}** at ${failure.at}${said}${log}.`,
    describePlan(input.plan, input.headings),
    input.revert ? describeRevert(input.revert) : "",
    "_Posted once per failed canary status by Single Patch Order._",
  ]
    .filter(Boolean)
    .join("\n\n");
}

function describePlan(plan: string | undefined, headings: readonly string[]): string {
  if (!plan) {
    return `**This pull request has no rollback plan** (a section headed ${headings.map((h) => `"${h}"`).join(", ")}). Roll back by redeploying the previous release, and revert the merge commit.`;
  }
  const quoted = truncateUtf8(cleanBlock(plan), MAX_PLAN_BYTES, "\n…(cut)")
    .split("\n")
    .map((line) => `> ${line}`)
    .join("\n");
  return `**Rollback plan** from this pull request:\n\n${quoted}`;
}

function describeRevert(revert: RevertOutcome): string {
  switch (revert.kind) {
    case "opened":
      return `**Revert pull request:** #${revert.number} was opened (\`deploy.autoRevert\`). Review and merge it to roll back the code.`;
    case "exists":
      return revert.number
        ? `**Revert pull request:** #${revert.number} already exists; no other was opened.`
        : `**Revert pull request:** the branch ${codeSpan(revert.branch)} already exists, so no revert pull request was opened; open one from it by hand.`;
    case "skipped":
      return `**No revert pull request:** ${revert.reason}`;
    case "failed":
      return `**The revert pull request could not be opened:** ${revert.reason}`;
  }
}
