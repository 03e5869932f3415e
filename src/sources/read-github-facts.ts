import type { GitHubClient, RepoRef } from "../github/github-client.js";
import { findMergeBase } from "../github/find-merge-base.js";
import { findPreviousRelease } from "../github/find-previous-release.js";
import { listTreePaths } from "../github/list-tree-paths.js";
import { readFileAtRef } from "../github/read-file-at-ref.js";
import type { FactReader } from "./complete-change.js";

export interface PullRefs {
  baseSha: string;
  headSha: string;
  /** Base paths of the PR's changed files: their base text is read at the merge base, where the diff starts. */
  changedBasePaths: ReadonlySet<string>;
}

/**
 * Reads a PR's facts on GitHub. The head side at the head SHA; the base side at the base SHA (unit
 * descriptors, CODEOWNERS), except a changed file's base, read at the merge base (found with one
 * compare, only when such a read is needed: usually the patch rebuilds that side).
 */
export function readGitHubFacts(octokit: GitHubClient, repo: RepoRef, refs: PullRefs): FactReader {
  let mergeBase: Promise<string> | undefined;
  const baseRefOf = (path: string): Promise<string> | string => {
    if (!refs.changedBasePaths.has(path)) return refs.baseSha;
    mergeBase ??= findMergeBase(octokit, repo, refs.baseSha, refs.headSha);
    return mergeBase;
  };
  return {
    listBaseTree: () => listTreePaths(octokit, repo, refs.baseSha),
    async readTexts(side, paths) {
      const texts = await Promise.all(
        paths.map(async (path) =>
          readFileAtRef(octokit, repo, side === "head" ? refs.headSha : await baseRefOf(path), path),
        ),
      );
      return Object.fromEntries(paths.map((path, i) => [path, texts[i] ?? null]));
    },
    findPreviousRelease: (paths) => findPreviousRelease(octokit, repo, refs.baseSha, paths),
  };
}
