import type { PullRequestData } from "./pull-request-data.js";
import { toSourceError } from "./describe-github-error.js";
import type { GitHubClient, RepoRef } from "./github-client.js";

/** A full pull request (with file and commit counts), as the gate needs it. */
export async function getPullRequest(octokit: GitHubClient, repo: RepoRef, number: number): Promise<PullRequestData> {
  try {
    const { data } = await octokit.rest.pulls.get({ ...repo, pull_number: number });
    return data as PullRequestData;
  } catch (error) {
    throw toSourceError(error, `reading pull request #${number}`);
  }
}

/**
 * The open pull requests of this repository whose head is `sha`. Check events for fork PRs carry
 * no PR list, so the PR is found by its head commit: first through the commit's associated PRs,
 * then among the most recently updated open PRs.
 */
export async function findOpenPullRequestsByHead(octokit: GitHubClient, repo: RepoRef, sha: string): Promise<number[]> {
  try {
    const associated = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
      ...repo,
      commit_sha: sha,
      per_page: 100,
    });
    const found = associated.data.filter((pr) => pr.state === "open" && pr.head.sha === sha).map((pr) => pr.number);
    if (found.length) return found;
    const open = await octokit.rest.pulls.list({
      ...repo,
      state: "open",
      sort: "updated",
      direction: "desc",
      per_page: 100,
    });
    return open.data.filter((pr) => pr.head.sha === sha).map((pr) => pr.number);
  } catch (error) {
    throw toSourceError(error, `finding the pull request for ${sha.slice(0, 7)}`);
  }
}
