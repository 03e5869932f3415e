import type { LocalRepo } from "./local-git-source.js";

/** The commit `ref` names (a branch, remote branch, tag or SHA), or undefined when it names none. */
export async function resolveCommit(repo: LocalRepo, ref: string): Promise<string | undefined> {
  if (ref.startsWith("-")) return undefined;
  const sha = await repo.git.raw(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]).catch(() => "");
  return sha.trim() || undefined;
}

/** The branch a PR would name: `refs/heads/x` → `x`, `refs/remotes/origin/x` → `x`; else the ref as written. */
export async function readBranchName(repo: LocalRepo, ref: string): Promise<string> {
  const full = (await repo.git.raw(["rev-parse", "--symbolic-full-name", ref]).catch(() => "")).trim();
  if (full.startsWith("refs/heads/")) return full.slice("refs/heads/".length);
  if (full.startsWith("refs/remotes/")) return full.slice("refs/remotes/".length).replace(/^[^/]+\//, "");
  return ref;
}
