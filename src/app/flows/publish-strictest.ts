import { isHotfix } from "../../core/is-hotfix.js";
import { notHotfixReport } from "../../core/policy-report.js";
import { findRequestId } from "../../github/describe-github-error.js";
import { getPullRequest } from "../../github/find-pull-requests.js";
import { type HeadPull, listOpenPullsByHead } from "../../github/list-open-pulls-by-head.js";
import type { RepoSettings } from "../../github/load-repo-config.js";
import type { PullRequestData } from "../../github/pull-request-data.js";
import { renderEvaluationError, renderGateOutput } from "../../render/check-run-output.js";
import { type HeadVerdict, renderSharedHead } from "../../render/shared-head-output.js";
import type { AppDeps } from "../app-deps.js";
import { assessPullRequest, type GateAssessment } from "./assess-pull-request.js";
import { publishAssessment } from "./publish-assessment.js";
import type { JudgeTarget } from "./judge-target.js";

/**
 * Publishes a PR's verdict on its head commit as the strictest verdict of every open PR with that
 * head (SPEC §8 "One commit, several PRs"). A check run belongs to the commit and branch protection
 * reads the newest one, so a passing verdict published for one PR would clear every other PR on
 * the commit: a fork's or a `feature/…` PR's "Not a hotfix" would clear a failing hotfix.
 *
 * - A failing verdict is already the strictest: published as it is, with no extra call.
 * - A passing one (a pass, "Not a hotfix", an override) is published as it is, with no extra call,
 *   when the open-heads index (open-heads.ts, fed by every `pull_request` delivery) knows that no
 *   other open PR has this head; asked again once it is published, and if a PR on the commit was
 *   noted meanwhile, the verdict is published again as below, so the strictest one is the last.
 * - Otherwise (the index is off, unsure, or knows another PR on the commit) it costs one call
 *   first: the open PRs whose head is the commit (list-open-pulls-by-head.ts), which also seeds the
 *   index. Each other one is judged on its own (a non-hotfix with no call; a hotfix with `pulls.get`
 *   and its own files, base and override) and one run is published that carries the strictest
 *   verdict and says which PRs share the commit. An override holds only for its own PR: another
 *   PR's failure on the commit is not cleared.
 *
 * Neither the check run's own `pull_requests` (it omits fork PRs) nor publishing first and
 * correcting afterwards (auto-merge merges in the window) can stand in for knowing the other PRs.
 * When the other PRs cannot be read, the check fails (with the reason) rather than pass unseen.
 */
export async function publishStrictest(
  target: JudgeTarget,
  pr: PullRequestData,
  deps: AppDeps,
  assessment: GateAssessment,
): Promise<void> {
  if (assessment.output.conclusion !== "success" || !assessment.settings)
    return publishAssessment(target, pr, deps, assessment);
  const first = await askOpenHeads(target, pr, deps);
  if (first !== undefined) deps.openHeadsWatch?.(first);
  if (first === "alone") {
    await publishAssessment(target, pr, deps, assessment);
    // A PR noted on the commit while this run was being published may have published its failure
    // first, which this pass just covered: judged again with the look-up, the strictest comes last.
    if ((await askOpenHeads(target, pr, deps)) === "alone") return;
    deps.openHeadsWatch?.("late");
  }
  let strictest: GateAssessment;
  try {
    strictest = await applySharedHead(target, pr, deps, { ...assessment, settings: assessment.settings });
  } catch (error) {
    target.log.error(
      { err: error, pr: pr.number, sha: pr.head.sha },
      "could not read the other PRs of the head commit",
    );
    strictest = { ...assessment, output: renderEvaluationError(error, findRequestId(error)) };
  }
  await publishAssessment(target, pr, deps, strictest);
}

async function applySharedHead(
  target: JudgeTarget,
  pr: PullRequestData,
  deps: AppDeps,
  assessment: GateAssessment & { settings: RepoSettings },
): Promise<GateAssessment> {
  const startedAt = Date.now();
  const { pulls, truncated, listed } = await listOpenPullsByHead(target.octokit, target.repo, pr.head.sha);
  if (!truncated && deps.openHeads && target.repoId && listed.every((head) => Number.isFinite(head.updatedAt)))
    await deps.openHeads.seed(
      target.repoId,
      listed.map((head) => ({ ...head, open: true })),
      startedAt,
    );
  if (truncated)
    target.log.warn(
      { pr: pr.number },
      "more than 1,000 open pull requests: other PRs of the head commit were looked for among the most recently updated and the commit's own",
    );
  const siblings = pulls.filter((p) => p.number !== pr.number);
  if (!siblings.length) return assessment;
  const judged = await Promise.all(
    siblings.map((s) => judgeSibling(target, s, pr.head.sha, assessment.settings, deps)),
  );
  const others = judged.filter((v): v is HeadVerdict => v !== undefined);
  if (!others.length) return assessment;
  const own: HeadVerdict = {
    number: pr.number,
    title: pr.title,
    hotfix: assessment.report !== undefined,
    output: assessment.output,
  };
  const output = renderSharedHead(own, others);
  target.log.info(
    { pr: pr.number, sha: pr.head.sha, sharing: others.map((o) => o.number), conclusion: output.conclusion },
    `#${pr.number} shares its head commit with ${others.map((o) => `#${o.number}`).join(", ")}: publishing the strictest verdict`,
  );
  return { ...assessment, output, sharing: others.map((o) => o.number) };
}

/**
 * What the open-heads index knows of other open PRs with this PR's head: `alone` (none), `shared`
 * (some), `unknown`; undefined when there is no index.
 */
async function askOpenHeads(
  target: JudgeTarget,
  pr: PullRequestData,
  deps: AppDeps,
): Promise<"alone" | "shared" | "unknown" | undefined> {
  if (!deps.openHeads || !target.repoId) return undefined;
  const others = await deps.openHeads.othersOn(target.repoId, pr.head.sha, pr.number);
  if (others === undefined) return "unknown";
  if (others.length) return "shared";
  target.log.debug({ pr: pr.number, sha: pr.head.sha }, "no other open PR has this head (open-heads index)");
  return "alone";
}

/** A PR that shares the head, judged on its own; undefined when its head moved on meanwhile. */
async function judgeSibling(
  target: JudgeTarget,
  sibling: HeadPull,
  sha: string,
  settings: RepoSettings,
  deps: AppDeps,
): Promise<HeadVerdict | undefined> {
  const match = isHotfix({ headBranch: sibling.headRef, labels: sibling.labels }, settings.config);
  if (!match.hotfix)
    return {
      number: sibling.number,
      title: sibling.title,
      hotfix: false,
      output: renderGateOutput(notHotfixReport(match)),
    };
  const pr = await getPullRequest(target.octokit, target.repo, sibling.number);
  if (pr.head.sha !== sha) return undefined;
  const { output } = await assessPullRequest(target, pr, deps, { settings });
  return { number: pr.number, title: pr.title, hotfix: true, output };
}
