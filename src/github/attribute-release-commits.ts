import { shortSha } from "../core/deploy/deployment-decision.js";
import { findPullNumber } from "../core/release/find-pull-number.js";
import type { DirectCommit, ReleasePull } from "../core/release/release-facts.js";
import { toSourceError } from "./describe-github-error.js";
import type { GitHubClient, RepoRef } from "./github-client.js";
import { listCommitPulls } from "./list-commit-pulls.js";

/** Commits without a verified `(#N)` whose pull requests are looked up, one call each. */
const MAX_COMMIT_LOOKUPS = 20;
/** Claimed PRs whose commits are listed to verify a claim that is not their merge commit. */
const MAX_LISTED_PULLS = 20;
/** GitHub lists at most 250 commits of a pull request: three pages of 100. */
const MAX_PULL_COMMIT_PAGES = 3;

/** A commit between two releases, as the compare API lists it. */
export interface ReleaseCommit {
  sha: string;
  message: string;
}

/**
 * Attributes each commit to a pull request, verified (release-facts.ts, DirectCommit); at most 300 commits come in:
 *
 * 1. a subject that names #N (`(#N)`, `Merge pull request #N`) counts only when #N is merged and
 *    the commit is its merge commit (`pulls.get`, one per distinct N) or one of its commits
 *    (`pulls.listCommits`, read only when the merge commit differs: at most MAX_LISTED_PULLS PRs,
 *    and GitHub lists at most 250 commits of a PR);
 * 2. otherwise GitHub's own association (`commits/{sha}/pulls`, merged PRs; it knows rebase and
 *    merge-commit PRs), for at most MAX_COMMIT_LOOKUPS commits;
 * 3. anything else is a direct commit, named in the report.
 */
export async function attributeReleaseCommits(
  octokit: GitHubClient,
  repo: RepoRef,
  commits: readonly ReleaseCommit[],
): Promise<{ pulls: ReleasePull[]; directCommits: DirectCommit[] }> {
  const pulls = new Map<number, ReleasePull>();
  const claims = new ClaimChecker(octokit, repo);
  const directCommits: DirectCommit[] = [];
  let lookups = 0;
  for (const commit of commits) {
    const claimed = findPullNumber(commit.message);
    if (claimed !== undefined) {
      const pull = await claims.verify(claimed, commit.sha);
      if (pull) {
        pulls.set(claimed, pull);
        continue;
      }
    }
    if (lookups++ < MAX_COMMIT_LOOKUPS) {
      const merged = (await listCommitPulls(octokit, repo, commit.sha)).filter((pr) => pr.mergedAt);
      for (const pr of merged)
        pulls.set(pr.number, { number: pr.number, title: pr.title, headBranch: pr.headRef, labels: pr.labels });
      if (merged.length) continue;
    }
    directCommits.push({
      sha: shortSha(commit.sha),
      subject: commit.message.split("\n", 1)[0] ?? "",
      ...(claimed === undefined ? {} : { claimed }),
    });
  }
  return { pulls: [...pulls.values()].sort((a, b) => a.number - b.number), directCommits };
}

interface ClaimedPull {
  pull: ReleasePull;
  merged: boolean;
  mergeCommitSha: string | null;
}

/** Checks `(#N)` claims against GitHub, reading each PR (and, when needed, its commits) once. */
class ClaimChecker {
  private readonly pulls = new Map<number, Promise<ClaimedPull | undefined>>();
  private readonly commits = new Map<number, Promise<Set<string> | undefined>>();

  constructor(
    private readonly octokit: GitHubClient,
    private readonly repo: RepoRef,
  ) {}

  /** The PR when `sha` is its merge commit or one of its commits and it is merged; else undefined. */
  async verify(number: number, sha: string): Promise<ReleasePull | undefined> {
    const claimed = await this.memo(this.pulls, number, () => getPull(this.octokit, this.repo, number));
    if (!claimed?.merged) return undefined;
    if (claimed.mergeCommitSha === sha) return claimed.pull;
    if (!this.commits.has(number) && this.commits.size >= MAX_LISTED_PULLS) return undefined;
    const own = await this.memo(this.commits, number, () => listPullCommits(this.octokit, this.repo, number));
    return own?.has(sha) ? claimed.pull : undefined;
  }

  private memo<T>(cache: Map<number, Promise<T>>, key: number, read: () => Promise<T>): Promise<T> {
    const known = cache.get(key);
    if (known) return known;
    const reading = read();
    cache.set(key, reading);
    return reading;
  }
}

/** A pull request by number; undefined when the number is an issue, not a pull request. */
async function getPull(octokit: GitHubClient, repo: RepoRef, number: number): Promise<ClaimedPull | undefined> {
  try {
    const { data } = await octokit.rest.pulls.get({ ...repo, pull_number: number });
    return {
      pull: { number, title: data.title, headBranch: data.head.ref, labels: data.labels.map((l) => l.name) },
      merged: Boolean(data.merged_at),
      mergeCommitSha: data.merge_commit_sha ?? null,
    };
  } catch (error) {
    if ((error as { status?: number }).status === 404) return undefined;
    throw toSourceError(error, `reading pull request #${number}`);
  }
}

/** The SHAs of a pull request's commits (GitHub lists at most 250). */
async function listPullCommits(octokit: GitHubClient, repo: RepoRef, number: number): Promise<Set<string>> {
  const shas = new Set<string>();
  try {
    for (let page = 1; page <= MAX_PULL_COMMIT_PAGES; page++) {
      const { data } = await octokit.rest.pulls.listCommits({ ...repo, pull_number: number, per_page: 100, page });
      for (const commit of data) shas.add(commit.sha);
      if (data.length < 100) break;
    }
    return shas;
  } catch (error) {
    throw toSourceError(error, `listing the commits of pull request #${number}`);
  }
}
