import { toSourceError } from "./describe-github-error.js";
import type { GitHubClient, RepoRef } from "./github-client.js";

/** The repository's default branch (`GET /repos/{owner}/{repo}`): where its config is read from. */
export async function readDefaultBranch(octokit: GitHubClient, repo: RepoRef): Promise<string> {
  try {
    const { data } = await octokit.rest.repos.get({ ...repo });
    return data.default_branch;
  } catch (error) {
    throw toSourceError(error, `reading ${repo.owner}/${repo.repo}`);
  }
}
