import { toSourceError } from "./describe-github-error.js";
import type { GitHubClient, RepoRef } from "./github-client.js";

/**
 * The commit a ref (tag, branch or SHA) points at. An annotated tag resolves to its commit.
 * `per_page: 1` keeps GitHub from sending the commit's file list.
 */
export async function resolveCommitSha(octokit: GitHubClient, repo: RepoRef, ref: string): Promise<string> {
  try {
    const { data } = await octokit.rest.repos.getCommit({ ...repo, ref, per_page: 1 });
    return data.sha;
  } catch (error) {
    throw toSourceError(error, `resolving ${ref} to a commit`);
  }
}
