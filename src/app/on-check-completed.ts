import type { Context } from "probot";
import { GATE_CHECK_NAME, RELEASE_CHECK_NAME } from "../github/check-runs.js";
import { loadRepoSettings } from "../github/load-repo-config.js";
import { NOT_HOTFIX_TITLE } from "../render/describe-not-hotfix.js";
import { isOurs, type AppDeps } from "./app-deps.js";
import { judgePullRequests, numbersInRepo } from "./flows/judge-pull-requests.js";
import { findUnaccountedHeads } from "./flows/find-unaccounted-heads.js";
import { publishCanaryStatus } from "./flows/publish-canary-status.js";
import { toJudgeTarget } from "./flows/judge-target.js";

/**
 * A check completed. Our passing gate run that GitHub lists with an open PR of the same commit
 * the verdict did not account for (two PRs judged at once): judge those PRs, so the commit's newest
 * run carries the strictest verdict. Otherwise, ours (the gate or the release check): post the
 * canary decision as a commit status; a check titled as not a hotfix costs no call. Another one
 * listed in `tests.requiredChecks`, on a PR's head: judge the PR again, so the gate turns green
 * without anyone pushing.
 */
export async function onCheckRunCompleted(context: Context<"check_run.completed">, deps: AppDeps): Promise<void> {
  const run = context.payload.check_run;
  if (run.name === GATE_CHECK_NAME || run.name === RELEASE_CHECK_NAME) {
    if (!isOurs(run.app?.id, deps)) return;
    const unaccounted = run.name === GATE_CHECK_NAME ? findUnaccountedHeads(run, context.payload.repository.id) : [];
    if (unaccounted.length) {
      context.log.info(
        { sha: run.head_sha, prs: unaccounted },
        "a passing gate run did not account for every open PR of its commit: judging them",
      );
      return judgePullRequests(context, deps, unaccounted, run.head_sha);
    }
    if (run.output?.title === NOT_HOTFIX_TITLE) return;
    return publishCanaryStatus(toJudgeTarget(context), run.head_sha, deps);
  }
  if (run.name.startsWith(GATE_CHECK_NAME)) return;
  const numbers = numbersInRepo(run.pull_requests, context.payload.repository.id);
  const settings = await loadRepoSettings(
    context.octokit,
    context.repo(),
    context.payload.repository.default_branch,
  ).catch(() => undefined);
  // An unreadable config is reported by the PR's own judgement; here it only means "maybe".
  if (settings && !settings.config.tests.requiredChecks.includes(run.name)) return;
  await judgePullRequests(context, deps, numbers, run.head_sha, settings);
}
