import { findCherryPickSources } from "../core/forward-port/find-cherry-pick-sources.js";
import { findTwinByTrailer } from "../core/forward-port/find-twin-by-trailer.js";
import { findTwinWithoutPatches } from "../core/forward-port/find-twin.js";
import { quote } from "../core/forward-port/quote.js";
import type { CommitFact, NamedSource, TwinCandidate, TwinFacts } from "../core/forward-port/twin-facts.js";
import { isContainedIn } from "../github/compare-with-tip.js";
import type { GitHubClient, RepoRef } from "../github/github-client.js";
import { listBranchCommits, MAX_BRANCH_COMMITS } from "../github/list-branch-commits.js";
import { listCommitPulls } from "../github/list-commit-pulls.js";
import { listMergedPulls, type MergedPull } from "../github/list-merged-pulls.js";
import { listPullCommits, type PullCommit } from "../github/list-pull-commits.js";
import { addPatchIds, MAX_PATCH_CANDIDATES, readCommitPatchId } from "./read-github-patch-ids.js";

/** A twin merged up to this long before the hotfix's first commit was written is still found (upstream first). */
export const TWIN_LOOKBACK_DAYS = 14;
/** Pages of 100 pull requests merged into the target that are read. */
const MAX_TARGET_PULL_PAGES = 3;
/** Commits named by the hotfix's own trailers that are checked on the target: one call each. */
const MAX_NAMED_SOURCES = 5;

/** The hotfix pull request whose twin is looked for. */
export interface GitHubHotfix {
  number: number;
  title: string;
  body: string;
  headRef: string;
  baseRef: string;
  /** Its merge commit on the base, once merged. */
  mergeCommitSha?: string;
}

export interface TwinSearchScope {
  /** The branch the twin must be merged into. */
  target: string;
  /**
   * What must contain the twin: the target branch itself, or a commit of it (a release's). A pull
   * request merged into the target counts only when `tip` contains its merge commit.
   */
  tip: { branch: string } | { sha: string };
  repository: string;
  ticketPatterns: readonly string[];
}

/**
 * Gathers the twin facts of a hotfix from GitHub (core/forward-port/twin-facts.ts), cheapest first:
 * 1. the hotfix's commits (`pulls.listCommits`);
 * 2. the commits `tip` contains since TWIN_LOOKBACK_DAYS before the hotfix's first commit was
 *    written (`repos.listCommits`, up to 300) and the pull requests merged into the target in that
 *    time (`pulls.list`, up to 300);
 * 3. for each commit the hotfix's own `(cherry picked from …)` lines name (up to 5): whether `tip`
 *    contains it (`compare`), and then the patch ids of it and of the naming commit (`repos.getCommit`,
 *    diff: two calls), since a line in the hotfix's own message proves nothing alone;
 * 4. only when neither a trailer nor the ticket finds a twin: the hotfix's diff and those of the
 *    MAX_PATCH_CANDIDATES newest merged pull requests, for their patch ids (`pulls.get`, diff);
 * 5. when a trailer names a commit that is no PR's merge commit: its pull request, to name it.
 * Returns the hotfix's commits too (the caller reads how its merge landed).
 */
export async function readGitHubTwinFacts(
  octokit: GitHubClient,
  repo: RepoRef,
  hotfix: GitHubHotfix,
  scope: TwinSearchScope,
): Promise<{ facts: TwinFacts; commits: PullCommit[] }> {
  const limits: string[] = [];
  const listed = await listPullCommits(octokit, repo, hotfix.number);
  if (!listed.complete) limits.push(`only the first ${listed.commits.length} commits of #${hotfix.number} were read`);
  const since = findSearchStart(listed.commits);
  const tip = "branch" in scope.tip ? scope.tip.branch : scope.tip.sha;
  const [onTarget, merged] = await Promise.all([
    listBranchCommits(octokit, repo, tip, since),
    listMergedPulls(octokit, repo, { since, base: scope.target, maxPages: MAX_TARGET_PULL_PAGES }),
  ]);
  if (!onTarget.complete)
    limits.push(`only the newest ${MAX_BRANCH_COMMITS} commits of ${quote(scope.target)} were read`);
  if (!merged.complete)
    limits.push(
      `only the ${merged.pulls.length} most recently updated pull requests into ${quote(scope.target)} were read`,
    );
  const pulls = await keepContained(octokit, repo, merged.pulls, onTarget, scope, limits);
  const facts: TwinFacts = {
    target: scope.target,
    hotfix: {
      number: hotfix.number,
      title: hotfix.title,
      body: hotfix.body,
      headBranch: hotfix.headRef,
      baseBranch: hotfix.baseRef,
      repository: scope.repository,
      commits: listed.commits.map(({ sha, message }) => ({ sha, message })),
      ...(hotfix.mergeCommitSha ? { mergeSha: hotfix.mergeCommitSha } : {}),
    },
    targetCommits: onTarget.commits,
    sourcesOnTarget: await findSourcesOnTarget(octokit, repo, listed.commits, tip, limits),
    candidates: pulls.filter((pr) => pr.number !== hotfix.number).map(toCandidate),
    limits,
  };
  await nameTrailerTwin(octokit, repo, facts);
  if (findTwinWithoutPatches(facts, scope.ticketPatterns)) return { facts, commits: listed.commits };
  return { facts: await addPatchIds(octokit, repo, facts), commits: listed.commits };
}

