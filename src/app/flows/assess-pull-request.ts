import { ConfigError } from "../../config/config-error.js";
import type { ChangedFile } from "../../core/change.js";
import type { OverrideRecord } from "../../core/override/override-record.js";
import type { PolicyReport } from "../../core/policy-report.js";
import { assessGitHubPullRequest } from "../../flows/assess-github-pull-request.js";
import { findRequestId } from "../../github/describe-github-error.js";
import { hasLabel } from "../../github/labels.js";
import type { RepoSettings } from "../../github/load-repo-config.js";
import { findRecordedOverride } from "../../github/overrides.js";
import type { PullRequestData } from "../../github/pull-request-data.js";
import {
  renderGateOutput,
  renderConfigError,
  renderEvaluationError,
  renderReport,
  type CheckRunOutput,
  type Override,
} from "../../render/check-run-output.js";
import type { JudgeTarget } from "./judge-target.js";

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
  /** The PR's files, when the judgement listed them (a hotfix). */
  files?: ChangedFile[];
  /** The override that holds for the head SHA; only looked for when rules fail. */
  override?: OverrideRecord;
  /** The PR carries the override label but no override holds for its head SHA. */
  staleLabel?: boolean;
}

/**
 * Assesses a PR for the gate: reads and evaluates (the shared flow), looks up an override, and
 * renders the check, without publishing anything; never throws. The recorded override is looked
 * up only when rules fail and the PR carries the override label, so a normal judgement costs no
 * extra call.
 */
export async function assessPullRequest(
  target: JudgeTarget,
  pr: PullRequestData,
  appId: number | undefined,
  options: JudgeOptions = {},
): Promise<GateAssessment> {
  try {
    const { report, settings, files } = await assessGitHubPullRequest(
      target.octokit,
      target.repo,
      pr,
      target.defaultBranch,
      options.settings,
    );
    const labelled = hasLabel(pr.labels, settings.config.override.label);
    const freshLabel = Boolean(options.freshHead && labelled);
    if (!report.hotfix.hotfix) return { output: renderGateOutput(report), settings, staleLabel: freshLabel };
    const lookUp =
      report.verdict === "fail" &&
      options.override === undefined &&
      labelled &&
      !options.freshHead &&
      appId !== undefined;
    const known = options.override ?? undefined;
    const override =
      report.verdict !== "fail"
        ? undefined
        : (known ?? (lookUp ? await findRecordedOverride(target.octokit, target.repo, pr, appId) : undefined));
    const output = renderReport(report, override ? { override: toOverride(override) } : {});
    return {
      output,
      report,
      settings,
      ...(files ? { files } : {}),
      ...(override ? { override } : {}),
      staleLabel: freshLabel || (lookUp && !override),
    };
  } catch (error) {
    if (error instanceof ConfigError) return { output: renderConfigError(error) };
    target.log.error({ err: error, pr: pr.number }, "could not evaluate the pull request");
    return { output: renderEvaluationError(error, findRequestId(error)) };
  }
}

/** The same verdicts with an override on top: the check passes and shows who, when and why. */
export function applyOverride(
  assessment: GateAssessment & { report: PolicyReport },
  record: OverrideRecord,
): GateAssessment {
  const output = renderReport(assessment.report, { override: toOverride(record) });
  return { ...assessment, output, override: record, staleLabel: false };
}

/** Only rule verdicts can be overridden: not a config error, nor a check that could not evaluate. */
export function canBeOverridden(assessment: GateAssessment): boolean {
  return assessment.report?.verdict === "fail" && !assessment.override;
}

function toOverride(record: OverrideRecord): Override {
  return { by: record.by, reason: record.reason, at: record.at };
}
