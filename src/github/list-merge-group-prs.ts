import { findPullNumber } from "../core/release/find-pull-number.js";
import { toSourceError } from "./describe-github-error.js";
import type { GitHubClient, RepoRef } from "./github-client.js";

export interface MergeGroupRef {
  head_sha: string;
  head_ref: string;
  base_sha: string;
}

const QUEUE_REF = /\/pr-(\d+)-[0-9a-f]+$/;

/**
 * The PRs in a merge group: the queue branch names the newest one (`gh-readonly-queue/main/pr-12-<sha>`),
 * and each PR ahead of it left one commit whose subject names it (`… (#11)` or `Merge pull request #11`).
 */
export async function listMergeGroupPullRequests(
  octokit: GitHubClient,
  repo: RepoRef,
  group: MergeGroupRef,
): Promise<number[]> {
  const numbers = new Set<number>();
  const newest = QUEUE_REF.exec(group.head_ref)?.[1];
  try {
    const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
      ...repo,
      basehead: `${group.base_sha}...${group.head_sha}`,
      per_page: 100,
    });
    for (const commit of data.commits) {
      const number = findPullNumber(commit.commit.message);
      if (number !== undefined) numbers.add(number);
    }
  } catch (error) {
    throw toSourceError(error, "listing the commits of the merge group");
  }
  if (newest) numbers.add(Number(newest));
  return [...numbers].sort((a, b) => a - b);
}
