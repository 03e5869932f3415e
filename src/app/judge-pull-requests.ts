import type { Context } from "probot";
import { findOpenPullRequestsByHead, getPullRequest } from "../github/find-pull-requests.js";
import type { RepoSettings } from "../github/load-repo-config.js";
import type { AppDeps } from "./app-deps.js";
import { judgePullRequest, toJudgeTarget } from "./judge-pull-request.js";

type RepoContext = Context<"check_run" | "check_suite" | "issue_comment">;

/**
 * Re-judges PRs of this repository named by number, or found by head SHA when the event carries
 * no list (fork PRs). Each PR is judged on its own; one failing does not stop the others.
 * `settings` the event already read are reused, not read again.
 */
export async function judgePullRequests(context: RepoContext, deps: AppDeps, numbers: number[], headSha?: string, settings?: RepoSettings): Promise<void> {
  const repo = context.repo();
  const found = numbers.length || !headSha ? numbers : await findOpenPullRequestsByHead(context.octokit, repo, headSha);
  if (!found.length) {
    context.log.info({ sha: headSha }, "no open pull request to judge");
    return;
  }
  const target = toJudgeTarget(context);
  const results = await Promise.allSettled(
    [...new Set(found)].map(async (number) => judgePullRequest(target, await getPullRequest(context.octokit, repo, number), deps, settings ? { settings } : {})),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
}

/** PR numbers of a check's PR list that belong to this repository (a fork network shares SHAs). */
export function numbersInRepo(prs: ReadonlyArray<{ number: number; base: { repo: { id: number } } }>, repositoryId: number): number[] {
  return prs.filter((pr) => pr.base.repo.id === repositoryId).map((pr) => pr.number);
}
