import type { Context } from "probot";
import type { AppDeps } from "./app-deps.js";
import { judgePullRequests } from "./judge-pull-requests.js";
import { parseCommand } from "./parse-command.js";

/** `/spo recheck` in a pull request comment. Comments on issues and from bots are ignored. */
export async function onIssueComment(context: Context<"issue_comment.created">, deps: AppDeps): Promise<void> {
  const { issue, comment } = context.payload;
  if (!issue.pull_request || comment.user?.type === "Bot") return;
  const command = parseCommand(comment.body);
  if (command?.name !== "recheck") return;
  await judgePullRequests(context, deps, [issue.number]);
}
