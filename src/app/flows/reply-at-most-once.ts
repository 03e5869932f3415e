import { postComment } from "../../github/comments.js";
import type { GitHubClient, RepoRef } from "../../github/github-client.js";
import type { AppDeps, Log } from "../app-deps.js";
import { toReplyKey } from "../reply-limiter.js";

/** The part of an event's context a reply needs. */
export interface ReplyContext {
  octokit: GitHubClient;
  repo(): RepoRef;
  log: Log;
}

/**
 * Posts a reply that anyone can ask for (help, an unknown command, a refused override) unless
 * this person already got one on this pull request within the window (reply-limiter.ts); then
 * nothing is posted and the delivery ends quietly. Returns whether the reply was posted.
 */
export async function replyAtMostOnce(
  context: ReplyContext,
  deps: AppDeps,
  number: number,
  actor: string,
  body: string,
): Promise<boolean> {
  const repo = context.repo();
  const allowed = deps.replyLimiter ? await deps.replyLimiter.claim(toReplyKey(repo, number, actor)) : true;
  if (!allowed) {
    context.log.info(
      { pr: number, actor },
      "a reply to this person on this pull request was posted recently: not again",
    );
    return false;
  }
  await postComment(context.octokit, repo, number, body);
  return true;
}
