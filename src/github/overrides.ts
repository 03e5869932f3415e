import { findOverrideForSha, readOverrideRecords, type OverrideRecord } from "../core/override/override-record.js";
import { listComments } from "./comments.js";
import type { GitHubClient, RepoRef } from "./github-client.js";

/**
 * The override records in the App's own comments on a pull request, oldest first. One call per
 * 100 comments; callers ask only when the PR carries the override label.
 */
export async function readRecordedOverrides(
  octokit: GitHubClient,
  repo: RepoRef,
  number: number,
  appId: number | undefined,
): Promise<OverrideRecord[]> {
  if (appId === undefined) return [];
  return readOverrideRecords(await listComments(octokit, repo, number), appId);
}

/** The override that holds for the PR's head SHA, if the App recorded one. */
export async function findRecordedOverride(
  octokit: GitHubClient,
  repo: RepoRef,
  pr: { number: number; head: { sha: string } },
  appId: number | undefined,
): Promise<OverrideRecord | undefined> {
  return findOverrideForSha(await readRecordedOverrides(octokit, repo, pr.number, appId), pr.head.sha);
}
