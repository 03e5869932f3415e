import type { ProductionFacts } from "../core/deploy/decide-production.js";
import type { DeploymentActor } from "../core/deploy/trusted-creators.js";
import { isEnvironmentIn, shortSha } from "../core/deploy/deployment-decision.js";
import { toSourceError } from "./describe-github-error.js";
import type { GitHubClient, RepoRef } from "./github-client.js";

/** Canary deployments read for one commit; a commit deployed more often than this is judged on the newest. */
const MAX_DEPLOYMENTS = 100;

/**
 * The commit's deployments to any canary environment, each with all its statuses and who created
 * each (`creator.login`, `performed_via_github_app.id`): the gate trusts only some creators.
 */
export async function readProductionFacts(
  octokit: GitHubClient,
  repo: RepoRef,
  sha: string,
  canary: readonly string[],
): Promise<ProductionFacts> {
  try {
    const { data } = await octokit.rest.repos.listDeployments({ ...repo, sha, per_page: MAX_DEPLOYMENTS });
    const deployments = data.filter((d) => isEnvironmentIn(d.environment, canary));
    const canaryDeployments = await Promise.all(
      deployments.map(async (d) => {
        const statuses = await octokit.rest.repos.listDeploymentStatuses({
          ...repo,
          deployment_id: d.id,
          per_page: 100,
        });
        return {
          id: d.id,
          environment: d.environment,
          ...(d.created_at ? { createdAt: new Date(d.created_at) } : {}),
          ...toActor(d),
          statuses: statuses.data.map((s) => ({ state: s.state, createdAt: new Date(s.created_at), ...toActor(s) })),
        };
      }),
    );
    return { sha, canaryDeployments };
  } catch (error) {
    throw toSourceError(error, `reading the canary deployments of ${shortSha(sha)}`);
  }
}

function toActor(made: {
  creator?: { login: string } | null;
  performed_via_github_app?: { id: number } | null;
}): DeploymentActor {
  return {
    ...(made.creator?.login ? { creator: made.creator.login } : {}),
    ...(made.performed_via_github_app?.id === undefined ? {} : { viaAppId: made.performed_via_github_app.id }),
  };
}
