import { toSourceError } from "./describe-github-error.js";
import type { GitHubClient, RepoRef } from "./github-client.js";

/**
 * The merge base of a PR's base and head: the commit its diff (and `pulls.listFiles` patches) starts
 * from, which the base branch may have moved on from. One `GET /compare/{base}...{head}` (REST
 * "Compare two commits": `merge_base_commit`), asked with one commit per page.
 */
export async function findMergeBase(
  octokit: GitHubClient,
  repo: RepoRef,
  baseSha: string,
  headSha: string,
): Promise<string> {
  try {
    const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
      ...repo,
      basehead: `${baseSha}...${headSha}`,
      per_page: 1,
    });
    return data.merge_base_commit.sha;
  } catch (error) {
    throw toSourceError(error, "finding the merge base of the pull request");
  }
}
