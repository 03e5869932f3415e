import type { ApplicationFunction, ApplicationFunctionOptions, Probot } from "probot";
import { createBotLoginReader } from "../github/read-app-bot-login.js";
import { createKeyMemory, type AppDeps } from "./app-deps.js";
import { createMemoryReplyLimiter } from "./reply-limiter.js";
import { createGateHandler } from "./routes/gate-endpoint.js";
import { onCheckRunRequestedAction } from "./on-check-run-action.js";
import { onCheckRunCompleted } from "./on-check-completed.js";
import { onDeploymentCreated } from "./on-deployment.js";
import { onDeploymentProtectionRule } from "./on-deployment-protection-rule.js";
import { onDeploymentStatus } from "./on-deployment-status.js";
import { onCheckRunRerequested, onCheckSuiteRerequested } from "./on-check-rerun.js";
import { onIssueComment } from "./on-issue-comment.js";
import { onMergeGroup } from "./on-merge-group.js";
import { onPullRequest, PULL_REQUEST_TRIGGERS } from "./on-pull-request.js";
import { onPullRequestClosed } from "./on-pull-request-closed.js";
import { onRelease, RELEASE_TRIGGERS } from "./on-release.js";
import { onStatus } from "./on-status.js";

/** Wires events to handlers. No logic here: each handler translates its event and delegates. */
export function createApp(given: AppDeps): ApplicationFunction {
  return (app: Probot, options?: ApplicationFunctionOptions) => {
    const deps: AppDeps = {
      ...given,
      replyLimiter: given.replyLimiter ?? createMemoryReplyLimiter(given.now),
      botLogin: given.botLogin ?? createBotLoginReader(app),
      evidenceKeys: given.evidenceKeys ?? createKeyMemory(),
    };
    app.on([...PULL_REQUEST_TRIGGERS], (context) => onPullRequest(context, deps));
    app.on("pull_request.closed", (context) => onPullRequestClosed(context, deps));
    app.on("check_run.rerequested", (context) => onCheckRunRerequested(context, deps));
    app.on("check_suite.rerequested", (context) => onCheckSuiteRerequested(context, deps));
    app.on("check_run.completed", (context) => onCheckRunCompleted(context, deps));
    app.on("check_run.requested_action", (context) => onCheckRunRequestedAction(context, deps));
    app.on("issue_comment.created", (context) => onIssueComment(context, deps));
    app.on("merge_group.checks_requested", (context) => onMergeGroup(context, deps));
    app.on([...RELEASE_TRIGGERS], (context) => onRelease(context, deps));
    app.on("deployment_protection_rule.requested", (context) => onDeploymentProtectionRule(context, deps));
    app.on("deployment.created", (context) => onDeploymentCreated(context, deps));
    app.on("deployment_status.created", (context) => onDeploymentStatus(context, deps));
    app.on("status", (context) => onStatus(context, deps));
    if (deps.gateToken) options?.addHandler(createGateHandler({ token: deps.gateToken, app, deps }));
  };
}
