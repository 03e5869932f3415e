import { ConfigError } from "../core/errors.js";
import { evaluatePolicy } from "../core/evaluate-policy.js";
import { isHotfix } from "../core/is-hotfix.js";
import { findRequestId } from "../github/describe-github-error.js";
import { GATE_CHECK_NAME, publishCompletedCheck } from "../github/check-runs.js";
import type { GitHubClient, RepoRef } from "../github/github-client.js";
import { loadRepoSettings } from "../github/load-repo-config.js";
import { renderConfigError, renderEvaluationError, renderNotHotfix, renderReport, type CheckRunOutput } from "../render/check-run-output.js";
import { readPullRequestChange, type PullRequestData } from "../sources/github-pr-source.js";
import type { AppDeps, Log } from "./app-deps.js";

export interface JudgeTarget {
  octokit: GitHubClient;
  repo: RepoRef;
  defaultBranch: string;
  log: Log;
}

/**
 * Judges one pull request and publishes the `single-patch-order` check on its head SHA. Owns
 * failure: a config error, a GitHub error or a bug each complete the check as `failure` with what
 * went wrong and how to retry. Only when GitHub refuses the check itself does this throw.
 */
export async function judgePullRequest(target: JudgeTarget, pr: PullRequestData, deps: AppDeps): Promise<CheckRunOutput> {
  const output = await buildGateOutput(target, pr);
  target.log.info({ pr: pr.number, sha: pr.head.sha, conclusion: output.conclusion }, `judged #${pr.number}: ${output.title}`);
  await publishCompletedCheck(target.octokit, target.repo, {
    name: GATE_CHECK_NAME,
    headSha: pr.head.sha,
    output,
    completedAt: deps.now(),
    externalId: String(pr.number),
  });
  return output;
}

/** The gate's verdict for a PR as a check-run output; never throws. */
export async function buildGateOutput(target: JudgeTarget, pr: PullRequestData): Promise<CheckRunOutput> {
  try {
    const settings = await loadRepoSettings(target.octokit, target.repo, target.defaultBranch);
    const labels = pr.labels.map((l) => (typeof l === "string" ? l : (l.name ?? "")));
    const hotfix = isHotfix({ headBranch: pr.head.ref, labels }, settings.config);
    if (!hotfix.hotfix) return renderNotHotfix({ hotfix, results: [], verdict: "pass", facts: {} });
    const change = await readPullRequestChange(target.octokit, target.repo, pr, settings.config);
    return renderReport(evaluatePolicy(change, settings.config));
  } catch (error) {
    if (error instanceof ConfigError) return renderConfigError(error);
    target.log.error({ err: error, pr: pr.number }, "could not evaluate the pull request");
    return renderEvaluationError(error, findRequestId(error));
  }
}