/** TWIN_LOOKBACK_DAYS before the earliest author date of the hotfix's commits (a backport keeps the original's). */
function findSearchStart(commits: ReadonlyArray<PullCommit>): string {
  const times = commits.map((c) => Date.parse(c.authoredAt)).filter((t) => !Number.isNaN(t));
  const earliest = times.length ? Math.min(...times) : 0;
  return new Date(Math.max(0, earliest - TWIN_LOOKBACK_DAYS * 86_400_000)).toISOString();
}

/** For a release's commit: only the pull requests whose merge commit it contains. */
async function keepContained(
  octokit: GitHubClient,
  repo: RepoRef,
  pulls: MergedPull[],
  onTarget: { commits: CommitFact[]; complete: boolean },
  scope: TwinSearchScope,
  limits: string[],
): Promise<MergedPull[]> {
  if ("branch" in scope.tip) return pulls;
  const contained = new Set(onTarget.commits.map((c) => c.sha));
  if (onTarget.complete) return pulls.filter((pr) => contained.has(pr.mergeCommitSha));
  const { sha } = scope.tip;
  const kept: MergedPull[] = [];
  let asked = 0;
  for (const pr of pulls) {
    if (contained.has(pr.mergeCommitSha)) kept.push(pr);
    else if (asked++ < MAX_PATCH_CANDIDATES) {
      if (await isContainedIn(octokit, repo, pr.mergeCommitSha, sha)) kept.push(pr);
    }
  }
  if (asked > MAX_PATCH_CANDIDATES)
    limits.push(
      `${asked - MAX_PATCH_CANDIDATES} pull requests into ${quote(scope.target)} were not checked against this commit`,
    );
  return kept;
}

/**
 * The commits the hotfix's own trailers name (at most MAX_NAMED_SOURCES) that `tip` contains, each
 * with its patch id and that of the hotfix commit naming it: the trailer counts only when they agree.
 */
async function findSourcesOnTarget(
  octokit: GitHubClient,
  repo: RepoRef,
  commits: ReadonlyArray<CommitFact>,
  tip: string,
  limits: string[],
): Promise<NamedSource[]> {
  const named = commits
    .flatMap((c) => findCherryPickSources(c.message).map((sha) => ({ sha, by: c.sha })))
    .slice(0, MAX_NAMED_SOURCES);
  const found: NamedSource[] = [];
  for (const source of named) {
    if (!(await isContainedIn(octokit, repo, source.sha, tip))) continue;
    const [patchId, byPatchId] = [
      await readCommitPatchId(octokit, repo, source.sha, limits),
      await readCommitPatchId(octokit, repo, source.by, limits),
    ];
    found.push({ ...source, ...(patchId ? { patchId } : {}), ...(byPatchId ? { byPatchId } : {}) });
  }
  return found;
}

/** A trailer found its twin in a commit that is no PR's merge commit (a merge-commit merge): name its PR. */
async function nameTrailerTwin(octokit: GitHubClient, repo: RepoRef, facts: TwinFacts): Promise<void> {
  const found = findTwinByTrailer(facts);
  if (!("twin" in found) || found.twin.kind !== "commit") return;
  const commit = facts.targetCommits.find((c) => c.sha === found.twin.sha);
  if (!commit) return;
  const pulls = await listCommitPulls(octokit, repo, commit.sha).catch(() => []);
  const pull = pulls.find((pr) => pr.mergedAt && pr.baseRef === facts.target);
  if (pull) commit.pull = { number: pull.number, title: pull.title };
}

function toCandidate(pr: MergedPull): TwinCandidate {
  return {
    kind: "pull",
    number: pr.number,
    sha: pr.mergeCommitSha,
    title: pr.title,
    body: pr.body,
    headBranch: pr.headRef,
    mergedAt: pr.mergedAt,
  };
}
