import type { GitHubClient, RepoRef } from "../../github/github-client.js";
import type { Log } from "../app-deps.js";

/** The repository an event is about, with the client and log of that event: what every flow takes. */
export interface JudgeTarget {
  octokit: GitHubClient;
  repo: RepoRef;
  defaultBranch: string;
  /** The repository's id, from the payload: what the open-heads index knows it by (a rename keeps it). */
  repoId?: number;
  log: Log;
}

/** The repository an event is about, as every judgement needs it. */
export function toJudgeTarget(
  context: {
    octokit: GitHubClient;
    repo(): RepoRef;
    log: Log;
    payload: { repository?: { default_branch: string; id?: number } };
  },
  defaultBranch = context.payload.repository?.default_branch ?? "",
): JudgeTarget {
  const repoId = context.payload.repository?.id;
  return {
    octokit: context.octokit,
    repo: context.repo(),
    defaultBranch,
    ...(repoId ? { repoId } : {}),
    log: context.log,
  };
}
