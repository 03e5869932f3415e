import { computePatchId } from "../core/forward-port/compute-patch-id.js";
import type { TwinFacts } from "../core/forward-port/twin-facts.js";
import type { GitHubClient, RepoRef } from "../github/github-client.js";
import { readCommitDiff } from "../github/read-commit-diff.js";
import { readPullDiff } from "../github/read-pull-diff.js";

/** Pull requests whose diffs are compared with the hotfix's, newest first: one call each. */
export const MAX_PATCH_CANDIDATES = 10;

/**
 * The twin facts with patch ids (core/forward-port/compute-patch-id.ts): the hotfix's whole diff
 * and those of the MAX_PATCH_CANDIDATES most recently merged candidates (`pulls.get` as a diff, one
 * call each). A diff GitHub does not send is a limit of the search, never a match.
 */
export async function addPatchIds(octokit: GitHubClient, repo: RepoRef, facts: TwinFacts): Promise<TwinFacts> {
  const number = facts.hotfix.number ?? 0;
  const limits = [...facts.limits];
  const own = await readPatchId(octokit, repo, number, limits);
  if (own === undefined) return { ...facts, limits };
  const newest = [...facts.candidates]
    .sort((a, b) => Date.parse(b.mergedAt ?? "") - Date.parse(a.mergedAt ?? ""))
    .slice(0, MAX_PATCH_CANDIDATES);
  const ids = new Map<number, string>();
  for (const candidate of newest) {
    if (candidate.number === undefined) continue;
    const id = await readPatchId(octokit, repo, candidate.number, limits);
    if (id) ids.set(candidate.number, id);
  }
  if (facts.candidates.length > newest.length)
    limits.push(`the patches of ${facts.candidates.length - newest.length} older pull requests were not compared`);
  return {
    ...facts,
    hotfix: { ...facts.hotfix, patchId: own },
    candidates: facts.candidates.map((c) => {
      const patchId = c.number === undefined ? undefined : ids.get(c.number);
      return patchId ? { ...c, patchId } : c;
    }),
    limits,
  };
}

/** The patch id of a PR's diff; a diff GitHub does not send is noted in `limits` instead. */
async function readPatchId(
  octokit: GitHubClient,
  repo: RepoRef,
  number: number,
  limits: string[],
): Promise<string | undefined> {
  const answer = await readPullDiff(octokit, repo, number);
  if ("unreadable" in answer) {
    limits.push(answer.unreadable);
    return undefined;
  }
  return computePatchId(answer.diff);
}

/** One commit's patch id (`repos.getCommit` as a diff); one GitHub does not send is noted in `limits`. */
export async function readCommitPatchId(
  octokit: GitHubClient,
  repo: RepoRef,
  sha: string,
  limits: string[],
): Promise<string | undefined> {
  const answer = await readCommitDiff(octokit, repo, sha);
  if ("unreadable" in answer) {
    limits.push(answer.unreadable);
    return undefined;
  }
  return computePatchId(answer.diff);
}
