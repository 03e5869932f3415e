import type { Config } from "../config/schema.js";
import type { Change } from "../core/change.js";
import { listTicketsToVerify } from "../core/readers/find-tickets.js";
import type { GitHubClient, RepoRef } from "../github/github-client.js";
import { labelNames } from "../github/labels.js";
import { listHeadChecks } from "../github/list-head-checks.js";
import { listPullFiles } from "../github/list-pull-files.js";
import type { PullRequestData } from "../github/pull-request-data.js";
import { readTicketStates } from "../github/read-ticket-states.js";
import { completeChange } from "./complete-change.js";
import { readGitHubFacts } from "./read-github-facts.js";

/**
 * Builds the Change for a pull request: the PR fields from the payload, plus its files (capped at
 * MAX_LISTED_FILES, github/list-pull-files.ts). Only when a rule needs them: the head checks
 * (`tests.requiredChecks`), the referenced issues (`ticket.verify`), and what the engine's planner
 * asks for (core/plan-facts.ts: file texts, the base tree for scopes, the previous release).
 * Commits are counted from the PR, not listed.
 */
export async function readPullRequestChange(
  octokit: GitHubClient,
  repo: RepoRef,
  pr: PullRequestData,
  config: Config,
): Promise<Change> {
  const files = await listPullFiles(octokit, repo, pr);
  const repository = `${repo.owner}/${repo.repo}`;
  const body = pr.body ?? "";
  const ticketIds = config.ticket.verify
    ? listTicketsToVerify({ title: pr.title, headBranch: pr.head.ref, body, repository }, config.ticket.patterns)
    : [];
  const [checks, tickets] = await Promise.all([
    config.tests.requiredChecks.length ? listHeadChecks(octokit, repo, pr.head.sha) : undefined,
    ticketIds.length ? readTicketStates(octokit, ticketIds) : undefined,
  ]);
  const change: Change = {
    repository,
    title: pr.title,
    body,
    labels: labelNames(pr.labels),
    headBranch: pr.head.ref,
    baseBranch: pr.base.ref,
    files,
    changedFiles: Math.max(pr.changed_files ?? files.length, files.length),
    commitCount: pr.commits ?? 0,
    ...(checks ? { checks } : {}),
    ...(tickets ? { tickets } : {}),
  };
  const changedBasePaths = new Set(files.map((f) => f.previousPath ?? f.path));
  return completeChange(
    change,
    config,
    readGitHubFacts(octokit, repo, { baseSha: pr.base.sha, headSha: pr.head.sha, changedBasePaths }),
  );
}
