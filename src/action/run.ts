import { randomUUID } from "node:crypto";
import type { ProbotOctokit } from "probot";
import { GATE_CHECK_NAME, publishCompletedCheck } from "../github/check-runs.js";
import { toSourceError } from "../github/describe-github-error.js";
import { renderTerminal, renderTerminalError } from "../render/terminal.js";
import { createTokenClient } from "../github/create-token-client.js";
import { readInputs, type Inputs } from "./inputs.js";
import { judgePullRequestEvent, type ActionJudgement } from "./judge-event.js";
import { publishResults } from "./publish-results.js";
import { readPullRequestEvent, type PullRequestEvent } from "./read-pull-request-event.js";
import { formatCommand } from "./workflow-commands.js";
import type { TicketTrackers } from "../core/ticket-facts.js";
import { createTicketTrackers } from "../trackers/create-ticket-trackers.js";
import { readTrackerSettings } from "../trackers/read-tracker-settings.js";

/** What the Action takes from its process, injected so that tests need no globals. */
export interface ActionDeps {
  env: Readonly<Record<string, string | undefined>>;
  /** The job log; workflow commands go here too. */
  stdout: (text: string) => void;
  now: () => Date;
  /** The GitHub client class; tests pass one with fast retries. */
  Octokit?: typeof ProbotOctokit;
}

const TITLE = "single-patch-order";

/**
 * The Action: judges the workflow's pull request like the App, then publishes the report to the
 * job (summary, outputs, annotations) and, with `create-check`, as the check run. Jira and Linear
 * settings come from the step's environment, the App's variables (JIRA_URL, LINEAR_API_KEY…). Returns the exit
 * code: 1 when the gate fails (unless `fail-on-error: false`) and on every error, which is also
 * printed as an error annotation. Never throws.
 */
export async function run(deps: ActionDeps): Promise<number> {
  const error = (message: string, title = TITLE) => deps.stdout(formatCommand("error", { title }, message));
  let inputs: Inputs;
  let event: PullRequestEvent;
  let trackers: TicketTrackers;
  try {
    inputs = readInputs(deps.env);
    trackers = createTicketTrackers(readTrackerSettings(deps.env));
    event = await readPullRequestEvent(deps.env);
  } catch (cause) {
    error(cause instanceof Error ? cause.message : String(cause), `${TITLE}: cannot start`);
    return 1;
  }

  const octokit = createTokenClient(inputs.token, deps.env.GITHUB_API_URL || undefined, deps.Octokit);
  const judgement = await judgePullRequestEvent(octokit, event, trackers);
  printReport(judgement, deps.stdout);
  try {
    await publishResults(deps.env, judgement, deps.stdout);
    if (inputs.createCheck) await createCheck(octokit, event, judgement, deps.now());
  } catch (cause) {
    error(cause instanceof Error ? cause.message : String(cause), `${TITLE}: cannot publish the report`);
    return 1;
  }

  if (judgement.error !== undefined) {
    error(`${judgement.output.title}. See the job summary for how to retry.`);
    return 1;
  }
  if (judgement.output.conclusion !== "success") {
    error(
      `The gate fails: ${judgement.output.title}${inputs.failOnError ? "" : " (fail-on-error is false: the job passes)"}`,
    );
    return inputs.failOnError ? 1 : 0;
  }
  return 0;
}

/** The report in the log, between stop-commands markers: PR text can never become a workflow command. */
function printReport(judgement: ActionJudgement, write: (text: string) => void): void {
  const token = randomUUID();
  const text = judgement.report
    ? renderTerminal(judgement.report, { color: false })
    : renderTerminalError(judgement.error);
  write(`::stop-commands::${token}\n${text}::${token}::\n`);
}

async function createCheck(
  octokit: Parameters<typeof publishCompletedCheck>[0],
  event: PullRequestEvent,
  judgement: ActionJudgement,
  now: Date,
): Promise<void> {
  try {
    await publishCompletedCheck(octokit, event.repo, {
      name: GATE_CHECK_NAME,
      headSha: event.pr.head.sha,
      output: judgement.output,
      completedAt: now,
      externalId: String(event.pr.number),
    });
  } catch (cause) {
    const failure = toSourceError(cause, `creating the ${GATE_CHECK_NAME} check run`);
    throw new Error(
      `${failure.message}. The token needs "checks: write" (permissions in the workflow); a pull_request from a fork gets a read-only token, so turn create-check off there or use pull_request_target.`,
      { cause },
    );
  }
}
