import type { Context } from "probot";
import { findOpenPullRequestsByHead, getPullRequest } from "../../github/find-pull-requests.js";
import type { RepoSettings } from "../../github/load-repo-config.js";
import type { PullRequestData } from "../../github/pull-request-data.js";
import type { AppDeps } from "../app-deps.js";
import { assessPullRequest, type GateAssessment, type JudgeOptions } from "./assess-pull-request.js";
import { publishStrictest } from "./publish-strictest.js";
import { type JudgeTarget, toJudgeTarget } from "./judge-target.js";

type RepoContext = Context<"check_run" | "check_suite" | "issue_comment" | "pull_request" | "status">;

/**
 * Judges one pull request, in this order:
 *
 * 1. read the config from the default branch, unless the event already did
 *    (flows/assess-github-pull-request.ts);
 * 2. not a hotfix: the passing "Not a hotfix" check, and no other call;
 * 3. a hotfix: list its files (with head checks, tickets and forward-port twins when the config
 *    asks, and the base tree and file texts the planner asks for) and evaluate the rules;
 * 4. rules fail and the PR carries the override label: look up the override recorded for the head
 *    SHA (assess-pull-request.ts);
 * 5. a passing verdict only: judge the other open PRs with the same head, so that the check carries
 *    the strictest verdict of them all (publish-strictest.ts);
 * 6. publish the `single-patch-order` check on the head SHA, with the "Override" button when it can
 *    be overridden (publish-assessment.ts);
 * 7. best effort: remove an override label that no longer holds.
 *
 * Owns failure: a config error, a GitHub error or a bug each complete the check as `failure`
 * with what went wrong and how to retry. Only when GitHub refuses the check itself does this throw.
 * An override that holds for the head SHA turns the check into `success` with every rule's real
 * verdict kept.
 */
export async function judgePullRequest(
  target: JudgeTarget,
  pr: PullRequestData,
  deps: AppDeps,
  options: JudgeOptions = {},
): Promise<GateAssessment> {
  const assessment = await assessPullRequest(target, pr, deps, options);
  await publishStrictest(target, pr, deps, assessment);
  return assessment;
}

/**
 * Re-judges PRs of this repository named by number, or found by head SHA when the event carries
 * no list (fork PRs). Each PR is judged on its own; one failing does not stop the others.
 * `settings` the event already read are reused, not read again.
 */
export async function judgePullRequests(
  context: RepoContext,
  deps: AppDeps,
  numbers: number[],
  headSha?: string,
  settings?: RepoSettings,
): Promise<void> {
  const repo = context.repo();
  const found = numbers.length || !headSha ? numbers : await findOpenPullRequestsByHead(context.octokit, repo, headSha);
  if (!found.length) {
    context.log.info({ sha: headSha }, "no open pull request to judge");
    return;
  }
  const target = toJudgeTarget(context);
  const results = await Promise.allSettled(
    [...new Set(found)].map(async (number) =>
      judgePullRequest(target, await getPullRequest(context.octokit, repo, number), deps, settings ? { settings } : {}),
    ),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
}

/** PR numbers of a check's PR list that belong to this repository (a fork network shares SHAs). */
export function numbersInRepo(
  prs: ReadonlyArray<{ number: number; base: { repo: { id: number } } }>,
  repositoryId: number,
): number[] {
  return prs.filter((pr) => pr.base.repo.id === repositoryId).map((pr) => pr.number);
}
