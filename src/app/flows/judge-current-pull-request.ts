import { findRequestId } from "../../github/describe-github-error.js";
import { ConfigError } from "../../config/config-error.js";
import { loadRepoSettings, type RepoSettings } from "../../github/load-repo-config.js";
import type { PullRequestData } from "../../github/pull-request-data.js";
import { readCurrentPullRequest } from "../../github/read-current-pull-request.js";
import { renderConfigError, renderEvaluationError } from "../../render/check-run-output.js";
import type { AppDeps } from "../app-deps.js";
import type { GateAssessment, JudgeOptions } from "./assess-pull-request.js";
import { judgePullRequest } from "./judge-pull-requests.js";
import { publishAssessment } from "./publish-assessment.js";
import type { JudgeTarget } from "./judge-target.js";

/**
 * Judges the PR of a `pull_request` delivery as it is on GitHub now (SPEC §8 "Fresh state"): a
 * redelivered or out-of-order `edited` or `labeled` payload must not turn a newer failure back into
 * a pass. The PR is re-read with a conditional request (read-current-pull-request.ts): a 304 (free)
 * means the payload is current; otherwise GitHub's copy is judged. A PR closed since is not judged;
 * a head that moved on means this delivery is stale, and the current head is judged (the push's
 * own delivery ends any override there, not this one). When the PR cannot be re-read, the check
 * on the delivered head fails with the reason: a pass nobody could confirm is never published.
 * The config is read at the same time (it does not depend on the PR), and awaited on every path,
 * so that no request outlives the delivery.
 */
/** The PR as judged (GitHub's current copy) and its assessment, for what the event does next. */
export interface CurrentJudgement {
  pr: PullRequestData;
  assessment: GateAssessment;
}

export async function judgeCurrentPullRequest(
  target: JudgeTarget,
  delivered: PullRequestData,
  deps: AppDeps,
  options: JudgeOptions = {},
): Promise<CurrentJudgement | undefined> {
  // The config does not depend on the PR: read it meanwhile, so the re-read adds no round trip.
  const settings: Promise<RepoSettings | ConfigError | undefined> = options.settings
    ? Promise.resolve(options.settings)
    : loadRepoSettings(target.octokit, target.repo, target.defaultBranch).catch((error: unknown) =>
        error instanceof ConfigError ? error : undefined,
      );
  let current: PullRequestData;
  try {
    const read = await readCurrentPullRequest(target.octokit, target.repo, delivered);
    current = read.pr;
    if (!read.unchanged)
      target.log.info(
        { pr: delivered.number, delivered: delivered.updated_at, current: current.updated_at },
        "the delivered pull request is not the current one: judging GitHub's",
      );
  } catch (error) {
    target.log.error({ err: error, pr: delivered.number }, "could not re-read the pull request");
    await settings;
    await publishAssessment(target, delivered, deps, { output: renderEvaluationError(error, findRequestId(error)) });
    return undefined;
  }
  if (current.state === "closed") {
    await settings; // no read outlives the delivery
    target.log.info({ pr: delivered.number }, "the pull request was closed since this delivery: not judged");
    return undefined;
  }
  const moved = current.head.sha !== delivered.head.sha;
  const known = await settings;
  // An invalid config fails the check, as the judgement would; a GitHub error is tried again there.
  if (known instanceof ConfigError) {
    const assessment: GateAssessment = { output: renderConfigError(known) };
    await publishAssessment(target, current, deps, assessment);
    return { pr: current, assessment };
  }
  // A head that moved on was pushed by someone this delivery does not name: record no pusher for it.
  const { pushedBy, ...rest } = options;
  const assessment = await judgePullRequest(target, current, deps, {
    ...rest,
    ...(known ? { settings: known } : {}),
    ...(pushedBy && !moved ? { pushedBy } : {}),
    freshHead: Boolean(options.freshHead && !moved),
  });
  return { pr: current, assessment };
}
