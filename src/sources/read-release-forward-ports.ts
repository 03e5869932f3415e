import type { Config } from "../config/schema.js";
import type { ReleaseForwardPorts, ReleaseObligation } from "../core/forward-port/decide-release-forward-ports.js";
import { findTwin } from "../core/forward-port/find-twin.js";
import { isHotfix } from "../core/is-hotfix.js";
import { matchesAny } from "../core/readers/classify-file.js";
import { findMergeBaseDate } from "../github/compare-with-tip.js";
import type { GitHubClient, RepoRef } from "../github/github-client.js";
import { listMergedPulls } from "../github/list-merged-pulls.js";
import { readGitHubTwinFacts } from "./read-github-twin-facts.js";

/** Pages of 100 recently updated closed pull requests read to find the hotfixes since the previous release. */
const MAX_PULL_PAGES = 10;
/** Hotfixes whose twins are looked for in one release. */
export const MAX_RELEASE_OBLIGATIONS = 10;
/** Without a previous release, hotfixes merged this long before the release are asked for. */
const FIRST_RELEASE_LOOKBACK_DAYS = 90;

/** The release whose forward ports are checked: its commit and the previous release's. */
export interface ReleaseScope {
  sha: string;
  previousSha?: string;
  /** The forward-port target the release is cut from. */
  target: string;
  now: Date;
}

/**
 * The forward-port facts of a release from the target (SPEC §13): the hotfixes merged into a
 * `from` branch since the previous release left the target's line (the committer date of their
 * merge base: the previous release on the same line, or where its release branch forked), and for
 * each (at most MAX_RELEASE_OBLIGATIONS) the twin this release's commit contains
 * (read-github-twin-facts.ts, with the release's commit as the tip). A listing cut at its bound is a
 * limit, which fails the check: hotfixes nobody saw are never passed.
 */
export async function readReleaseForwardPorts(
  octokit: GitHubClient,
  repo: RepoRef,
  config: Config,
  scope: ReleaseScope,
): Promise<ReleaseForwardPorts> {
  const since =
    (scope.previousSha ? await findMergeBaseDate(octokit, repo, scope.previousSha, scope.sha) : undefined) ??
    new Date(scope.now.getTime() - FIRST_RELEASE_LOOKBACK_DAYS * 86_400_000).toISOString();
  const limits: string[] = [];
  const listed = await listMergedPulls(octokit, repo, { since, maxPages: MAX_PULL_PAGES });
  if (!listed.complete) limits.push(`more than ${MAX_PULL_PAGES * 100} pull requests were updated since then`);
  const hotfixes = listed.pulls.filter(
    (pr) =>
      pr.baseRef !== scope.target &&
      matchesAny(pr.baseRef, config.forwardPort.from) &&
      isHotfix({ headBranch: pr.headRef, labels: pr.labels }, config).hotfix,
  );
  if (hotfixes.length > MAX_RELEASE_OBLIGATIONS)
    limits.push(
      `${hotfixes.length} hotfixes were merged, and at most ${MAX_RELEASE_OBLIGATIONS} are looked into per release`,
    );
  const obligations: ReleaseObligation[] = [];
  for (const pr of hotfixes.slice(0, MAX_RELEASE_OBLIGATIONS)) {
    const { facts } = await readGitHubTwinFacts(
      octokit,
      repo,
      {
        number: pr.number,
        title: pr.title,
        body: pr.body,
        headRef: pr.headRef,
        baseRef: pr.baseRef,
        mergeCommitSha: pr.mergeCommitSha,
      },
      {
        target: scope.target,
        tip: { sha: scope.sha },
        repository: `${repo.owner}/${repo.repo}`,
        ticketPatterns: config.ticket.patterns,
      },
    );
    obligations.push({
      number: pr.number,
      title: pr.title,
      baseBranch: pr.baseRef,
      mergedAt: pr.mergedAt,
      verdict: findTwin(facts, config.ticket.patterns),
    });
  }
  return { since, obligations, limits };
}
