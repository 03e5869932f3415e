import { ConfigError } from "../config/config-error.js";
import type { OverrideRecord } from "../core/override/override-record.js";
import type { PolicyReport } from "../core/policy-report.js";
import { findRequestId } from "../github/describe-github-error.js";
import { GATE_CHECK_NAME, publishCompletedCheck } from "../github/check-runs.js";
import type { GitHubClient, RepoRef } from "../github/github-client.js";
import { hasLabel, removeLabel } from "../github/labels.js";
import type { RepoSettings } from "../github/load-repo-config.js";
import { findRecordedOverride } from "../github/overrides.js";
import { renderGateOutput, renderConfigError, renderEvaluationError, renderReport, type CheckRunOutput, type Override } from "../render/check-run-output.js";
import { OVERRIDE_ACTION } from "../render/override-action.js";
import type { PullRequestData } from "../github/pull-request-data.js";
import { assessGitHubPullRequest } from "../flows/assess-github-pull-request.js";
import type { AppDeps, Log } from "./app-deps.js";

export interface JudgeTarget {
  octokit: GitHubClient;
  repo: RepoRef;
  defaultBranch: string;
  log: Log;
}

/** The repository an event is about, as every judgement needs it. */
export function toJudgeTarget(
  context: { octokit: GitHubClient; repo(): RepoRef; log: Log; payload: { repository?: { default_branch: string } } },
  defaultBranch = context.payload.repository?.default_branch ?? "",
): JudgeTarget {
  return { octokit: context.octokit, repo: context.repo(), defaultBranch, log: context.log };
}

export interface JudgeOptions {
  /** Settings this event already read: saves a call. */
  settings?: RepoSettings;
  /** The head SHA is new (a push): no override can hold for it, and the override label goes. */
  freshHead?: boolean;
  /** The override already known to hold for this head SHA, or null when known that none does: no look-up. */
  override?: OverrideRecord | null;
}

/** The gate's verdict on a PR, with what it was made of. */
export interface GateAssessment {
  output: CheckRunOutput;
  /** The engine's report, when the PR is a hotfix whose rules ran. */
  report?: PolicyReport;
  settings?: RepoSettings;
  /** The override that holds for the head SHA; only looked for when rules fail. */
  override?: OverrideRecord;
  /** The PR carries the override label but no override holds for its head SHA. */
  staleLabel?: boolean;
}

/**
 * Judges one pull request and publishes the `single-patch-order` check on its head SHA. Owns
 * failure: a config error, a GitHub error or a bug each complete the check as `failure` with what
 * went wrong and how to retry. Only when GitHub refuses the check itself does this throw.
 * A failing report carries the "Override" button; an override that holds for the head SHA turns
 * the check into `success` with every rule's real verdict kept.
 */
export async function judgePullRequest(target: JudgeTarget, pr: PullRequestData, deps: AppDeps, options: JudgeOptions = {}): Promise<GateAssessment> {
  const assessment = await assessPullRequest(target, pr, deps.appId, options);
  await publishAssessment(target, pr, deps, assessment);
  return assessment;
}

/** Publishes an assessment as the PR's check; then, best effort, drops an override label that no longer holds. */
export async function publishAssessment(target: JudgeTarget, pr: PullRequestData, deps: AppDeps, assessment: GateAssessment): Promise<void> {
  const { output } = assessment;
  target.log.info({ pr: pr.number, sha: pr.head.sha, conclusion: output.conclusion, overridden: Boolean(assessment.override) }, `judged #${pr.number}: ${output.title}`);
  await publishCompletedCheck(target.octokit, target.repo, {
    name: GATE_CHECK_NAME,
    headSha: pr.head.sha,
    output,
    completedAt: deps.now(),
    externalId: String(pr.number),
    ...(canBeOverridden(assessment) ? { actions: [{ ...OVERRIDE_ACTION }] } : {}),
  });
  if (assessment.staleLabel && assessment.settings) await dropLabel(target, pr.number, assessment.settings.config.override.label);
}

/** The same verdicts with an override on top: the check passes and shows who, when and why. */
export function applyOverride(assessment: GateAssessment & { report: PolicyReport }, record: OverrideRecord): GateAssessment {
  const output = renderReport(assessment.report, { override: toOverride(record) });
  return { ...assessment, output, override: record, staleLabel: false };
}

/**
 * Judges a PR without publishing anything; never throws. The recorded override is looked up only
 * when rules fail and the PR carries the override label, so a normal judgement costs no extra call.
 */
export async function assessPullRequest(target: JudgeTarget, pr: PullRequestData, appId: number | undefined, options: JudgeOptions = {}): Promise<GateAssessment> {
  try {
    const { report, settings } = await assessGitHubPullRequest(target.octokit, target.repo, pr, target.defaultBranch, options.settings);
    const labelled = hasLabel(pr.labels, settings.config.override.label);
    const freshLabel = Boolean(options.freshHead && labelled);
    if (!report.hotfix.hotfix) return { output: renderGateOutput(report), settings, staleLabel: freshLabel };
    const lookUp = report.verdict === "fail" && options.override === undefined && labelled && !options.freshHead && appId !== undefined;
    const known = options.override ?? undefined;
    const override = report.verdict !== "fail" ? undefined : (known ?? (lookUp ? await findRecordedOverride(target.octokit, target.repo, pr, appId) : undefined));
    const output = renderReport(report, override ? { override: toOverride(override) } : {});
    return { output, report, settings, ...(override ? { override } : {}), staleLabel: freshLabel || (lookUp && !override) };
  } catch (error) {
    if (error instanceof ConfigError) return { output: renderConfigError(error) };
    target.log.error({ err: error, pr: pr.number }, "could not evaluate the pull request");
    return { output: renderEvaluationError(error, findRequestId(error)) };
  }
}

/** Only rule verdicts can be overridden: not a config error, nor a check that could not evaluate. */
export function canBeOverridden(assessment: GateAssessment): boolean {
  return assessment.report?.verdict === "fail" && !assessment.override;
}

function toOverride(record: OverrideRecord): Override {
  return { by: record.by, reason: record.reason, at: record.at };
}

/** Best effort, after the check is published: a label left behind is removed on the next judgement. */
async function dropLabel(target: JudgeTarget, number: number, label: string): Promise<void> {
  try {
    await removeLabel(target.octokit, target.repo, number, label);
  } catch (error) {
    target.log.warn({ err: error, pr: number }, `could not remove the label ${label}`);
  }
}
