import type { HeadCheck } from "../core/change.js";
import { toSourceError } from "./describe-github-error.js";
import type { GitHubClient, RepoRef } from "./github-client.js";

/** Check runs and commit statuses on the head commit, as one list of named checks. */
export async function listHeadChecks(octokit: GitHubClient, repo: RepoRef, sha: string): Promise<HeadCheck[]> {
  try {
    const [runs, combined] = await Promise.all([
      octokit.rest.checks.listForRef({ ...repo, ref: sha, per_page: 100, filter: "latest" }),
      octokit.rest.repos.getCombinedStatusForRef({ ...repo, ref: sha, per_page: 100 }),
    ]);
    const fromRuns: HeadCheck[] = runs.data.check_runs.map((run) => ({
      name: run.name,
      status: run.status as HeadCheck["status"],
      conclusion: run.conclusion ?? null,
    }));
    const fromStatuses: HeadCheck[] = combined.data.statuses.map((s) =>
      s.state === "pending"
        ? { name: s.context, status: "pending", conclusion: null }
        : { name: s.context, status: "completed", conclusion: s.state === "error" ? "failure" : s.state },
    );
    return [...fromRuns, ...fromStatuses];
  } catch (error) {
    throw toSourceError(error, "reading the checks on the head commit");
  }
}
