import { SourceError } from "../core/errors.js";
import { shortSha } from "../core/deploy/deployment-decision.js";
import { findRequestId, toSourceError } from "./describe-github-error.js";
import type { GitHubClient, RepoRef } from "./github-client.js";

/** A pull request of this repository that contains a commit. */
export interface CommitPull {
  number: number;
  /** `open` or `closed` (a merged PR is closed, with `mergedAt`). */
  state: string;
  title: string;
  body: string;
  labels: string[];
  headRef: string;
  headSha: string;
  baseRef: string;
  /** The commit the merge produced on the base; null until merged (or a test merge while open). */
  mergeCommitSha: string | null;
  mergedAt: string | null;
  htmlUrl: string;
  /** `user.login`; absent for a deleted account. */
  author?: string | undefined;
  /** ISO 8601: when it was opened. */
  createdAt?: string | undefined;
}

/**
 * The pull requests GitHub associates with a commit (`GET /repos/{owner}/{repo}/commits/{sha}/pulls`).
 * A commit the repository does not have is a SourceError that says so, not an empty list.
 */
export async function listCommitPulls(octokit: GitHubClient, repo: RepoRef, sha: string): Promise<CommitPull[]> {
  try {
    const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
      ...repo,
      commit_sha: sha,
      per_page: 100,
    });
    return data.map((pr) => ({
      number: pr.number,
      state: pr.state,
      title: pr.title,
      body: pr.body ?? "",
      labels: pr.labels.map((l) => l.name).filter((n): n is string => Boolean(n)),
      headRef: pr.head.ref,
      headSha: pr.head.sha,
      baseRef: pr.base.ref,
      mergeCommitSha: pr.merge_commit_sha ?? null,
      mergedAt: pr.merged_at ?? null,
      htmlUrl: pr.html_url,
      ...(pr.user?.login ? { author: pr.user.login } : {}),
      ...(pr.created_at ? { createdAt: pr.created_at } : {}),
    }));
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 422 || status === 404) {
      throw new SourceError(
        `Commit ${shortSha(sha)} was not found in ${repo.owner}/${repo.repo}`,
        false,
        findRequestId(error),
        { cause: error },
      );
    }
    throw toSourceError(error, `listing the pull requests of ${shortSha(sha)}`);
  }
}

/** How a pull request relates to a deployed commit: its head, its merge result, or neither. */
export function findRole(pr: CommitPull, sha: string): "head" | "merge" | undefined {
  if (pr.headSha === sha) return "head";
  if (pr.mergedAt && pr.mergeCommitSha === sha) return "merge";
  return undefined;
}
