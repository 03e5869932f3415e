import type { RevertOutcome } from "../core/deploy/failed-canary.js";
import { shortSha } from "../core/deploy/deployment-decision.js";
import type { GitHubClient, RepoRef } from "./github-client.js";

export interface RevertRequest {
  number: number;
  baseRef: string;
  mergeCommitSha: string;
  /** `revert/<hotfix branch>`. */
  branch: string;
  title: string;
  body: string;
  /** The revert commit's message. */
  message: string;
}

/**
 * Opens a pull request that reverts a merged hotfix, once: when a PR from the revert branch
 * exists (open, closed or merged) or the branch exists, nothing is created.
 *
 * The revert is made with the git data API, without a clone. The merge commit M is undone
 * relative to its first parent P (`git revert -m 1 M`; for a squash merge, P is its only parent):
 * - base head is M: the revert commit takes P's tree;
 * - base moved on: a helper commit with P's tree on top of M is merged into the base head by
 *   GitHub (`POST /merges`, a three-way merge whose merge base is M), which applies exactly the
 *   reverse of M; its tree becomes one clean revert commit on the base head. A conflict leaves no
 *   branch behind and is reported for a manual `git revert`.
 */
export async function openRevertPull(
  octokit: GitHubClient,
  repo: RepoRef,
  request: RevertRequest,
): Promise<RevertOutcome> {
  const existing = await findExisting(octokit, repo, request.branch);
  if (existing) return existing;

  const merge = (await octokit.rest.git.getCommit({ ...repo, commit_sha: request.mergeCommitSha })).data;
  const parent = merge.parents[0]?.sha;
  if (!parent) return { kind: "skipped", reason: `${shortSha(merge.sha)} has no parent to revert to.` };
  if (merge.parents.length === 1 && !(await isSingleChange(octokit, repo, request.number, merge.message))) {
    return {
      kind: "skipped",
      reason: `#${request.number} was rebase-merged as several commits; revert them together by hand.`,
    };
  }
  const revertedTree = (await octokit.rest.git.getCommit({ ...repo, commit_sha: parent })).data.tree.sha;
  const head = (await octokit.rest.git.getRef({ ...repo, ref: `heads/${request.baseRef}` })).data.object.sha;
  const ref = `refs/heads/${request.branch}`;

  if (head === merge.sha) {
    const commit = await createCommit(octokit, repo, request.message, revertedTree, head);
    await octokit.rest.git.createRef({ ...repo, ref, sha: commit });
  } else {
    const helper = await createCommit(
      octokit,
      repo,
      `Undo ${shortSha(merge.sha)} (helper for the revert of #${request.number})`,
      revertedTree,
      merge.sha,
    );
    await octokit.rest.git.createRef({ ...repo, ref, sha: head });
    const merged = await mergeInto(octokit, repo, request.branch, helper);
    const headTree = (await octokit.rest.git.getCommit({ ...repo, commit_sha: head })).data.tree.sha;
    if (!("tree" in merged) || merged.tree === headTree) {
      await octokit.rest.git.deleteRef({ ...repo, ref: `heads/${request.branch}` });
      if ("problem" in merged && merged.problem === "conflict")
        return {
          kind: "failed",
          reason: `The revert of ${shortSha(merge.sha)} conflicts with later changes on ${request.baseRef}; run \`git revert -m 1 ${merge.sha}\` and resolve the conflicts.`,
        };
      return {
        kind: "skipped",
        reason: `${request.baseRef} no longer contains the changes of ${shortSha(merge.sha)}: nothing to revert.`,
      };
    }
    const commit = await createCommit(octokit, repo, request.message, merged.tree, head);
    await octokit.rest.git.updateRef({ ...repo, ref: `heads/${request.branch}`, sha: commit, force: true });
  }
  const { data: pr } = await octokit.rest.pulls.create({
    ...repo,
    title: request.title,
    head: request.branch,
    base: request.baseRef,
    body: request.body,
  });
  return { kind: "opened", number: pr.number, url: pr.html_url };
}

async function findExisting(octokit: GitHubClient, repo: RepoRef, branch: string): Promise<RevertOutcome | undefined> {
  const { data: pulls } = await octokit.rest.pulls.list({
    ...repo,
    head: `${repo.owner}:${branch}`,
    state: "all",
    per_page: 1,
  });
  const pull = pulls[0];
  if (pull) return { kind: "exists", branch, number: pull.number, url: pull.html_url };
  try {
    await octokit.rest.git.getRef({ ...repo, ref: `heads/${branch}` });
    return { kind: "exists", branch };
  } catch (error) {
    if ((error as { status?: number }).status === 404) return undefined;
    throw error;
  }
}

/** A one-parent merge is one change when it is a squash (`… (#12)`) or the PR had one commit. */
async function isSingleChange(octokit: GitHubClient, repo: RepoRef, number: number, message: string): Promise<boolean> {
  if (message.split("\n", 1)[0]?.includes(`(#${number})`)) return true;
  const { data } = await octokit.rest.pulls.get({ ...repo, pull_number: number });
  return data.commits === 1;
}

async function createCommit(
  octokit: GitHubClient,
  repo: RepoRef,
  message: string,
  tree: string,
  parent: string,
): Promise<string> {
  const { data } = await octokit.rest.git.createCommit({ ...repo, message, tree, parents: [parent] });
  return data.sha;
}

/** Merges `sha` into `branch` on GitHub: the merge's tree, or why there is none. */
async function mergeInto(
  octokit: GitHubClient,
  repo: RepoRef,
  branch: string,
  sha: string,
): Promise<{ tree: string } | { problem: "conflict" | "nothing" }> {
  try {
    const response = await octokit.rest.repos.merge({
      ...repo,
      base: branch,
      head: sha,
      commit_message: "Single Patch Order: revert (temporary merge)",
      // A conflict (409) is an answer, not a failure to retry.
      request: { retries: 0 },
    });
    return response.status === 201 ? { tree: response.data.commit.tree.sha } : { problem: "nothing" };
  } catch (error) {
    if ((error as { status?: number }).status === 409) return { problem: "conflict" };
    throw error;
  }
}
