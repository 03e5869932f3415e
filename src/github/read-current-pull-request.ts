import { toSourceError } from "./describe-github-error.js";
import type { GitHubClient, RepoRef } from "./github-client.js";
import type { PullRequestData } from "./pull-request-data.js";

export interface CurrentPullRequest {
  pr: PullRequestData;
  /** GitHub answered 304: nothing changed since the delivered copy, which is judged as it is. */
  unchanged: boolean;
}

/**
 * The pull request as it is on GitHub now, asked with a conditional request: `If-Modified-Since`
 * the delivered copy's `updated_at`. GitHub sends `Last-Modified` on a single pull request, equal to
 * its `updated_at` (a recorded answer: hub4j/github-api, src/test/resources/org/kohsuke/github/
 * GHPullRequestTest/wiremock/getUserTest/mappings/6-r_h_g_pulls_263.json), and answers 304 when
 * nothing changed since; "making a conditional request does not count against your primary rate
 * limit if a 304 response is returned" (GitHub's REST best practices). Octokit throws a 304 as a
 * RequestError: it is caught here and means "the delivered copy is current". A copy without a
 * readable `updated_at` is read in full. The resolution is one second, GitHub's: two changes within
 * the same second look alike.
 */
export async function readCurrentPullRequest(
  octokit: GitHubClient,
  repo: RepoRef,
  delivered: PullRequestData,
): Promise<CurrentPullRequest> {
  const since = delivered.updated_at ? Date.parse(delivered.updated_at) : Number.NaN;
  try {
    const { data } = await octokit.rest.pulls.get({
      ...repo,
      pull_number: delivered.number,
      ...(Number.isNaN(since) ? {} : { headers: { "if-modified-since": new Date(since).toUTCString() } }),
    });
    return { pr: data as PullRequestData, unchanged: false };
  } catch (error) {
    if ((error as { status?: number }).status === 304) return { pr: delivered, unchanged: true };
    throw toSourceError(error, `reading pull request #${delivered.number}`);
  }
}
