import type { ReviewFact } from "../core/evidence/approving-reviewers.js";
import { toSourceError } from "./describe-github-error.js";
import type { GitHubClient, RepoRef } from "./github-client.js";

/** Reviews read for one pull request; past this many, the newest are what GitHub returns last and may be missed. */
const MAX_PAGES = 10;

/**
 * Every review of a pull request (`GET /repos/{owner}/{repo}/pulls/{n}/reviews`, oldest first),
 * page by page of 100: who reviewed, how, and when. What evidence needs to name the approvers.
 */
export async function listPullReviews(octokit: GitHubClient, repo: RepoRef, number: number): Promise<ReviewFact[]> {
  const reviews: ReviewFact[] = [];
  try {
    for (let page = 1; page <= MAX_PAGES; page++) {
      const { data } = await octokit.rest.pulls.listReviews({ ...repo, pull_number: number, per_page: 100, page });
      for (const review of data)
        reviews.push({
          id: review.id,
          state: review.state,
          ...(review.user?.login ? { login: review.user.login } : {}),
          ...(review.submitted_at ? { submittedAt: review.submitted_at } : {}),
        });
      if (data.length < 100) break;
    }
    return reviews;
  } catch (error) {
    throw toSourceError(error, `listing the reviews of pull request #${number}`);
  }
}
