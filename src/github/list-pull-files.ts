import type { ChangedFile, FileStatus } from "../core/change.js";
import { toSourceError } from "./describe-github-error.js";
import type { GitHubClient, RepoRef } from "./github-client.js";
import type { PullRequestData } from "./pull-request-data.js";

/** Most files listed for one PR (3 pages). A larger PR is reported as too large to judge. */
export const MAX_LISTED_FILES = 300;
const PAGE_SIZE = 100;

interface ListedFile {
  filename: string;
  previous_filename?: string;
  status: string;
  additions: number;
  deletions: number;
  patch?: string;
}

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

function toChangedFile(file: ListedFile): ChangedFile {
  return {
    path: file.filename,
    ...(file.previous_filename ? { previousPath: file.previous_filename } : {}),
    status: file.status as FileStatus,
    additions: file.additions,
    deletions: file.deletions,
    ...(file.patch !== undefined ? { patch: file.patch } : {}),
  };
}
