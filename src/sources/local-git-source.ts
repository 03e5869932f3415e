import { simpleGit, type SimpleGit } from "simple-git";
import type { Change } from "../core/change.js";
import { SourceError } from "../core/errors.js";
import { joinDiffOutputs, parseLog, type LocalCommit } from "./parse-git-diff.js";

/**
 * The local-git adapter: builds a Change from the current branch of a repository on disk, with
 * simple-git and no network. The branch is compared with its base the way a pull request is:
 * `merge-base(base, HEAD)...HEAD`.
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

/**
 * The Change of a local branch, with the commits it adds (newest first): the title and body default
 * to the newest one's.
 */
export interface LocalChange extends Change {
  commits: LocalCommit[];
  /** The commit the diff starts from (the merge base of base and head) and the head commit. */
  mergeBase: string;
  headSha: string;
}

export interface LocalChangeOptions {
  /** Title and body of the would-be PR; the last commit's subject and body when absent. */
  title?: string;
  body?: string;
  labels: string[];
  /** The head branch name; required when HEAD is detached. */
  headBranch?: string;
}

/** Same options for every diff call, so the three outputs list the same files in the same order. */
const DIFF_OPTIONS = ["-M", "-U3", "--no-color", "--no-ext-diff", "--no-textconv", "--no-relative"];

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
  options: LocalChangeOptions,
): Promise<LocalChange> {
  const { git } = repo;
  const headBranch = options.headBranch ?? (await readHeadBranch(git));
  const [mergeBase, headSha] = await Promise.all([
    runGit(git, ["merge-base", base.sha, "HEAD"], `HEAD has no common ancestor with ${base.ref}`).then((s) => s.trim()),
    runGit(git, ["rev-parse", "HEAD"], "the branch has no commit yet").then((s) => s.trim()),
  ]);
  const range = [mergeBase, headSha];
  const [nameStatus, numstat, patches, log] = await Promise.all([
    runGit(git, ["diff", "--name-status", "-z", ...DIFF_OPTIONS, ...range, "--"], "listing the changed files"),
    runGit(git, ["diff", "--numstat", "-z", ...DIFF_OPTIONS, ...range, "--"], "counting the changed lines"),
    runGit(git, ["diff", "-p", ...DIFF_OPTIONS, ...range, "--"], "reading the diff"),
    runGit(git, ["log", "-z", "--format=%H%n%P%n%B", `${mergeBase}..${headSha}`, "--"], "listing the commits"),
  ]);
  const files = joinDiffOutputs(nameStatus, numstat, patches);
  const commits = parseLog(log);
  const [subject = "", ...rest] = (commits[0]?.message ?? "").split("\n");
  return {
    title: options.title ?? subject.trim(),
    body: options.body ?? rest.join("\n").trim(),
    labels: options.labels,
    headBranch,
    baseBranch: base.branch,
    files,
    changedFiles: files.length,
    commits,
    commitCount: commits.length,
    mergeBase,
    headSha,
  };
}

/** A file's text at a ref, or undefined when the ref has no such file. */
export async function readFileAtRef(repo: LocalRepo, ref: string, path: string): Promise<string | undefined> {
  const listed = await runGit(repo.git, ["ls-tree", "-z", "--name-only", ref, "--", path], `reading ${path} at ${ref}`);
  if (!listed) return undefined;
  return runGit(repo.git, ["show", `${ref}:${path}`], `reading ${path} at ${ref}`);
}

async function readHeadBranch(git: SimpleGit): Promise<string> {
  const name = await git.raw(["symbolic-ref", "--short", "-q", "HEAD"]).catch(() => "");
  if (name.trim()) return name.trim();
  throw new SourceError(
    "HEAD is detached, so there is no branch name to judge: check out the hotfix branch, or pass --head <branch>",
    false,
  );
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
