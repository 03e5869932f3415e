import { decideForwardPort, type MergedHotfix } from "../../core/forward-port/decide-forward-port.js";
import { findTwin } from "../../core/forward-port/find-twin.js";
import { findForwardPortTarget } from "../../core/forward-port/needs-twin-facts.js";
import { isHotfix } from "../../core/is-hotfix.js";
import { findTicketToVerify } from "../../core/readers/find-tickets.js";
import { matchesAny } from "../../core/readers/classify-file.js";
import { parseDuration } from "../../config/parse-duration.js";
import type { Config } from "../../config/schema.js";
import { FORWARD_PORT_CHECK_NAME, publishCompletedCheck } from "../../github/check-runs.js";
import { findRequestId } from "../../github/describe-github-error.js";
import type { MergedPull } from "../../github/list-merged-pulls.js";
import { getMergedPull } from "../../github/get-merged-pull.js";
import { loadRepoSettings, type RepoSettings } from "../../github/load-repo-config.js";
import { readMergeShape } from "../../github/read-merge-shape.js";
import type { CheckRunOutput } from "../../render/check-run-output.js";
import { renderForwardPort, renderForwardPortError } from "../../render/forward-port-output.js";
import { readGitHubTwinFacts } from "../../sources/read-github-twin-facts.js";
import type { AppDeps } from "../app-deps.js";
import type { JudgeTarget } from "./judge-target.js";

/** `external_id` of a forward-port check: the hotfix PR it follows, so that a re-run judges it again. */
export const FORWARD_PORT_EXTERNAL_ID = /^forward-port:(\d+)$/;

/** A merged pull request, from a `pull_request.closed` payload or `pulls.list`/`pulls.get`. */
export interface MergedPullRequest {
  number: number;
  title: string;
  body: string | null;
  labels: Array<{ name?: string } | string>;
  head: { ref: string };
  base: { ref: string };
  merged_at: string;
  merge_commit_sha: string;
  html_url: string;
}

/**
 * Whether a merged PR owes a forward port (SPEC §13, `after`): a hotfix merged into a
 * `forwardPort.from` branch that is not the target itself.
 */
export function owesForwardPort(pr: MergedPullRequest, config: Config, defaultBranch: string): boolean {
  const labels = pr.labels.map((l) => (typeof l === "string" ? l : (l.name ?? "")));
  return (
    config.forwardPort.mode === "after" &&
    matchesAny(pr.base.ref, config.forwardPort.from) &&
    pr.base.ref !== findForwardPortTarget(config, defaultBranch) &&
    isHotfix({ headBranch: pr.head.ref, labels }, config).hotfix
  );
}

/**
 * Judges a merged hotfix's forward port: looks for its twin on the target
 * (sources/read-github-twin-facts.ts), decides, and publishes `single-patch-order/forward-port` on
 * its merge commit, completed (never in progress), with `details_url` to the PR (GitHub shows an
 * `action_required` check's details there). Owns failure: anything that goes wrong after the
 * merge commit is known completes the check as `failure` with the reason and how to retry.
 */
export async function judgeForwardPort(
  target: JudgeTarget,
  pr: MergedPullRequest,
  settings: RepoSettings,
  deps: AppDeps,
): Promise<CheckRunOutput> {
  const output = await assessForwardPort(target, pr, settings.config, deps.now());
  target.log.info(
    { pr: pr.number, sha: pr.merge_commit_sha, conclusion: output.conclusion },
    `forward port of #${pr.number}: ${output.title}`,
  );
  await publishCompletedCheck(target.octokit, target.repo, {
    name: FORWARD_PORT_CHECK_NAME,
    headSha: pr.merge_commit_sha,
    output,
    completedAt: deps.now(),
    detailsUrl: pr.html_url,
    externalId: `forward-port:${pr.number}`,
  });
  return output;
}

/**
 * "Re-run" on a forward-port check: judge the hotfix #`number` again from GitHub's current state.
 * An invalid config completes the check on `sha` as `failure` saying so; a PR that no longer owes a
 * forward port (the config changed) is left as it is.
 */
export async function rejudgeForwardPortCheck(
  target: JudgeTarget,
  number: number,
  sha: string,
  deps: AppDeps,
): Promise<void> {
  let settings: RepoSettings;
  try {
    settings = await loadRepoSettings(target.octokit, target.repo, target.defaultBranch);
  } catch (error) {
    await publishCompletedCheck(target.octokit, target.repo, {
      name: FORWARD_PORT_CHECK_NAME,
      headSha: sha,
      output: renderForwardPortError(error, findRequestId(error)),
      completedAt: deps.now(),
      externalId: `forward-port:${number}`,
    });
    return;
  }
  const pr = await getMergedPull(target.octokit, target.repo, number);
  if (!pr || !owesForwardPort(toMergedPullRequest(pr), settings.config, target.defaultBranch)) {
    target.log.info({ pr: number }, "re-run of a forward-port check that is no longer owed: left as it is");
    return;
  }
  await judgeForwardPort(target, toMergedPullRequest(pr), settings, deps);
}

async function assessForwardPort(
  target: JudgeTarget,
  pr: MergedPullRequest,
  config: Config,
  now: Date,
): Promise<CheckRunOutput> {
  try {
    const branch = findForwardPortTarget(config, target.defaultBranch);
    const repository = `${target.repo.owner}/${target.repo.repo}`;
    const body = pr.body ?? "";
    const { facts, commits } = await readGitHubTwinFacts(
      target.octokit,
      target.repo,
      {
        number: pr.number,
        title: pr.title,
        body,
        headRef: pr.head.ref,
        baseRef: pr.base.ref,
        mergeCommitSha: pr.merge_commit_sha,
      },
      { target: branch, tip: { branch }, repository, ticketPatterns: config.ticket.patterns },
    );
    const verdict = findTwin(facts, config.ticket.patterns);
    const ticket = findTicketToVerify(
      { title: pr.title, headBranch: pr.head.ref, body, repository },
      config.ticket.patterns,
    )?.label;
    const hotfix: MergedHotfix = {
      number: pr.number,
      title: pr.title,
      baseBranch: pr.base.ref,
      mergedAt: pr.merged_at,
      merge: verdict.match
        ? { sha: pr.merge_commit_sha, parents: 1, commits: 1 }
        : await readMergeShape(target.octokit, target.repo, pr.merge_commit_sha, commits),
      ...(ticket ? { ticket } : {}),
    };
    const within = config.forwardPort.within;
    return renderForwardPort(
      decideForwardPort(hotfix, branch, verdict, facts.limits, {
        within,
        withinMs: parseDuration(within) ?? 0,
        now,
      }),
    );
  } catch (error) {
    target.log.error({ err: error, pr: pr.number }, "could not judge the forward port");
    return renderForwardPortError(error, findRequestId(error));
  }
}

/** What `toMergedPullRequest` reads of a merged pull request, as GitHub's lists give it. */
type MergedPullFields = Pick<
  MergedPull,
  "number" | "title" | "body" | "labels" | "headRef" | "baseRef" | "mergedAt" | "mergeCommitSha" | "htmlUrl"
>;

/** A merged pull request as GitHub's lists give it, in the payload's shape. */
export function toMergedPullRequest(pr: MergedPullFields): MergedPullRequest {
  return {
    number: pr.number,
    title: pr.title,
    body: pr.body,
    labels: pr.labels,
    head: { ref: pr.headRef },
    base: { ref: pr.baseRef },
    merged_at: pr.mergedAt,
    merge_commit_sha: pr.mergeCommitSha,
    html_url: pr.htmlUrl,
  };
}
