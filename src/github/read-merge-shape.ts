import type { MergeShape } from "../core/forward-port/build-forward-port-commands.js";
import { toSourceError } from "./describe-github-error.js";
import type { GitHubClient, RepoRef } from "./github-client.js";

/**
 * How a pull request's merge landed (`GET /repos/{owner}/{repo}/commits/{sha}`, `per_page: 1` to
 * leave its files out): a merge commit has two parents; otherwise a squash is one commit, and a
 * rebase merge put the PR's commits on the base, its last one keeping the last commit's message.
 */
export async function readMergeShape(
  octokit: GitHubClient,
  repo: RepoRef,
  sha: string,
  pullCommits: ReadonlyArray<{ message: string }>,
): Promise<MergeShape> {
  try {
    const { data } = await octokit.rest.repos.getCommit({ ...repo, ref: sha, per_page: 1 });
    const parents = data.parents.length;
    const last = pullCommits.at(-1)?.message;
    const rebased = parents === 1 && pullCommits.length > 1 && last !== undefined && data.commit.message === last;
    return { sha, parents, commits: rebased ? pullCommits.length : 1 };
  } catch (error) {
    throw toSourceError(error, `reading the merge commit ${sha.slice(0, 7)}`);
  }
}
