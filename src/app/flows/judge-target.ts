import type { GitHubClient, RepoRef } from "../../github/github-client.js";
import type { Log } from "../app-deps.js";

/** The repository an event is about, with the client and log of that event: what every flow takes. */
export interface JudgeTarget {
  octokit: GitHubClient;
  repo: RepoRef;
  defaultBranch: string;
  log: Log;
}

/** The repository an event is about, as every judgement needs it. */
export function toJudgeTarget(
  context: { octokit: GitHubClient; repo(): RepoRef; log: Log; payload: { repository?: { default_branch: string } } },
  defaultBranch = context.payload.repository?.default_branch ?? "",
): JudgeTarget {
  return { octokit: context.octokit, repo: context.repo(), defaultBranch, log: context.log };
}
