import { ConfigError } from "../../config/config-error.js";
import type { ChangedFile } from "../../core/change.js";
import type { GateRecord, OverrideRecord } from "../../core/override/override-record.js";
import type { PolicyReport } from "../../core/policy-report.js";
import { assessGitHubPullRequest } from "../../flows/assess-github-pull-request.js";
import { findRequestId } from "../../github/describe-github-error.js";
import { hasLabel } from "../../github/labels.js";
import type { RepoSettings } from "../../github/load-repo-config.js";
import { readRecordedState } from "../../github/override-store.js";
import type { PullRequestData } from "../../github/pull-request-data.js";
import {
  renderGateOutput,
  renderConfigError,
  renderEvaluationError,
  renderReport,
  type CheckRunOutput,
  type Override,
} from "../../render/check-run-output.js";
import { recordAccess, type AppDeps } from "../app-deps.js";
import type { JudgeTarget } from "./judge-target.js";

export interface JudgeOptions {
  /** Settings this event already read: saves a call. */
  settings?: RepoSettings;
  /** The head SHA is new (a push): no override can hold for it, and the override label goes. */
  freshHead?: boolean;
  /** The override already known to hold for this head SHA, or null when known that none does: no look-up. */
  override?: OverrideRecord | null;
  /** Who pushed the head SHA: the sender of the `opened` or `synchronize` delivery, recorded in the check. */
  pushedBy?: string;
}

/** The gate's verdict on a PR, with what it was made of. */
export interface GateAssessment {
  output: CheckRunOutput;
  /** The engine's report, when the PR is a hotfix whose rules ran. */
  report?: PolicyReport;
  settings?: RepoSettings;
  /** The PR's files, when the judgement listed them (a hotfix). */
  files?: ChangedFile[];
  /** The override that holds for the head SHA; only looked for when rules fail. */
  override?: OverrideRecord;
  /** The PR carries the override label but no override holds for its head SHA. */
  staleLabel?: boolean;
  /** What the published check records (signed, see github/override-store.ts); none for a check that could not judge. */
  record?: GateRecord;
  /** Other open PRs with the same head whose verdicts the output accounts for (publish-strictest.ts). */
  sharing?: number[];
}

/**
 * Assesses a PR for the gate: reads and evaluates (the shared flow), looks up the override that
 * the App recorded, and renders the check, without publishing anything; never throws. The
 * records are read (one call) only when a hotfix carries the override label: the label is a hint
 * that saves the call, and a missing label can only make the check stricter. A recorded override
 * is carried into the new check's record whatever the verdict, and shown only when rules fail.
 */
export async function assessPullRequest(
  target: JudgeTarget,
  pr: PullRequestData,
  deps: Pick<AppDeps, "appId" | "recordSeal" | "trackers">,
  options: JudgeOptions = {},
): Promise<GateAssessment> {
  const records = recordAccess(deps);
  try {
    const { report, settings, files } = await assessGitHubPullRequest(
      target.octokit,
      target.repo,
      pr,
      target.defaultBranch,
      {
        trackers: deps.trackers ?? {},
        settings: options.settings,
      },
    );
    const labelled = hasLabel(pr.labels, settings.config.override.label);
    const freshLabel = Boolean(options.freshHead && labelled);
    const base: GateRecord = {
      v: 1,
      repo: `${target.repo.owner}/${target.repo.repo}`,
      pr: pr.number,
      sha: pr.head.sha,
      ...(options.pushedBy ? { pushedBy: options.pushedBy } : {}),
    };
    if (!report.hotfix.hotfix)
      return { output: renderGateOutput(report), settings, staleLabel: freshLabel, record: base };
    const lookUp = options.override === undefined && labelled && !options.freshHead && records !== undefined;
    const recorded =
      options.override ??
      (lookUp ? (await readRecordedState(target.octokit, target.repo, pr, records)).override : undefined);
    const shown = report.verdict === "fail" ? recorded : undefined;
    const output = renderReport(report, shown ? { override: toOverride(shown) } : {});
    return {
      output,
      report,
      settings,
      ...(files ? { files } : {}),
      ...(shown ? { override: shown } : {}),
      staleLabel: freshLabel || (lookUp && !recorded),
      record: recorded ? withOverride(base, recorded) : base,
    };
  } catch (error) {
    if (error instanceof ConfigError) return { output: renderConfigError(error) };
    target.log.error({ err: error, pr: pr.number }, "could not evaluate the pull request");
    return { output: renderEvaluationError(error, findRequestId(error)) };
  }
}

/** The same verdicts with an override on top: the check passes and shows who, when and why. */
export function applyOverride(
  assessment: GateAssessment & { report: PolicyReport; record: GateRecord },
  record: OverrideRecord,
): GateAssessment {
  const output = renderReport(assessment.report, { override: toOverride(record) });
  return {
    ...assessment,
    output,
    override: record,
    staleLabel: false,
    record: withOverride(assessment.record, record),
  };
}

function withOverride(record: GateRecord, override: OverrideRecord): GateRecord {
  const { by, reason, at, comment } = override;
  return { ...record, override: { by, reason, at, comment } };
}

/** Only rule verdicts can be overridden: not a config error, nor a check that could not evaluate. */
export function canBeOverridden(assessment: GateAssessment): boolean {
  return assessment.report?.verdict === "fail" && !assessment.override;
}

function toOverride(record: OverrideRecord): Override {
  return { by: record.by, reason: record.reason, at: record.at };
}
