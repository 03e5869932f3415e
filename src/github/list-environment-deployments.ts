import type { DeploymentStatusFact } from "../core/deploy/decide-production.js";
import { toSourceError } from "./describe-github-error.js";
import type { GitHubClient, RepoRef } from "./github-client.js";

/** A deployment to one environment, with every status and who made it. */
export interface EnvironmentDeployment {
  id: number;
  sha: string;
  environment: string;
  createdAt: string;
  creator?: string | undefined;
  statuses: DeploymentStatusFact[];
}

/**
 * The deployments to `environment` created since `since` (`GET /repos/{owner}/{repo}/deployments`,
 * newest first, page by page of 100 until one is older, or `maxPages`), each with its statuses
 * (one call per deployment). `complete` is false when `maxPages` cut the list.
 */
export async function listEnvironmentDeployments(
  octokit: GitHubClient,
  repo: RepoRef,
  options: { environment: string; since: Date; until: Date; maxPages: number },
): Promise<{ deployments: EnvironmentDeployment[]; complete: boolean }> {
  const deployments: EnvironmentDeployment[] = [];
  try {
    for (let page = 1; page <= options.maxPages; page++) {
      const { data } = await octokit.rest.repos.listDeployments({
        ...repo,
        environment: options.environment,
        per_page: 100,
        page,
      });
      for (const d of data) {
        const created = Date.parse(d.created_at);
        if (created < options.since.getTime() || created > options.until.getTime()) continue;
        const statuses = await octokit.rest.repos.listDeploymentStatuses({
          ...repo,
          deployment_id: d.id,
          per_page: 100,
        });
        deployments.push({
          id: d.id,
          sha: d.sha,
          environment: d.environment,
          createdAt: d.created_at,
          ...(d.creator?.login ? { creator: d.creator.login } : {}),
          statuses: statuses.data.map((s) => ({
            state: s.state,
            createdAt: new Date(s.created_at),
            ...(s.creator?.login ? { creator: s.creator.login } : {}),
          })),
        });
      }
      const oldest = data.at(-1);
      if (data.length < 100 || !oldest || Date.parse(oldest.created_at) < options.since.getTime())
        return { deployments, complete: true };
    }
    return { deployments, complete: false };
  } catch (error) {
    throw toSourceError(error, `listing the deployments to ${options.environment}`);
  }
}
