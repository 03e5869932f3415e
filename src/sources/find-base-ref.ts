import { SourceError } from "../core/errors.js";
import type { BaseRef, LocalRepo } from "./local-git-source.js";
import { readBranchName, resolveCommit } from "./resolve-ref.js";

/** Tried in order when no base is given: the remote's default branch, then the usual names. */
const FALLBACK_BASES = ["main", "master", "origin/main", "origin/master"];

/**
 * The base to judge the current branch against: `explicit` when given (a branch, remote branch,
 * tag or SHA), else `origin/HEAD` (the remote's default branch), else `main` or `master`.
 */
export async function findBaseRef(repo: LocalRepo, explicit?: string): Promise<BaseRef> {
  if (explicit !== undefined) {
    const sha = await resolveCommit(repo, explicit);
    if (!sha) throw new SourceError(`the base "${explicit}" is not a branch, tag or commit in this repository`, false);
    return { ref: explicit, branch: await readBranchName(repo, explicit), sha };
  }
  const remoteDefault = await readRemoteDefault(repo);
  for (const ref of remoteDefault ? [remoteDefault, ...FALLBACK_BASES] : FALLBACK_BASES) {
    const sha = await resolveCommit(repo, ref);
    if (sha) return { ref, branch: await readBranchName(repo, ref), sha };
  }
  throw new SourceError("no base branch found: there is no origin/HEAD, main or master; pass --base <branch>", false);
}

/** `origin/main` when `refs/remotes/origin/HEAD` points at it. */
async function readRemoteDefault(repo: LocalRepo): Promise<string | undefined> {
  const target = await repo.git.raw(["symbolic-ref", "-q", "refs/remotes/origin/HEAD"]).catch(() => "");
  return target.trim().replace(/^refs\/remotes\//, "") || undefined;
}
