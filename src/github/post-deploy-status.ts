import { shortSha, type DeploymentDecision } from "../core/deploy/deployment-decision.js";
import { toDeployStatusState } from "../core/to-conclusion.js";
import { toSourceError } from "./describe-github-error.js";
import type { GitHubClient, RepoRef } from "./github-client.js";

/** Commit status contexts are `single-patch-order/deploy/<environment>`: a deploy job waits on its own. */
export const DEPLOY_STATUS_PREFIX = "single-patch-order/deploy/";

export function deployStatusContext(environment: string): string {
  return `${DEPLOY_STATUS_PREFIX}${environment}`;
}

/** Posts the decision as a commit status on `sha`. `description` must already fit GitHub's 140 characters. */
export async function postDeployStatus(
  octokit: GitHubClient,
  repo: RepoRef,
  status: { sha: string; environment: string; decision: DeploymentDecision; description: string },
): Promise<void> {
  try {
    await octokit.rest.repos.createCommitStatus({
      ...repo,
      sha: status.sha,
      state: toDeployStatusState(status.decision),
      context: deployStatusContext(status.environment),
      description: status.description,
    });
  } catch (error) {
    throw toSourceError(
      error,
      `posting the ${deployStatusContext(status.environment)} status on ${shortSha(status.sha)}`,
    );
  }
}
