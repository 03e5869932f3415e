import type { Context } from "probot";
import { renderHelp, renderUnknownCommand } from "../render/command-replies.js";
import type { AppDeps } from "./app-deps.js";
import { explainPullRequest } from "./flows/explain-pull-request.js";
import { judgePullRequests } from "./flows/judge-pull-requests.js";
import { overrideFromComment } from "./flows/override-from-comment.js";
import { parseCommand } from "./flows/parse-command.js";
import { replyAtMostOnce } from "./flows/reply-at-most-once.js";

/**
 * `/spo` commands in a new pull request comment. Only `issue_comment.created` is wired: an edited
 * comment never becomes a command, so an edit cannot turn a comment into an override after the
 * fact. Comments on issues and from bots (this App's own replies among them) are ignored. Replies
 * that anyone can ask for (help, an unknown command) go out at most once per person per PR per
 * 10 minutes.
 */
export async function onIssueComment(context: Context<"issue_comment.created">, deps: AppDeps): Promise<void> {
  const { issue, comment } = context.payload;
  const actor = comment.user?.login;
  if (!issue.pull_request || !actor || comment.user?.type === "Bot") return;
  const command = parseCommand(comment.body);
  if (!command) return;
  const reply = (body: string) => replyAtMostOnce(context, deps, issue.number, actor, body);
  switch (command.name) {
    case "recheck":
      return judgePullRequests(context, deps, [issue.number]);
    case "override":
      return overrideFromComment(context, deps, command.reason);
    case "explain":
      return explainPullRequest(context, deps, actor);
    case "help":
      return void (await reply(renderHelp(actor)));
    case "unknown":
      return void (await reply(renderUnknownCommand(actor, command.word)));
  }
}
