import { toSourceError } from "./describe-github-error.js";
import type { GitHubClient, RepoRef } from "./github-client.js";

/** A merged pull request, as the forward-port readers need it. */
export interface MergedPull {
  number: number;
  title: string;
  body: string;
  labels: string[];
  headRef: string;
  baseRef: string;
  mergeCommitSha: string;
  mergedAt: string;
  createdAt: string;
  htmlUrl: string;
}

/**
 * The pull requests merged since `since` (into `base` when given), newest update first:
 * `GET /repos/{owner}/{repo}/pulls?state=closed&sort=updated&direction=desc`, page by page until a
 * pull request was last updated before `since` (a merge updates it, so none merged later is left
 * out) or `maxPages` pages of 100 were read; `complete` says which.
 */
export async function listMergedPulls(
  octokit: GitHubClient,
  repo: RepoRef,
  options: { since: string; base?: string; maxPages: number },
): Promise<{ pulls: MergedPull[]; complete: boolean }> {
  const since = Date.parse(options.since);
  const pulls: MergedPull[] = [];
  try {
    for (let page = 1; page <= options.maxPages; page++) {
      const { data } = await octokit.rest.pulls.list({
        ...repo,
        state: "closed",
        sort: "updated",
        direction: "desc",
        per_page: 100,
        page,
        ...(options.base ? { base: options.base } : {}),
      });
      for (const pr of data) {
        if (!pr.merged_at || !pr.merge_commit_sha || Date.parse(pr.merged_at) < since) continue;
        pulls.push({
          number: pr.number,
          title: pr.title,
          body: pr.body ?? "",
          labels: pr.labels.map((l) => l.name).filter((n): n is string => Boolean(n)),
          headRef: pr.head.ref,
          baseRef: pr.base.ref,
          mergeCommitSha: pr.merge_commit_sha,
          mergedAt: pr.merged_at,
          createdAt: pr.created_at,
          htmlUrl: pr.html_url,
        });
      }
      const oldest = data.at(-1);
      if (data.length < 100 || !oldest || Date.parse(oldest.updated_at) < since) return { pulls, complete: true };
    }
  } catch (error) {
    throw toSourceError(error, `listing the pull requests merged${options.base ? ` into ${options.base}` : ""}`);
  }
  return { pulls, complete: false };
}
