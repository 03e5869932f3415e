import type { CommitFact } from "../core/forward-port/twin-facts.js";
import { toSourceError } from "./describe-github-error.js";
import type { GitHubClient, RepoRef } from "./github-client.js";

/** Commits read from a branch or commit: 3 pages of 100. */
export const MAX_BRANCH_COMMITS = 300;

/**
 * The commits `tip` (a branch or a SHA) contains, newest first, committed at or after `since`
 * (`GET /repos/{owner}/{repo}/commits?sha=…&since=…`; GitHub filters on the committer date, and a
 * cherry-pick is committed when it is made). At most MAX_BRANCH_COMMITS; `complete` says whether
 * that was all.
 */
export async function listBranchCommits(
  octokit: GitHubClient,
  repo: RepoRef,
  tip: string,
  since: string,
): Promise<{ commits: CommitFact[]; complete: boolean }> {
  const commits: CommitFact[] = [];
  try {
    for (let page = 1; commits.length < MAX_BRANCH_COMMITS; page++) {
      const { data } = await octokit.rest.repos.listCommits({ ...repo, sha: tip, since, per_page: 100, page });
      commits.push(...data.map((c) => ({ sha: c.sha, message: c.commit.message })));
      if (data.length < 100) return { commits, complete: true };
    }
  } catch (error) {
    throw toSourceError(error, `listing the commits of ${tip}`);
  }
  return { commits, complete: false };
}
