import type { ReleaseFacts } from "../core/release/release-facts.js";
import {
  findPreviousRelease,
  parseReleaseTag,
  type PreviousRelease,
  type TagRef,
} from "../core/release/release-version.js";
import { shortSha } from "../core/deploy/deployment-decision.js";
import { toSourceError } from "./describe-github-error.js";
import type { GitHubClient, RepoRef } from "./github-client.js";
import { attributeReleaseCommits, type ReleaseCommit } from "./attribute-release-commits.js";

/** Tags read to find the previous release (10 pages of 100). */
const MAX_TAGS = 1000;
/** Commits read between two releases; a hotfix release has a handful. */
const MAX_COMMITS = 300;

export interface PublishedRelease {
  tag: string;
  target: string;
  sha: string;
}

/**
 * Gathers what the release gate judges: the previous stable release below this tag (tags API),
 * the commits between the two (compare API) and their pull requests, each attribution verified
 * (findPulls): a commit no pull request accounts for is a direct commit.
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
    directCommits: [],
  };
  const version = parseReleaseTag(release.tag);
  if (!version) return none;
  const previous = findPreviousRelease(await listTags(octokit, repo), version);
  if (!previous) return none;
  const { commits, total } = await compareCommits(octokit, repo, previous, release.sha);
  const { pulls, directCommits } = await attributeReleaseCommits(octokit, repo, commits);
  return { ...none, previous, commits: { total, listed: commits.length }, pulls, directCommits };
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

async function compareCommits(
  octokit: GitHubClient,
  repo: RepoRef,
  previous: PreviousRelease,
  sha: string,
): Promise<{ commits: ReleaseCommit[]; total: number }> {
  const commits: ReleaseCommit[] = [];
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
