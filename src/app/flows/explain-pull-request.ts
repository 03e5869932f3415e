import type { Context } from "probot";
import { postComment } from "../../github/comments.js";
import { getPullRequest } from "../../github/find-pull-requests.js";
import { readRepoRole } from "../../github/permissions.js";
import { renderExplain, renderExplainRefused } from "../../render/command-replies.js";
import type { AppDeps } from "../app-deps.js";
import { assessPullRequest } from "./assess-pull-request.js";
import { toJudgeTarget } from "./judge-target.js";
import { replyAtMostOnce } from "./reply-at-most-once.js";

/** Roles that get `/spo explain` (SPEC §8: writers only); `permission` is the legacy base, where maintain reads as write. */
const WRITER_ROLES = new Set(["admin", "maintain", "write"]);

/**
 * `/spo explain`: the gate's current report (an override included) as a comment; nothing is
 * published. It answers people with write access or more (one permission read): a full report
 * costs reads and a large comment, so anyone else gets a short pointer to the check, at most once
 * per person per PR per window.
 */
export async function explainPullRequest(
  context: Context<"issue_comment.created">,
  deps: AppDeps,
  actor: string,
): Promise<void> {
  const repo = context.repo();
  const number = context.payload.issue.number;
  const role = await readRepoRole(context.octokit, repo, actor);
  if (!WRITER_ROLES.has(role.name.toLowerCase()) && role.permission !== "admin" && role.permission !== "write") {
    await replyAtMostOnce(context, deps, number, actor, renderExplainRefused(actor));
    return;
  }
  const pr = await getPullRequest(context.octokit, repo, number);
  const target = toJudgeTarget(context);
  const { output } = await assessPullRequest(target, pr, deps);
  await postComment(context.octokit, repo, pr.number, renderExplain(actor, pr.head.sha, output));
}
