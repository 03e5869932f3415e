import type { CheckFact } from "../core/deploy/decide-canary.js";
import { shortSha } from "../core/deploy/deployment-decision.js";
import { toSourceError } from "./describe-github-error.js";
import type { GitHubClient, RepoRef } from "./github-client.js";

/**
 * The newest check run named `name` on `ref`, created by this App when `appId` is known (another
 * App could publish a check with the same name: it must not open a deployment gate).
 */
export async function findLatestCheck(
  octokit: GitHubClient,
  repo: RepoRef,
  ref: string,
  name: string,
  appId?: number,
): Promise<CheckFact | undefined> {
  try {
    const { data } = await octokit.rest.checks.listForRef({
      ...repo,
      ref,
      check_name: name,
      filter: "latest",
      per_page: 100,
      ...(appId === undefined ? {} : { app_id: appId }),
    });
    const ours = data.check_runs.filter((run) => run.name === name && (appId === undefined || run.app?.id === appId));
    const newest = ours.sort((a, b) => startedAt(b) - startedAt(a))[0];
    return newest ? { status: newest.status, conclusion: newest.conclusion } : undefined;
  } catch (error) {
    throw toSourceError(error, `reading the ${name} check on ${shortSha(ref)}`);
  }
}

function startedAt(run: { started_at?: string | null; completed_at?: string | null }): number {
  return Date.parse(run.completed_at ?? run.started_at ?? "") || 0;
}
