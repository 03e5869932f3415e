import { simpleGit, type SimpleGit } from "simple-git";
import type { Change } from "../core/change.js";
import { SourceError } from "../core/errors.js";
import { parseLog, type LocalCommit } from "./parse-git-log.js";
import { readGitDiff } from "./read-git-diff.js";

/**
 * The local-git adapter: builds a Change from a branch of a repository on disk, with git and no
 * network, whatever is checked out. The branch is compared with its base the way a pull request
 * is: `merge-base(base, head)...head`.
 */

export interface LocalRepo {
  git: SimpleGit;
  /** The repository's top-level folder. */
  root: string;
}

/** The base a branch is judged against. */
export interface BaseRef {
  /** What git resolves: `origin/main`, `main`, a tag or a SHA. */
  ref: string;
  /** The branch name a pull request would target: `main` for `origin/main`. */
  branch: string;
  sha: string;
}

/** The branch being judged (find-head-ref.ts). */
export interface HeadRef {
  /** What git resolves: `hotfix/x`, `origin/hotfix/x`, `HEAD`. */
  ref: string;
  /** The head branch name a pull request would have. */
  branch: string;
  sha: string;
  /** Said to the user when the name was taken for the detached HEAD. */
  note?: string;
}

/**
 * The Change of a local branch, with the commits it adds (newest first): the title and body default
 * to the newest one's. `baseSha` (the merge base) and `headSha` are the two commits compared, the
 * refs at which to read a file's contents on either side.
 */
export interface LocalChange extends Change {
  commits: LocalCommit[];
  baseSha: string;
  headSha: string;
}

export interface LocalChangeOptions {
  /** Title and body of the would-be PR; the last commit's subject and body when absent. */
  title?: string;
  body?: string;
  labels: string[];
}

export async function openLocalRepo(cwd: string): Promise<LocalRepo> {
  let git: SimpleGit;
  try {
    git = simpleGit({ baseDir: cwd });
  } catch (error) {
    throw new SourceError(`cannot open ${cwd}: ${firstLine(error)}`, false, undefined, { cause: error });
  }
  const root = (await runGit(git, ["rev-parse", "--show-toplevel"], `${cwd} is not inside a git repository`)).trim();
  return { git: simpleGit({ baseDir: root }), root };
}

export async function readLocalChange(
  repo: LocalRepo,
  base: BaseRef,
  head: HeadRef,
  options: LocalChangeOptions,
): Promise<LocalChange> {
  const { git } = repo;
  const mergeBase = (
    await runGit(git, ["merge-base", base.sha, head.sha], `${head.ref} has no common ancestor with ${base.ref}`)
  ).trim();
  const [files, log] = await Promise.all([
    readGitDiff(repo.root, mergeBase, head.sha),
    runGit(
      git,
      ["log", "-z", "--no-show-signature", "--format=%H%n%P%n%B", `${mergeBase}..${head.sha}`, "--"],
      "listing the commits",
    ),
  ]);
  const commits = parseLog(log);
  const [subject = "", ...rest] = (commits[0]?.message ?? "").split("\n");
  return {
    title: options.title ?? subject.trim(),
    body: options.body ?? rest.join("\n").trim(),
    labels: options.labels,
    headBranch: head.branch,
    baseBranch: base.branch,
    files,
    changedFiles: files.length,
    commits,
    commitCount: commits.length,
    baseSha: mergeBase,
    headSha: head.sha,
  };
}

/** A file's text at a ref, or undefined when the ref has no such file. */
export async function readFileAtRef(repo: LocalRepo, ref: string, path: string): Promise<string | undefined> {
  const listed = await runGit(repo.git, ["ls-tree", "-z", "--name-only", ref, "--", path], `reading ${path} at ${ref}`);
  if (!listed) return undefined;
  return runGit(repo.git, ["show", `${ref}:${path}`], `reading ${path} at ${ref}`);
}

/** Runs git; a failure becomes a SourceError that says what was being done and git's own words. */
export async function runGit(git: SimpleGit, args: string[], doing: string): Promise<string> {
  try {
    return await git.raw(args);
  } catch (error) {
    throw new SourceError(`git error: ${doing}: ${firstLine(error)}`, false, undefined, { cause: error });
  }
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (
    message
      .split("\n")
      .find((line) => line.trim())
      ?.trim() ?? "unknown error"
  );
}
