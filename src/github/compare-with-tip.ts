import { toSourceError } from "./describe-github-error.js";
import type { GitHubClient, RepoRef } from "./github-client.js";

/**
 * Whether `tip` contains the commit `sha` (`GET /repos/{owner}/{repo}/compare/{sha}...{tip}`:
 * `ahead` or `identical` means `sha` is an ancestor of `tip`). A commit GitHub does not know is not
 * contained. `per_page: 1` keeps the answer small.
 */
export async function isContainedIn(octokit: GitHubClient, repo: RepoRef, sha: string, tip: string): Promise<boolean> {
  try {
    const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
      ...repo,
      basehead: `${sha}...${tip}`,
      per_page: 1,
    });
    return data.status === "ahead" || data.status === "identical";
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 404 || status === 422) return false;
    throw toSourceError(error, `comparing ${sha.slice(0, 7)} with ${tip}`);
  }
}

/**
 * When the history of `tip` left `base`: the committer date of their merge base (the same compare).
 * For a release, `base` is the previous release: on the same line, the merge base is that release;
 * on another line (a release branch), it is where that branch left `tip`'s line.
 */
export async function findMergeBaseDate(
  octokit: GitHubClient,
  repo: RepoRef,
  base: string,
  tip: string,
): Promise<string | undefined> {
  try {
    const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
      ...repo,
      basehead: `${base}...${tip}`,
      per_page: 1,
    });
    return data.merge_base_commit.commit.committer?.date ?? data.merge_base_commit.commit.author?.date ?? undefined;
  } catch (error) {
    throw toSourceError(error, `comparing ${base.slice(0, 7)} with ${tip.slice(0, 7)}`);
  }
}
