import { spawn } from "node:child_process";
import { StringDecoder } from "node:string_decoder";
import type { ChangedFile } from "../core/change.js";
import { SourceError } from "../core/errors.js";
import { GitDiffParser } from "./parse-git-diff.js";

/**
 * Settings a user's git config may hold that would change what `git diff` prints, forced back to
 * git's defaults on the command line so that every machine reads the same diff: path quoting,
 * blank context lines, and the orderFile that would reorder the files.
 */
const NEUTRAL_CONFIG = ["core.quotePath=true", "diff.suppressBlankEmpty=false", "diff.orderFile=/dev/null"];

/**
 * One diff, three outputs: the file list (`--raw`), the line counts (`--numstat`) and the hunks
 * (`-p`), NUL-separated where git allows it (`-z`). Each option pins what a user setting would
 * otherwise change: prefixes (`diff.noprefix`, `diff.mnemonicPrefix`), colour (`color.ui`),
 * external and textconv drivers, context size (`diff.context`, `diff.interHunkContext`), the
 * algorithm (`diff.algorithm`), rename detection (`diff.renames`: renames only, as GitHub lists
 * them), submodules shown as `Subproject commit` lines (`diff.submodule`) and never ignored, and
 * paths from the top of the repository (`diff.relative`).
 */
const DIFF_ARGS = [
  "diff",
  "--raw",
  "--numstat",
  "-p",
  "-z",
  "-M",
  "--no-color",
  "--no-ext-diff",
  "--no-textconv",
  "--src-prefix=a/",
  "--dst-prefix=b/",
  "-U3",
  "--inter-hunk-context=0",
  "--diff-algorithm=default",
  "--submodule=short",
  "--ignore-submodules=none",
  "--no-relative",
];

/** Variables git would read to run another diff program or change the context: not passed on. */
const DROPPED_ENV = ["GIT_EXTERNAL_DIFF", "GIT_DIFF_OPTS"];

/**
 * The files changed from `base` to `head` (commits), with counts and GitHub-shaped patches, read
 * from one `git diff` as it streams: memory holds the patches, not the whole output. A git failure
 * or an output the parser cannot follow is a SourceError that says so, never a partial list.
 */
export function readGitDiff(root: string, base: string, head: string): Promise<ChangedFile[]> {
  const args = buildDiffArgs(base, head);
  return new Promise((resolve, reject) => {
    const fail = (message: string, cause?: unknown) =>
      reject(new SourceError(`git error: reading the diff: ${message}`, false, undefined, { cause }));
    const child = spawn("git", args, { cwd: root, env: gitEnv(), stdio: ["ignore", "pipe", "pipe"] });
    const parser = new GitDiffParser();
    const decoder = new StringDecoder("utf8");
    let parseError: unknown;
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      if (parseError !== undefined) return;
      try {
        parser.push(decoder.write(chunk));
      } catch (error) {
        parseError = error;
        child.kill();
      }
    });
    child.stderr.on("data", (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString("utf8");
    });
    child.on("error", (error: NodeJS.ErrnoException) =>
      fail(error.code === "ENOENT" ? "git is not installed or not on PATH" : error.message, error),
    );
    child.on("close", (code, signal) => {
      if (parseError !== undefined) return fail(describe(parseError), parseError);
      if (code !== 0) return fail(firstLine(stderr) ?? `git exited with ${code ?? signal}`);
      try {
        parser.push(decoder.end());
        resolve(parser.end());
      } catch (error) {
        fail(describe(error), error);
      }
    });
  });
}

/** The arguments of the one `git diff` run, after `git`. */
export function buildDiffArgs(base: string, head: string): string[] {
  return [...NEUTRAL_CONFIG.flatMap((setting) => ["-c", setting]), ...DIFF_ARGS, base, head, "--"];
}

function gitEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of DROPPED_ENV) delete env[name];
  return env;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function firstLine(text: string): string | undefined {
  return text
    .split("\n")
    .find((line) => line.trim())
    ?.trim();
}
