import { toSourceError } from "./describe-github-error.js";
import type { GitHubClient, RepoRef } from "./github-client.js";

/** Who wrote a commit, as GitHub links it to accounts: a login, or null when the e-mail matches none. */
export interface CommitPeople {
  author: string | null;
  committer: string | null;
}

/** The GitHub logins of a commit's author and committer: one call (`per_page: 1` keeps its file list short). */
export async function readCommitPeople(octokit: GitHubClient, repo: RepoRef, sha: string): Promise<CommitPeople> {
  try {
    const { data } = await octokit.rest.repos.getCommit({ ...repo, ref: sha, per_page: 1 });
    return { author: data.author?.login ?? null, committer: data.committer?.login ?? null };
  } catch (error) {
    throw toSourceError(error, `reading the commit ${sha.slice(0, 7)}`);
  }
}
