import type { ReleaseFacts, ReleasePull } from "../core/release/release-facts.js";
import {
  findPreviousRelease,
  parseReleaseTag,
  type PreviousRelease,
  type TagRef,
} from "../core/release/release-version.js";
import { shortSha } from "../core/deploy/deployment-decision.js";
import { toSourceError } from "./describe-github-error.js";
import type { GitHubClient, RepoRef } from "./github-client.js";
import { listCommitPulls } from "./list-commit-pulls.js";
import { findPullNumber } from "../core/release/find-pull-number.js";

/** Tags read to find the previous release (10 pages of 100). */
const MAX_TAGS = 1000;
/** Commits read between two releases; a hotfix release has a handful. */
const MAX_COMMITS = 300;
/** Commits without a `(#N)` in their message whose pull requests are looked up one call each. */
const MAX_COMMIT_LOOKUPS = 20;

export interface PublishedRelease {
  tag: string;
  target: string;
  sha: string;
}

/**
 * Gathers what the release gate judges: the previous stable release below this tag (tags API),
 * the commits between the two (compare API) and their pull requests, found from `(#N)` in commit
 * messages or else through `commits/{sha}/pulls`.
 */
export async function readReleaseFacts(
  octokit: GitHubClient,
  repo: RepoRef,
  release: PublishedRelease,
): Promise<ReleaseFacts> {
  const none = {
    tag: release.tag,
    target: release.target,
    commits: { total: 0, listed: 0 },
    pulls: [],
    orphanCommits: [],
  };
  const version = parseReleaseTag(release.tag);
  if (!version) return none;
  const previous = findPreviousRelease(await listTags(octokit, repo), version);
  if (!previous) return none;
  const { commits, total } = await compareCommits(octokit, repo, previous, release.sha);
  const { pulls, orphanCommits } = await findPulls(octokit, repo, commits);
  return { ...none, previous, commits: { total, listed: commits.length }, pulls, orphanCommits };
}

async function listTags(octokit: GitHubClient, repo: RepoRef): Promise<TagRef[]> {
  try {
    const tags: TagRef[] = [];
    for await (const page of octokit.paginate.iterator(octokit.rest.repos.listTags, { ...repo, per_page: 100 })) {
      tags.push(...page.data.map((t) => ({ name: t.name, sha: t.commit.sha })));
      if (tags.length >= MAX_TAGS) break;
    }
    return tags;
  } catch (error) {
    throw toSourceError(error, "listing the repository's tags");
  }
}

interface Commit {
  sha: string;
  message: string;
}

async function compareCommits(
  octokit: GitHubClient,
  repo: RepoRef,
  previous: PreviousRelease,
  sha: string,
): Promise<{ commits: Commit[]; total: number }> {
  const commits: Commit[] = [];
  let total = 0;
  try {
    for (let page = 1; commits.length < MAX_COMMITS; page++) {
      const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
        ...repo,
        basehead: `${previous.sha}...${sha}`,
        per_page: 100,
        page,
      });
      total = data.total_commits;
      commits.push(...data.commits.map((c) => ({ sha: c.sha, message: c.commit.message })));
      if (data.commits.length < 100 || commits.length >= total) break;
    }
  } catch (error) {
    throw toSourceError(error, `comparing ${previous.tag}...${shortSha(sha)}`);
  }
  return { commits: commits.slice(0, MAX_COMMITS), total: Math.max(total, commits.length) };
}

async function findPulls(
  octokit: GitHubClient,
  repo: RepoRef,
  commits: Commit[],
): Promise<{ pulls: ReleasePull[]; orphanCommits: string[] }> {
  const pulls = new Map<number, ReleasePull>();
  const orphanCommits: string[] = [];
  let lookups = 0;
  for (const commit of commits) {
    const number = findPullNumber(commit.message);
    if (number !== undefined) {
      const pull = pulls.get(number) ?? (await getPull(octokit, repo, number));
      if (pull) {
        pulls.set(number, pull);
        continue;
      }
    } else if (lookups++ < MAX_COMMIT_LOOKUPS) {
      const merged = (await listCommitPulls(octokit, repo, commit.sha)).filter((pr) => pr.mergedAt);
      for (const pr of merged)
        pulls.set(pr.number, { number: pr.number, title: pr.title, headBranch: pr.headRef, labels: pr.labels });
      if (merged.length) continue;
    }
    orphanCommits.push(shortSha(commit.sha));
  }
  return { pulls: [...pulls.values()].sort((a, b) => a.number - b.number), orphanCommits };
}

/** A pull request by number; undefined when the number is an issue, not a pull request. */
async function getPull(octokit: GitHubClient, repo: RepoRef, number: number): Promise<ReleasePull | undefined> {
  try {
    const { data } = await octokit.rest.pulls.get({ ...repo, pull_number: number });
    return { number, title: data.title, headBranch: data.head.ref, labels: data.labels.map((l) => l.name) };
  } catch (error) {
    if ((error as { status?: number }).status === 404) return undefined;
    throw toSourceError(error, `reading pull request #${number}`);
  }
}
