import { SourceError } from "../core/errors.js";
import type { HeadRef, LocalRepo } from "./local-git-source.js";
import { readBranchName, resolveCommit } from "./resolve-ref.js";

/**
 * The branch to judge. Without `explicit`, the branch checked out. With it, that branch (or remote
 * branch, tag, SHA) wherever HEAD is: `hotfix/x`, else `origin/hotfix/x`, so a branch fetched but
 * never checked out is judged too. A name that no ref has, while HEAD is detached, names HEAD: a CI
 * checkout of a pull request is a detached merge commit and the branch is only a name there.
 */
export async function findHeadRef(repo: LocalRepo, explicit?: string): Promise<HeadRef> {
  if (explicit === undefined) {
    const branch = await readCheckedOutBranch(repo);
    if (!branch)
      throw new SourceError(
        "HEAD is detached, so there is no branch name to judge: check out the hotfix branch, or pass --head <branch>",
        false,
      );
    return { ref: branch, branch, sha: await readHeadCommit(repo) };
  }
  const sha = await resolveCommit(repo, explicit);
  if (sha) return { ref: explicit, branch: await readBranchName(repo, explicit), sha };
  const remote = await resolveCommit(repo, `refs/remotes/origin/${explicit}`);
  if (remote) return { ref: `origin/${explicit}`, branch: explicit, sha: remote };
  if (!(await readCheckedOutBranch(repo))) {
    const head = await readHeadCommit(repo);
    const note = `there is no branch "${explicit}" here: judging the detached HEAD (${head.slice(0, 12)}) as ${explicit}.`;
    return { ref: "HEAD", branch: explicit, sha: head, note };
  }
  throw new SourceError(`the head "${explicit}" is not a branch, tag or commit in this repository`, false);
}

async function readCheckedOutBranch(repo: LocalRepo): Promise<string | undefined> {
  const name = await repo.git.raw(["symbolic-ref", "--short", "-q", "HEAD"]).catch(() => "");
  return name.trim() || undefined;
}

async function readHeadCommit(repo: LocalRepo): Promise<string> {
  const sha = await resolveCommit(repo, "HEAD");
  if (!sha) throw new SourceError("git error: the branch has no commit yet", false);
  return sha;
}
