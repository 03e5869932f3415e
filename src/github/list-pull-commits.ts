import type { CommitFact } from "../core/forward-port/twin-facts.js";
import { toSourceError } from "./describe-github-error.js";
import type { GitHubClient, RepoRef } from "./github-client.js";

/** GitHub lists at most 250 commits of a pull request (`GET /repos/{owner}/{repo}/pulls/{n}/commits`). */
const MAX_PAGES = 3;

export interface PullCommit extends CommitFact {
  /** ISO author date: a cherry-pick keeps the author date of the commit it copies. */
  authoredAt: string;
}

/** A pull request's commits, oldest first (as GitHub lists them), with their messages. */
export async function listPullCommits(
  octokit: GitHubClient,
  repo: RepoRef,
  number: number,
): Promise<{ commits: PullCommit[]; complete: boolean }> {
  const commits: PullCommit[] = [];
  try {
    for (let page = 1; page <= MAX_PAGES; page++) {
      const { data } = await octokit.rest.pulls.listCommits({ ...repo, pull_number: number, per_page: 100, page });
      commits.push(
        ...data.map((c) => ({
          sha: c.sha,
          message: c.commit.message,
          authoredAt: c.commit.author?.date ?? c.commit.committer?.date ?? "",
        })),
      );
      if (data.length < 100) return { commits, complete: true };
    }
  } catch (error) {
    throw toSourceError(error, `listing the commits of pull request #${number}`);
  }
  return { commits, complete: false };
}
