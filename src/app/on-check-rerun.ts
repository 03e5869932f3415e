import type { Context } from "probot";
import {
  CONFIG_CHECK_NAME,
  FORWARD_PORT_CHECK_NAME,
  GATE_CHECK_NAME,
  RELEASE_CHECK_NAME,
} from "../github/check-runs.js";
import { getPullRequest } from "../github/find-pull-requests.js";
import { getRelease } from "../github/get-release.js";
import { isOurs, type AppDeps } from "./app-deps.js";
import { judgeConfigChange } from "./flows/judge-config-change.js";
import { judgePullRequests, numbersInRepo } from "./flows/judge-pull-requests.js";
import { FORWARD_PORT_EXTERNAL_ID, rejudgeForwardPortCheck } from "./flows/judge-forward-port.js";
import { judgeRelease, RELEASE_EXTERNAL_ID } from "./flows/judge-release.js";
import { toJudgeTarget } from "./flows/judge-target.js";

/** "Re-run" on one of our check runs: judge its PRs (or its release) again. Other apps' checks are ignored. */
export async function onCheckRunRerequested(context: Context<"check_run.rerequested">, deps: AppDeps): Promise<void> {
  const run = context.payload.check_run;
  if (run.name === RELEASE_CHECK_NAME) return onReleaseCheckRerequested(context, deps);
  if (run.name === CONFIG_CHECK_NAME) return onConfigCheckRerequested(context, deps);
  if (run.name === FORWARD_PORT_CHECK_NAME) return onForwardPortCheckRerequested(context, deps);
  if (run.name !== GATE_CHECK_NAME || !isOurs(run.app?.id, deps)) return;
  await judgePullRequests(context, deps, numbersInRepo(run.pull_requests, context.payload.repository.id), run.head_sha);
}

/** "Re-run all checks" on our suite. */
export async function onCheckSuiteRerequested(
  context: Context<"check_suite.rerequested">,
  deps: AppDeps,
): Promise<void> {
  const suite = context.payload.check_suite;
  if (!isOurs(suite.app?.id, deps)) return;
  await judgePullRequests(
    context,
    deps,
    numbersInRepo(suite.pull_requests, context.payload.repository.id),
    suite.head_sha,
  );
}

/** "Re-run" on our release check: judge that release again (its id is the check's external id). */
async function onReleaseCheckRerequested(context: Context<"check_run.rerequested">, deps: AppDeps): Promise<void> {
  const run = context.payload.check_run;
  if (!isOurs(run.app?.id, deps)) return;
  const id = RELEASE_EXTERNAL_ID.exec(run.external_id ?? "")?.[1];
  if (!id) return;
  const repo = context.repo();
  const release = await getRelease(context.octokit, repo, Number(id));
  await judgeRelease({ ...toJudgeTarget(context), repo }, release, deps);
}

/** "Re-run" on our config check: check the config change of its PR again (the PR number is its external id). */
async function onConfigCheckRerequested(context: Context<"check_run.rerequested">, deps: AppDeps): Promise<void> {
  const run = context.payload.check_run;
  const number = Number(run.external_id);
  if (!isOurs(run.app?.id, deps) || !Number.isSafeInteger(number) || number <= 0) return;
  const pr = await getPullRequest(context.octokit, context.repo(), number);
  if (pr.head.sha !== run.head_sha) {
    context.log.info(
      { pr: number, sha: run.head_sha },
      "the config check is for an older head: the new head has its own",
    );
    return;
  }
  await judgeConfigChange(toJudgeTarget(context), pr, deps);
}

/** "Re-run" on our forward-port check: look for the twin of that hotfix again (its number is the external id). */
async function onForwardPortCheckRerequested(context: Context<"check_run.rerequested">, deps: AppDeps): Promise<void> {
  const run = context.payload.check_run;
  if (!isOurs(run.app?.id, deps)) return;
  const number = FORWARD_PORT_EXTERNAL_ID.exec(run.external_id ?? "")?.[1];
  if (!number) return;
  await rejudgeForwardPortCheck(toJudgeTarget(context), Number(number), run.head_sha, deps);
}
