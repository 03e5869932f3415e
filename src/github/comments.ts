import type { CommentSnapshot } from "../core/override/override-record.js";
import { toSourceError } from "./describe-github-error.js";
import type { GitHubClient, RepoRef } from "./github-client.js";

/** Posts a comment on a pull request (through the issues API) and returns its id. */
export async function postComment(octokit: GitHubClient, repo: RepoRef, number: number, body: string): Promise<number> {
  try {
    const { data } = await octokit.rest.issues.createComment({ ...repo, issue_number: number, body });
    return data.id;
  } catch (error) {
    throw toSourceError(error, `commenting on #${number}`);
  }
}

/** Every comment of a pull request's conversation, oldest first: one call per 100 comments. */
export async function listComments(octokit: GitHubClient, repo: RepoRef, number: number): Promise<CommentSnapshot[]> {
  try {
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
      ...repo,
      issue_number: number,
      per_page: 100,
    });
    return comments.map((c) => ({
      id: c.id,
      body: c.body ?? null,
      user: c.user,
      performed_via_github_app: c.performed_via_github_app ?? null,
    }));
  } catch (error) {
    throw toSourceError(error, `listing the comments of #${number}`);
  }
}
