import { toSourceError } from "./describe-github-error.js";
import type { GitHubClient, RepoRef } from "./github-client.js";

/** The fields of an issue comment that the App reads. */
export interface CommentSnapshot {
  id: number;
  body?: string | null;
  user?: { login?: string; type?: string } | null;
  performed_via_github_app?: { id?: number } | null;
}

/** Posts a comment on a pull request (through the issues API) and returns its id. */
export async function postComment(octokit: GitHubClient, repo: RepoRef, number: number, body: string): Promise<number> {
  try {
    const { data } = await octokit.rest.issues.createComment({ ...repo, issue_number: number, body });
    return data.id;
  } catch (error) {
    throw toSourceError(error, `commenting on #${number}`);
  }
}

/**
 * One page of the comments of a pull request's conversation last updated at or after `since`
 * (ISO 8601): at most `RECENT_COMMENTS` of them, one call, however long the conversation is.
 */
export async function listRecentComments(
  octokit: GitHubClient,
  repo: RepoRef,
  number: number,
  since: string,
): Promise<CommentSnapshot[]> {
  try {
    const { data } = await octokit.rest.issues.listComments({
      ...repo,
      issue_number: number,
      since,
      per_page: RECENT_COMMENTS,
    });
    return data.map((c) => ({
      id: c.id,
      body: c.body ?? null,
      user: c.user,
      performed_via_github_app: c.performed_via_github_app ?? null,
    }));
  } catch (error) {
    throw toSourceError(error, `listing the recent comments of #${number}`);
  }
}

/** The most comments one read returns (GitHub's largest page). */
export const RECENT_COMMENTS = 100;

/**
 * Written by this App: a bot user, through this App when its id is known (anyone can type any
 * text into a comment of their own, and another App could post one).
 */
export function isOwnComment(comment: CommentSnapshot, appId: number | undefined): boolean {
  if (comment.user?.type !== "Bot") return false;
  return appId === undefined || comment.performed_via_github_app?.id === appId;
}
