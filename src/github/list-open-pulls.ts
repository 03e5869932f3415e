import { toSourceError } from "./describe-github-error.js";
import type { GitHubClient, RepoRef } from "./github-client.js";

/** An open pull request, as `pulls.list` lists it. */
export interface OpenPull {
  number: number;
  headRef: string;
  baseRef: string;
  labels: string[];
}

/** The 100 most recently updated open pull requests (`GET /repos/{owner}/{repo}/pulls?state=open`): one call. */
export async function listOpenPulls(octokit: GitHubClient, repo: RepoRef): Promise<OpenPull[]> {
  try {
    const { data } = await octokit.rest.pulls.list({
      ...repo,
      state: "open",
      sort: "updated",
      direction: "desc",
      per_page: 100,
    });
    return data.map((pr) => ({
      number: pr.number,
      headRef: pr.head.ref,
      baseRef: pr.base.ref,
      labels: pr.labels.map((l) => l.name).filter((n): n is string => Boolean(n)),
    }));
  } catch (error) {
    throw toSourceError(error, "listing the open pull requests");
  }
}
