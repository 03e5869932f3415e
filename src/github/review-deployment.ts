import { toReviewState } from "../core/to-conclusion.js";
import type { DeploymentDecision } from "../core/deploy/deployment-decision.js";
import { toSourceError } from "./describe-github-error.js";
import type { GitHubClient, RepoRef } from "./github-client.js";

/** `…/actions/runs/<run_id>/deployment_protection_rule`, as GitHub sends it in `deployment_callback_url`. */
const CALLBACK_PATH = /\/actions\/runs\/(\d+)\/deployment_protection_rule\/?(?:[?#].*)?$/;

/** The workflow run id in a `deployment_callback_url`, or undefined when the URL has none. */
export function parseRunId(callbackUrl: string | undefined | null): number | undefined {
  const match = callbackUrl ? CALLBACK_PATH.exec(callbackUrl) : null;
  const id = match?.[1] ? Number(match[1]) : NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

export interface DeploymentReview {
  runId: number;
  environment: string;
  decision: DeploymentDecision;
  /** Already within GitHub's limit (see render/deployment-messages.ts). */
  comment: string;
}

/**
 * Approves or rejects a job waiting on this App's custom deployment protection rule
 * (`POST /repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule`), as the installation.
 */
export async function reviewDeployment(octokit: GitHubClient, repo: RepoRef, review: DeploymentReview): Promise<void> {
  try {
    await octokit.rest.actions.reviewCustomGatesForRun({
      ...repo,
      run_id: review.runId,
      environment_name: review.environment,
      state: toReviewState(review.decision),
      comment: review.comment,
    });
  } catch (error) {
    throw toSourceError(error, `sending the ${toReviewState(review.decision)} review for run ${review.runId}`);
  }
}
