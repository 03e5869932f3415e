import type { Context } from "probot";
import type { DeploymentDecision } from "../core/deploy/deployment-decision.js";
import { toReviewState } from "../core/to-conclusion.js";
import { parseRunId, reviewDeployment } from "../github/review-deployment.js";
import { renderReviewComment } from "../render/deployment-messages.js";
import type { AppDeps } from "./app-deps.js";
import { assessDeployment, type DeploymentAssessment } from "./flows/assess-deployment.js";
import { recordEvidence } from "./flows/record-evidence.js";

/**
 * A job waits on this App's custom deployment protection rule: decide and answer with a review on
 * the run named by `deployment_callback_url`. Every path ends in a review; a review that GitHub
 * refuses is logged (there is no other channel to answer on). A production decision then writes
 * its evidence run (record-evidence.ts), after the review, so evidence can never delay or change it.
 */
export async function onDeploymentProtectionRule(
  context: Context<"deployment_protection_rule.requested">,
  deps: AppDeps,
): Promise<void> {
  const payload = context.payload;
  const runId = parseRunId(payload.deployment_callback_url);
  const environment = payload.environment;
  if (!runId || !environment) {
    context.log.error(
      { callbackUrl: payload.deployment_callback_url, environment },
      "deployment_protection_rule without a run id or environment: nothing to answer",
    );
    return;
  }
  // Newer payloads also carry the commit at the top level, for jobs that create no deployment.
  const sha = payload.deployment?.sha ?? (payload as { sha?: string }).sha;
  const repo = context.repo();
  const assessment: DeploymentAssessment | undefined = sha
    ? await assessDeployment(
        context.octokit,
        repo,
        { sha, environment, defaultBranch: payload.repository.default_branch },
        deps,
        context.log,
      )
    : undefined;
  const decision: DeploymentDecision = assessment?.decision ?? {
    allowed: false,
    reason: "The protection rule request names no commit, so there is nothing to judge.",
  };
  const state = toReviewState(decision);
  let reviewed = false;
  try {
    await reviewDeployment(context.octokit, repo, {
      runId,
      environment,
      decision,
      comment: renderReviewComment(environment, decision),
    });
    reviewed = true;
    context.log.info(
      { runId, environment, sha, state },
      `${state} ${environment} for run ${runId}: ${decision.reason}`,
    );
  } catch (error) {
    context.log.error(
      { err: error, runId, environment, sha, state },
      `could not send the ${state} review for run ${runId}`,
    );
  }
  // Evidence is of decisions GitHub recorded: a review it refused left the job waiting, decided by nobody.
  if (reviewed && sha && assessment) {
    const deploymentId = payload.deployment?.id;
    await recordEvidence(
      context.octokit,
      { repo, sha, environment, source: "protection-rule", deploymentId, assessment, decidedAt: deps.now() },
      deps,
      context.log,
    );
  }
}
