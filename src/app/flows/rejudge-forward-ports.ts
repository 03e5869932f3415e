import type { Context } from "probot";
import { findCherryPickSources } from "../../core/forward-port/find-cherry-pick-sources.js";
import { findForwardPortTarget, needsTwinFacts } from "../../core/forward-port/needs-twin-facts.js";
import { FORWARD_PORT_CHECK_NAME } from "../../github/check-runs.js";
import { findLatestCheck } from "../../github/find-latest-check.js";
import { listCommitPulls } from "../../github/list-commit-pulls.js";
import { listMergedPulls } from "../../github/list-merged-pulls.js";
import { listOpenPulls } from "../../github/list-open-pulls.js";
import { listPullCommits } from "../../github/list-pull-commits.js";
import type { RepoSettings } from "../../github/load-repo-config.js";
import type { AppDeps } from "../app-deps.js";
import {
  judgeForwardPort,
  owesForwardPort,
  toMergedPullRequest,
  type MergedPullRequest,
} from "./judge-forward-port.js";
import { judgePullRequests } from "./judge-pull-requests.js";
import type { JudgeTarget } from "./judge-target.js";

/** How far back merged hotfixes are looked for when a pull request merges into the target. */
export const REJUDGE_LOOKBACK_DAYS = 30;
/** Hotfixes judged again per merge into the target, at most. */
export const MAX_REJUDGED = 10;
/** Commits named by the merged PR's `(cherry picked from …)` lines whose pull requests are looked up. */
const MAX_NAMED_SOURCES = 5;

/** The pull request that just merged into the target: it may be the twin of an open obligation. */
export interface MergedIntoTarget {
  number: number;
}

/**
 * A pull request merged into the forward-port target: judge again what it may satisfy (SPEC §13).
 * - `after`: the merged hotfixes whose forward-port check is not `success` yet, found among the 100
 *   most recently updated closed PRs (merged into a `from` branch within REJUDGE_LOOKBACK_DAYS) and
 *   through the merged PR's own `(cherry picked from …)` lines (the PRs of the commits they name,
 *   whatever their age); at most MAX_REJUDGED, each checked first (one call) and, when still open,
 *   judged again (judge-forward-port.ts).
 * - `upstream-first`: the open hotfix PRs into a `from` branch among the 100 most recently
 *   updated open PRs: their gate, whose `forward-port` rule now finds the twin (judge-pull-requests.ts).
 * Each is judged on its own; one failing does not stop the others.
 */
export async function rejudgeForwardPorts(
  context: Context<"pull_request.closed">,
  target: JudgeTarget,
  merged: MergedIntoTarget,
  settings: RepoSettings,
  deps: AppDeps,
): Promise<void> {
  const { config } = settings;
  if (config.forwardPort.mode === "upstream-first") {
    const open = await listOpenPulls(target.octokit, target.repo);
    const hotfixes = open
      .filter((pr) => pr.baseRef !== findForwardPortTarget(config, target.defaultBranch))
      .filter((pr) => needsTwinFacts({ headBranch: pr.headRef, labels: pr.labels, baseBranch: pr.baseRef }, config))
      .slice(0, MAX_REJUDGED)
      .map((pr) => pr.number);
    if (hotfixes.length) await judgePullRequests(context, deps, hotfixes, undefined, settings);
    return;
  }
  const candidates = await findOpenObligations(target, merged, settings, deps);
  const results = await Promise.allSettled(candidates.map((pr) => judgeForwardPort(target, pr, settings, deps)));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
}

async function findOpenObligations(
  target: JudgeTarget,
  merged: MergedIntoTarget,
  settings: RepoSettings,
  deps: AppDeps,
): Promise<MergedPullRequest[]> {
  const { octokit, repo, defaultBranch } = target;
  const since = new Date(deps.now().getTime() - REJUDGE_LOOKBACK_DAYS * 86_400_000).toISOString();
  const [recent, named] = await Promise.all([
    listMergedPulls(octokit, repo, { since, maxPages: 1 }),
    findNamedHotfixes(target, merged.number),
  ]);
  const byNumber = new Map<number, MergedPullRequest>();
  for (const pr of [...named, ...recent.pulls.map(toMergedPullRequest)])
    if (owesForwardPort(pr, settings.config, defaultBranch) && !byNumber.has(pr.number)) byNumber.set(pr.number, pr);
  const open: MergedPullRequest[] = [];
  for (const pr of [...byNumber.values()].slice(0, MAX_REJUDGED)) {
    const check = await findLatestCheck(octokit, repo, pr.merge_commit_sha, FORWARD_PORT_CHECK_NAME, deps.appId);
    if (check?.conclusion !== "success") open.push(pr);
  }
  return open;
}

/** The merged pull requests of the commits the merged PR's `(cherry picked from …)` lines name. */
async function findNamedHotfixes(target: JudgeTarget, number: number): Promise<MergedPullRequest[]> {
  const { commits } = await listPullCommits(target.octokit, target.repo, number);
  const named = [...new Set(commits.flatMap((c) => findCherryPickSources(c.message)))].slice(0, MAX_NAMED_SOURCES);
  const found: MergedPullRequest[] = [];
  for (const sha of named) {
    const pulls = await listCommitPulls(target.octokit, target.repo, sha).catch(() => []);
    for (const pr of pulls)
      if (pr.mergedAt && pr.mergeCommitSha)
        found.push(toMergedPullRequest({ ...pr, mergedAt: pr.mergedAt, mergeCommitSha: pr.mergeCommitSha }));
  }
  return found;
}
