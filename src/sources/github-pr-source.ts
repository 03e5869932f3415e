import type { Config } from "../config/schema.js";
import type { Change, ChangedFile, FileStatus, HeadCheck } from "../core/change.js";
import { classifyFile } from "../core/classify-file.js";
import { toSourceError } from "../github/describe-github-error.js";
import type { GitHubClient, RepoRef } from "../github/github-client.js";
import { labelNames } from "../github/labels.js";
import { readTicketStates } from "../github/read-ticket-states.js";
import { readWorkspaces } from "../github/read-workspaces.js";
import { listTicketsToVerify } from "../core/find-tickets.js";

/** Most files listed for one PR (3 pages). A larger PR is reported as too large to judge. */
export const MAX_LISTED_FILES = 300;
const PAGE_SIZE = 100;

/** The fields of a pull request the engine needs: what webhook payloads and `pulls.get` both carry. */
export interface PullRequestData {
  number: number;
  title: string;
  body: string | null;
  labels: Array<{ name?: string } | string>;
  user: { login: string } | null;
  head: { ref: string; sha: string };
  base: { ref: string; sha: string };
  changed_files?: number;
  commits?: number;
}

interface ListedFile {
  filename: string;
  previous_filename?: string;
  status: string;
  additions: number;
  deletions: number;
  patch?: string;
}

/**
 * Builds the Change for a pull request: the PR fields from the payload, plus its files (one call
 * per 100 files, capped at MAX_LISTED_FILES). Only when a rule needs them: the workspace manifests
 * (production files in several folders and no declared scopes), the head checks
 * (`tests.requiredChecks`) and the referenced issues (`ticket.verify`). Commits are counted from
 * the PR, not listed: no rule reads them.
 */
export async function readPullRequestChange(octokit: GitHubClient, repo: RepoRef, pr: PullRequestData, config: Config): Promise<Change> {
  const files = await listFiles(octokit, repo, pr);
  const repository = `${repo.owner}/${repo.repo}`;
  const body = pr.body ?? "";
  const ticketIds = config.ticket.verify ? listTicketsToVerify({ title: pr.title, headBranch: pr.head.ref, body, repository }, config.ticket.patterns) : [];
  const [workspaces, checks, tickets] = await Promise.all([
    needsWorkspaces(files, config) ? readWorkspaces(octokit, repo, pr.base.sha) : [],
    config.tests.requiredChecks.length ? listHeadChecks(octokit, repo, pr.head.sha) : undefined,
    ticketIds.length ? readTicketStates(octokit, ticketIds) : undefined,
  ]);
  return {
    repository,
    title: pr.title,
    body,
    labels: labelNames(pr.labels),
    author: pr.user?.login,
    headBranch: pr.head.ref,
    baseBranch: pr.base.ref,
    headSha: pr.head.sha,
    baseSha: pr.base.sha,
    files,
    changedFiles: Math.max(pr.changed_files ?? files.length, files.length),
    commits: [],
    commitCount: pr.commits ?? 0,
    workspaces,
    ...(checks ? { checks } : {}),
    ...(tickets ? { tickets } : {}),
  };
}

async function listFiles(octokit: GitHubClient, repo: RepoRef, pr: PullRequestData): Promise<ChangedFile[]> {
  const files: ChangedFile[] = [];
  const pages = Math.max(1, Math.min(Math.ceil((pr.changed_files ?? PAGE_SIZE) / PAGE_SIZE), MAX_LISTED_FILES / PAGE_SIZE));
  try {
    for (let page = 1; page <= pages; page++) {
      const { data } = await octokit.rest.pulls.listFiles({ ...repo, pull_number: pr.number, per_page: PAGE_SIZE, page });
      files.push(...(data as ListedFile[]).map(toChangedFile));
      if (data.length < PAGE_SIZE) break;
    }
  } catch (error) {
    throw toSourceError(error, `listing the files of #${pr.number}`);
  }
  return files;
}

/** Workspaces can only split production files that lie in different folders. */
function needsWorkspaces(files: ChangedFile[], config: Config): boolean {
  if (config.scope.scopes) return false;
  const folders = new Set(files.filter((f) => classifyFile(f.path, config) === "production").map((f) => f.path.replace(/\/?[^/]*$/, "")));
  return folders.size > 1;
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

/** Check runs and commit statuses on the head commit, as one list of named checks. */
async function listHeadChecks(octokit: GitHubClient, repo: RepoRef, sha: string): Promise<HeadCheck[]> {
  try {
    const [runs, combined] = await Promise.all([
      octokit.rest.checks.listForRef({ ...repo, ref: sha, per_page: 100, filter: "latest" }),
      octokit.rest.repos.getCombinedStatusForRef({ ...repo, ref: sha, per_page: 100 }),
    ]);
    const fromRuns: HeadCheck[] = runs.data.check_runs.map((run) => ({ name: run.name, status: run.status as HeadCheck["status"], conclusion: run.conclusion ?? null }));
    const fromStatuses: HeadCheck[] = combined.data.statuses.map((s) =>
      s.state === "pending" ? { name: s.context, status: "pending", conclusion: null } : { name: s.context, status: "completed", conclusion: s.state === "error" ? "failure" : s.state },
    );
    return [...fromRuns, ...fromStatuses];
  } catch (error) {
    throw toSourceError(error, "reading the checks on the head commit");
  }
}
