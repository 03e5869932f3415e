import type { Context } from "probot";
import type { PullRequestData } from "../sources/github-pr-source.js";
import type { AppDeps } from "./app-deps.js";
import { judgePullRequest } from "./judge-pull-request.js";

/** The pull_request actions that can change a verdict. */
export const PULL_REQUEST_TRIGGERS = [
  "pull_request.opened",
  "pull_request.reopened",
  "pull_request.synchronize",
  "pull_request.edited",
  "pull_request.labeled",
  "pull_request.unlabeled",
  "pull_request.ready_for_review",
] as const;

/** Judges the PR straight from the payload: no extra call to read the PR. */
export async function onPullRequest(context: Context<"pull_request">, deps: AppDeps): Promise<void> {
  const { pull_request: pr, repository } = context.payload;
  if (pr.state === "closed") return;
  await judgePullRequest(
    { octokit: context.octokit, repo: context.repo(), defaultBranch: repository.default_branch, log: context.log },
    pr as PullRequestData,
    deps,
  );
}
