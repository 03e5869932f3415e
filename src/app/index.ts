import type { ApplicationFunction, Probot } from "probot";
import type { AppDeps } from "./app-deps.js";
import { onCheckRunCompleted } from "./on-check-completed.js";
import { onCheckRunRerequested, onCheckSuiteRerequested } from "./on-check-rerun.js";
import { onIssueComment } from "./on-issue-comment.js";
import { onMergeGroup } from "./on-merge-group.js";
import { onPullRequest, PULL_REQUEST_TRIGGERS } from "./on-pull-request.js";

/** Wires events to handlers. No logic here: each handler translates its event and delegates. */
export function createApp(deps: AppDeps): ApplicationFunction {
  return (app: Probot) => {
    app.on([...PULL_REQUEST_TRIGGERS], (context) => onPullRequest(context, deps));
    app.on("check_run.rerequested", (context) => onCheckRunRerequested(context, deps));
    app.on("check_suite.rerequested", (context) => onCheckSuiteRerequested(context, deps));
    app.on("check_run.completed", (context) => onCheckRunCompleted(context, deps));
    app.on("issue_comment.created", (context) => onIssueComment(context, deps));
    app.on("merge_group.checks_requested", (context) => onMergeGroup(context, deps));
  };
}

export default createApp({ now: () => new Date(), ...(process.env.APP_ID ? { appId: Number(process.env.APP_ID) } : {}) });
