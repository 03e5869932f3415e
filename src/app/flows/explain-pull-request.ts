import type { Context } from "probot";
import { postComment } from "../../github/comments.js";
import { getPullRequest } from "../../github/find-pull-requests.js";
import { renderExplain } from "../../render/command-replies.js";
import type { AppDeps } from "../app-deps.js";
import { assessPullRequest } from "./assess-pull-request.js";
import { toJudgeTarget } from "./judge-target.js";

/** `/spo explain`: the gate's current report (an override included) as a comment; nothing is published. */
export async function explainPullRequest(
  context: Context<"issue_comment.created">,
  deps: AppDeps,
  actor: string,
): Promise<void> {
  const repo = context.repo();
  const pr = await getPullRequest(context.octokit, repo, context.payload.issue.number);
  const target = toJudgeTarget(context);
  const { output } = await assessPullRequest(target, pr, deps);
  await postComment(context.octokit, repo, pr.number, renderExplain(actor, pr.head.sha, output));
}
