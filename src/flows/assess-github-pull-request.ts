import type { ChangedFile } from "../core/change.js";
import { evaluatePolicy } from "../core/evaluate-policy.js";
import { isHotfix } from "../core/is-hotfix.js";
import { notHotfixReport, type PolicyReport } from "../core/policy-report.js";
import type { GitHubClient, RepoRef } from "../github/github-client.js";
import { labelNames } from "../github/labels.js";
import { loadRepoSettings, type RepoSettings } from "../github/load-repo-config.js";
import type { PullRequestData } from "../github/pull-request-data.js";
import { readPullRequestChange } from "../sources/github-pr-source.js";
import { rules } from "../rules/index.js";
import type { TicketTrackers } from "../core/ticket-facts.js";

export interface PullRequestAssessment {
  report: PolicyReport;
  settings: RepoSettings;
  /** The PR's files, when they were listed (a hotfix): the config check reuses them. */
  files?: ChangedFile[];
}

/**
 * Assesses a pull request on GitHub: reads, evaluates, writes nothing. The App
 * (app/flows/assess-pull-request.ts), the Action and `spo check --pr` all call this, so they make
 * the same calls in the same order: the config from the default branch, then, for a hotfix only,
 * the PR's files (and what the config asks for: checks, the ticket, on GitHub or in `trackers`,
 * the forward-port twin; then what the planner asks for: the base tree, file texts, the previous
 * release). Returns the report instead of rendering it, and throws ConfigError or SourceError:
 * each front end owns failure.
 */
export async function assessGitHubPullRequest(
  octokit: GitHubClient,
  repo: RepoRef,
  pr: PullRequestData,
  defaultBranch: string,
  options: {
    /** The Jira and Linear clients of this process (src/trackers), for `ticket.verify`. */
    trackers: TicketTrackers;
    /** Settings the caller already read: saves a call. */
    settings?: RepoSettings | undefined;
  },
): Promise<PullRequestAssessment> {
  const settings = options.settings ?? (await loadRepoSettings(octokit, repo, defaultBranch));
  const hotfix = isHotfix({ headBranch: pr.head.ref, labels: labelNames(pr.labels) }, settings.config);
  if (!hotfix.hotfix) return { report: notHotfixReport(hotfix), settings };
  const change = await readPullRequestChange(octokit, repo, pr, settings.config, options.trackers, defaultBranch);
  return { report: evaluatePolicy(change, settings.config, rules), settings, files: change.files };
}
