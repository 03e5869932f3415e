import type { Config } from "../config/schema.js";
import type { Change } from "../core/change.js";
import type { TicketTrackers } from "../core/ticket-facts.js";
import { findTicketToVerify } from "../core/readers/find-tickets.js";
import type { GitHubClient, RepoRef } from "../github/github-client.js";
import { labelNames } from "../github/labels.js";
import { listHeadChecks } from "../github/list-head-checks.js";
import { listPullFiles } from "../github/list-pull-files.js";
import type { PullRequestData } from "../github/pull-request-data.js";
import { completeChange } from "./complete-change.js";
import { readGitHubFacts } from "./read-github-facts.js";
import { readTicketFacts } from "./read-ticket-facts.js";

/**
 * Builds the Change for a pull request: the PR fields from the payload, plus its files (capped at
 * MAX_LISTED_FILES, github/list-pull-files.ts). Only when a rule needs them: the head checks
 * (`tests.requiredChecks`), the ticket (`ticket.verify`: on GitHub, or in Jira or Linear through
 * `trackers`), and what the engine's planner asks for (core/plan-facts.ts: file texts, the base
 * tree for scopes, the previous release). Commits are counted from the PR, not listed.
 */
export async function readPullRequestChange(
  octokit: GitHubClient,
  repo: RepoRef,
  pr: PullRequestData,
  config: Config,
  trackers: TicketTrackers,
): Promise<Change> {
  const files = await listPullFiles(octokit, repo, pr);
  const repository = `${repo.owner}/${repo.repo}`;
  const body = pr.body ?? "";
  const ticket = config.ticket.verify
    ? findTicketToVerify({ title: pr.title, headBranch: pr.head.ref, body, repository }, config.ticket.patterns)
    : undefined;
  const [checks, tickets] = await Promise.all([
    config.tests.requiredChecks.length ? listHeadChecks(octokit, repo, pr.head.sha) : undefined,
    ticket ? readTicketFacts(ticket, config, octokit, trackers) : undefined,
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
