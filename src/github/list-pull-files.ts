import type { ChangedFile, FileStatus } from "../core/change.js";
import { toSourceError } from "./describe-github-error.js";
import type { GitHubClient, RepoRef } from "./github-client.js";
import type { PullRequestData } from "./pull-request-data.js";

/** Most files listed for one PR (3 pages). A larger PR is reported as too large to judge. */
export const MAX_LISTED_FILES = 300;
const PAGE_SIZE = 100;

/**
 * A `pulls.listFiles` entry (GitHub's `diff-entry`), as far as a Change needs it. GitHub omits
 * `patch` for a binary file and for a file whose diff is past its limits, and still counts the
 * lines of the latter; a binary file counts 0 and 0. A submodule is one entry with the path of the
 * submodule and a `Subproject commit <sha>` line per side as its patch; a 100% rename is
 * `renamed` with `changes: 0` and no patch.
 */
interface ListedFile {
  filename: string;
  previous_filename?: string | null;
  status: string;
  additions: number;
  deletions: number;
  patch?: string | null;
}

/** GitHub's `diff-entry.status` enum (the REST description names them without defining them). */
const STATUSES: ReadonlySet<string> = new Set<FileStatus>([
  "added",
  "removed",
  "modified",
  "renamed",
  "copied",
  "changed",
  "unchanged",
]);

/** GitHub lists at most 3,000 files of a pull request (REST "List pull requests files"). */
export const MAX_FILES_GITHUB_LISTS = 3000;

/** The PR's files with their patches: one call per 100 files, capped at `limit` (MAX_LISTED_FILES). */
export async function listPullFiles(
  octokit: GitHubClient,
  repo: RepoRef,
  pr: Pick<PullRequestData, "number" | "changed_files">,
  limit = MAX_LISTED_FILES,
): Promise<ChangedFile[]> {
  const files: ChangedFile[] = [];
  const pages = Math.max(1, Math.min(Math.ceil((pr.changed_files ?? PAGE_SIZE) / PAGE_SIZE), limit / PAGE_SIZE));
  try {
    for (let page = 1; page <= pages; page++) {
      const { data } = await octokit.rest.pulls.listFiles({
        ...repo,
        pull_number: pr.number,
        per_page: PAGE_SIZE,
        page,
      });
      files.push(...(data as ListedFile[]).map(toChangedFile));
      if (data.length < PAGE_SIZE) break;
    }
  } catch (error) {
    throw toSourceError(error, `listing the files of #${pr.number}`);
  }
  return files;
}

/**
 * One entry as a ChangedFile, faithfully: the status as GitHub gives it (a status GitHub adds later
 * counts as `modified`, a change, never as nothing), and no `patch` when GitHub sent none or an
 * empty one (a mode change, an unchanged rename): the local source gives those none either.
 */
export function toChangedFile(file: ListedFile): ChangedFile {
  return {
    path: file.filename,
    ...(file.previous_filename ? { previousPath: file.previous_filename } : {}),
    status: STATUSES.has(file.status) ? (file.status as FileStatus) : "modified",
    additions: file.additions,
    deletions: file.deletions,
    ...(file.patch ? { patch: file.patch } : {}),
  };
}
