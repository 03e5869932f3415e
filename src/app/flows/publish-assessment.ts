import { GATE_CHECK_NAME, publishCompletedCheck } from "../../github/check-runs.js";
import { formatGateExternalId } from "../../github/gate-external-id.js";
import { removeLabel } from "../../github/labels.js";
import type { PullRequestData } from "../../github/pull-request-data.js";
import { sealRecord } from "../../github/override-store.js";
import { attachRecordLine } from "../../render/check-run-output.js";
import { OVERRIDE_ACTION } from "../../render/override-action.js";
import type { AppDeps } from "../app-deps.js";
import { canBeOverridden, type GateAssessment } from "./assess-pull-request.js";
import type { JudgeTarget } from "./judge-target.js";

/**
 * Publishes an assessment as the PR's `single-patch-order` check on its head SHA, its record
 * signed on the last line of the text (github/override-store.ts); then, best effort, drops an
 * override label that no longer holds. A failing report carries the "Override" button. Throws
 * only when GitHub refuses the check itself.
 */
export async function publishAssessment(
  target: JudgeTarget,
  pr: PullRequestData,
  deps: AppDeps,
  assessment: GateAssessment,
): Promise<void> {
  const seal = deps.recordSeal;
  const output =
    assessment.record && seal
      ? attachRecordLine(assessment.output, sealRecord(seal, assessment.record))
      : assessment.output;
  target.log.info(
    { pr: pr.number, sha: pr.head.sha, conclusion: output.conclusion, overridden: Boolean(assessment.override) },
    `judged #${pr.number}: ${output.title}`,
  );
  await publishCompletedCheck(target.octokit, target.repo, {
    name: GATE_CHECK_NAME,
    headSha: pr.head.sha,
    output,
    completedAt: deps.now(),
    externalId: formatGateExternalId(pr.number, assessment.sharing),
    ...(canBeOverridden(assessment) ? { actions: [{ ...OVERRIDE_ACTION }] } : {}),
  });
  if (assessment.staleLabel && assessment.settings)
    await dropLabel(target, pr.number, assessment.settings.config.override.label);
}

/** Best effort, after the check is published: a label left behind is removed on the next judgement. */
async function dropLabel(target: JudgeTarget, number: number, label: string): Promise<void> {
  try {
    await removeLabel(target.octokit, target.repo, number, label);
  } catch (error) {
    target.log.warn({ err: error, pr: number }, `could not remove the label ${label}`);
  }
}
