import type { GitHubClient, RepoRef } from "./github-client.js";

/**
 * A pull request's whole diff, as git prints it (`GET /repos/{owner}/{repo}/pulls/{n}` with
 * `Accept: application/vnd.github.diff`), or why it could not be had. GitHub refuses a diff over
 * 300 files or 20,000 lines with 406 `too_large` ("Sorry, the diff exceeded the maximum number of
 * lines"), which Octokit's retry plugin would retry three times (406 is not in its `doNotRetry`),
 * so the request is sent once. A diff is one test among three: callers record a missing one as a
 * limit of the search (never as a match), so no error is thrown.
 */
export async function readPullDiff(
  octokit: GitHubClient,
  repo: RepoRef,
  number: number,
): Promise<{ diff: string } | { unreadable: string }> {
  try {
    const { data } = await octokit.rest.pulls.get({
      ...repo,
      pull_number: number,
      mediaType: { format: "diff" },
      request: { retries: 0 },
    });
    return { diff: String(data) };
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 406) return { unreadable: `the diff of #${number} is too large for GitHub to send` };
    return {
      unreadable: `the diff of #${number} could not be read (${status ? `GitHub answered ${status}` : "no answer"})`,
    };
  }
}
