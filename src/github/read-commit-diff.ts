import type { GitHubClient, RepoRef } from "./github-client.js";

/**
 * One commit's diff, as git prints it (`GET /repos/{owner}/{repo}/commits/{sha}`
 * with `Accept: application/vnd.github.diff`), or why it could not be had. Sent once, as
 * read-pull-diff.ts explains; a missing diff is a limit of the search, so nothing is thrown.
 */
export async function readCommitDiff(
  octokit: GitHubClient,
  repo: RepoRef,
  sha: string,
): Promise<{ diff: string } | { unreadable: string }> {
  try {
    const { data } = await octokit.rest.repos.getCommit({
      ...repo,
      ref: sha,
      mediaType: { format: "diff" },
      request: { retries: 0 },
    });
    return { diff: String(data) };
  } catch (error) {
    const status = (error as { status?: number }).status;
    return {
      unreadable: `the diff of commit ${sha.slice(0, 7)} could not be read (${status ? `GitHub answered ${status}` : "no answer"})`,
    };
  }
}
