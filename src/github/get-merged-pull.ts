import { toSourceError } from "./describe-github-error.js";
import type { GitHubClient, RepoRef } from "./github-client.js";
import type { MergedPull } from "./list-merged-pulls.js";

/** A pull request by number when it is merged (`pulls.get`); undefined when it is not (or no longer exists). */
export async function getMergedPull(
  octokit: GitHubClient,
  repo: RepoRef,
  number: number,
): Promise<MergedPull | undefined> {
  try {
    const { data } = await octokit.rest.pulls.get({ ...repo, pull_number: number });
    if (!data.merged_at || !data.merge_commit_sha) return undefined;
    return {
      number: data.number,
      title: data.title,
      body: data.body ?? "",
      labels: data.labels.map((l) => l.name),
      headRef: data.head.ref,
      baseRef: data.base.ref,
      mergeCommitSha: data.merge_commit_sha,
      mergedAt: data.merged_at,
      createdAt: data.created_at,
      htmlUrl: data.html_url,
    };
  } catch (error) {
    if ((error as { status?: number }).status === 404) return undefined;
    throw toSourceError(error, `reading pull request #${number}`);
  }
}
