import { ConfigError } from "../config/config-error.js";
import type { PolicyReport } from "../core/policy-report.js";
import type { TicketTrackers } from "../core/ticket-facts.js";
import { findRequestId } from "../github/describe-github-error.js";
import type { GitHubClient } from "../github/github-client.js";
import {
  renderGateOutput,
  renderConfigError,
  renderEvaluationError,
  type CheckRunOutput,
} from "../render/check-run-output.js";
import { assessGitHubPullRequest } from "../flows/assess-github-pull-request.js";
import type { PullRequestEvent } from "./read-pull-request-event.js";

export interface ActionJudgement {
  /** What the App would publish: the report, or the config/evaluation error as a failing check. */
  output: CheckRunOutput;
  /** The report, when the pull request could be judged. */
  report?: PolicyReport;
  /** Why it could not be judged; the job fails whatever `fail-on-error` says. */
  error?: unknown;
}

/** Judges the event's pull request like the App; never throws, so that every outcome is published. */
export async function judgePullRequestEvent(
  octokit: GitHubClient,
  event: PullRequestEvent,
  trackers: TicketTrackers,
): Promise<ActionJudgement> {
  try {
    const { report } = await assessGitHubPullRequest(octokit, event.repo, event.pr, event.defaultBranch, { trackers });
    return { report, output: renderGateOutput(report) };
  } catch (error) {
    const output =
      error instanceof ConfigError ? renderConfigError(error) : renderEvaluationError(error, findRequestId(error));
    return { output, error };
  }
}
