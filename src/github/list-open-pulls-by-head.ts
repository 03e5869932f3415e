import { shortSha } from "../core/deploy/deployment-decision.js";
import { toSourceError } from "./describe-github-error.js";
import type { GitHubClient, RepoRef } from "./github-client.js";
import { labelNames } from "./labels.js";

/** An open pull request of this repository whose head is a given commit. */
export interface HeadPull {
  number: number;
  title: string;
  headRef: string;
  labels: string[];
  /** The head repository's `owner/name`: another one for a fork PR. */
  headRepo: string | undefined;
}

/** Pages of open PRs read, 100 each; past them, GitHub's PRs of the commit are asked too. */
const MAX_PAGES = 10;
const PER_PAGE = 100;

export interface HeadPulls {
  pulls: HeadPull[];
  /** The repository has more open PRs than were read (MAX_PAGES × 100). */
  truncated: boolean;
  /** Every open PR read, with its head and `updated_at` (epoch ms): the whole list when not truncated. */
  listed: ListedHead[];
}

/** One open PR as the list shows it. */
export interface ListedHead {
  number: number;
  sha: string;
  updatedAt: number;
}

/**
 * Every open pull request of this repository whose head is `sha`, fork PRs included. It reads the
 * open PR list (most recently updated first) rather than `GET /commits/{sha}/pulls`: that endpoint
 * knows only the commits of this repository's own history, so a fork PR's head may be missing from
 * it (e.g. learningequality/kolibri#14719, nerva-project/nerva#79), and the check run's own
 * `pull_requests` never lists fork PRs (GitHub's Checks API docs: "Pushes to a branch in a forked
 * repository are not detected and return an empty pull_requests array"). One call for a repository
 * with at most 100 open PRs; past MAX_PAGES pages the commit's associated PRs are added, so a
 * same-repository PR on the commit is never missed.
 */
export async function listOpenPullsByHead(octokit: GitHubClient, repo: RepoRef, sha: string): Promise<HeadPulls> {
  try {
    const found = new Map<number, HeadPull>();
    const listed: ListedHead[] = [];
    let truncated = false;
    for (let page = 1; ; page++) {
      const { data } = await octokit.rest.pulls.list({
        ...repo,
        state: "open",
        sort: "updated",
        direction: "desc",
        per_page: PER_PAGE,
        page,
      });
      for (const pr of data) {
        listed.push({ number: pr.number, sha: pr.head.sha, updatedAt: Date.parse(pr.updated_at) });
        if (pr.head.sha === sha) found.set(pr.number, toHeadPull(pr));
      }
      if (data.length < PER_PAGE) break;
      if (page === MAX_PAGES) {
        truncated = true;
        break;
      }
    }
    if (truncated) {
      const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
        ...repo,
        commit_sha: sha,
        per_page: PER_PAGE,
      });
      for (const pr of data)
        if (pr.state === "open" && pr.head.sha === sha && !found.has(pr.number)) found.set(pr.number, toHeadPull(pr));
    }
    return { pulls: [...found.values()].sort((a, b) => a.number - b.number), truncated, listed };
  } catch (error) {
    throw toSourceError(error, `listing the open pull requests whose head is ${shortSha(sha)}`);
  }
}

function toHeadPull(pr: {
  number: number;
  title: string;
  head: { ref: string; repo: { full_name: string } | null };
  labels: ReadonlyArray<{ name?: string }>;
}): HeadPull {
  return {
    number: pr.number,
    title: pr.title,
    headRef: pr.head.ref,
    labels: labelNames(pr.labels),
    headRepo: pr.head.repo?.full_name,
  };
}
