import type { Config } from "../config/schema.js";
import type { Change } from "../core/change.js";
import type { TicketTrackers } from "../core/ticket-facts.js";
import { findForwardPortTarget, needsTwinFacts } from "../core/forward-port/needs-twin-facts.js";
import type { TwinFacts } from "../core/forward-port/twin-facts.js";
import { findTicketToVerify } from "../core/readers/find-tickets.js";
import type { GitHubClient, RepoRef } from "../github/github-client.js";
import { labelNames } from "../github/labels.js";
import { listHeadChecks } from "../github/list-head-checks.js";
import { listPullFiles } from "../github/list-pull-files.js";
import type { PullRequestData } from "../github/pull-request-data.js";
import { completeChange } from "./complete-change.js";
import { readGitHubFacts } from "./read-github-facts.js";
import { readGitHubTwinFacts } from "./read-github-twin-facts.js";
import { readTicketFacts } from "./read-ticket-facts.js";

/**
 * Builds the Change for a pull request: the PR fields from the payload, plus its files (capped at
 * MAX_LISTED_FILES, github/list-pull-files.ts). Only when a rule needs them: the head checks
 * (`tests.requiredChecks`), the ticket (`ticket.verify`: on GitHub, or in Jira or Linear through
 * `trackers`), the forward-port facts (a hotfix into a `forwardPort.from` branch under
 * `upstream-first`: sources/read-github-twin-facts.ts), and what the engine's planner asks for
 * (core/plan-facts.ts: file texts, the base tree for scopes, the previous release). Commits are
 * counted from the PR, not listed.
 */
export async function readPullRequestChange(
  octokit: GitHubClient,
  repo: RepoRef,
  pr: PullRequestData,
  config: Config,
  trackers: TicketTrackers,
  defaultBranch: string,
): Promise<Change> {
  const files = await listPullFiles(octokit, repo, pr);
  const repository = `${repo.owner}/${repo.repo}`;
  const body = pr.body ?? "";
  const ticket = config.ticket.verify
    ? findTicketToVerify({ title: pr.title, headBranch: pr.head.ref, body, repository }, config.ticket.patterns)
    : undefined;
  const labels = labelNames(pr.labels);
  const twins = needsTwinFacts({ headBranch: pr.head.ref, labels, baseBranch: pr.base.ref }, config);
  const [checks, tickets, forwardPort] = await Promise.all([
    config.tests.requiredChecks.length ? listHeadChecks(octokit, repo, pr.head.sha) : undefined,
    ticket ? readTicketFacts(ticket, config, octokit, trackers) : undefined,
    twins ? readTwins(octokit, repo, pr, config, findForwardPortTarget(config, defaultBranch)) : undefined,
  ]);
  const change: Change = {
    repository,
    title: pr.title,
    body,
    labels,
    headBranch: pr.head.ref,
    baseBranch: pr.base.ref,
    files,
    changedFiles: Math.max(pr.changed_files ?? files.length, files.length),
    commitCount: pr.commits ?? 0,
    ...(checks ? { checks } : {}),
    ...(tickets ? { tickets } : {}),
    ...(forwardPort ? { forwardPort } : {}),
  };
  const changedBasePaths = new Set(files.map((f) => f.previousPath ?? f.path));
  return completeChange(
    change,
    config,
    readGitHubFacts(octokit, repo, { baseSha: pr.base.sha, headSha: pr.head.sha, changedBasePaths }),
  );
}

/** The twin of an open hotfix into a `from` branch, on the forward-port target (none when it targets it). */
async function readTwins(
  octokit: GitHubClient,
  repo: RepoRef,
  pr: PullRequestData,
  config: Config,
  target: string,
): Promise<TwinFacts> {
  const hotfix = {
    number: pr.number,
    title: pr.title,
    body: pr.body ?? "",
    headRef: pr.head.ref,
    baseRef: pr.base.ref,
  };
  if (!target || target === pr.base.ref)
    return {
      target: target || pr.base.ref,
      hotfix: { title: pr.title, body: hotfix.body, headBranch: pr.head.ref, baseBranch: pr.base.ref, commits: [] },
      targetCommits: [],
      sourcesOnTarget: [],
      candidates: [],
      limits: [],
    };
  const { facts } = await readGitHubTwinFacts(octokit, repo, hotfix, {
    target,
    tip: { branch: target },
    repository: `${repo.owner}/${repo.repo}`,
    ticketPatterns: config.ticket.patterns,
  });
  return facts;
}
