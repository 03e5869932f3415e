import { toExitCode } from "../core/to-conclusion.js";
import { getPullRequest } from "../github/find-pull-requests.js";
import type { RepoRef } from "../github/github-client.js";
import { createTokenClient } from "../github/create-token-client.js";
import { assessGitHubPullRequest } from "../flows/assess-github-pull-request.js";
import { useColor, type CliIo } from "./cli-io.js";
import { formatReport, type ReportFormat } from "./print-report.js";
import { UsageError } from "./usage-error.js";
import type { TicketTrackers } from "../core/ticket-facts.js";
import { createTicketTrackers } from "../trackers/create-ticket-trackers.js";
import { readTrackerSettings, TrackerSettingsError } from "../trackers/read-tracker-settings.js";

const SHORT_REF = /^([\w.-]+)\/([\w.-]+)#(\d+)$/;
const URL_REF = /^https?:\/\/[^/]+\/([\w.-]+)\/([\w.-]+)\/pull\/(\d+)(?:[/?#].*)?$/;

/**
 * `spo check --pr owner/repo#123`: judges a pull request through the GitHub API exactly as the App
 * would, and prints the report. A dry run: it reads and never writes (no check run, no comment).
 */
export async function checkPullRequest(ref: string, format: ReportFormat, io: CliIo): Promise<number> {
  const { repo, number } = parsePullRequestRef(ref);
  const token = io.env.GITHUB_TOKEN || io.env.GH_TOKEN;
  if (!token)
    throw new UsageError(
      "--pr reads the pull request through the GitHub API: set GITHUB_TOKEN to a token that can read the repository",
      "check",
    );
  const trackers = readTrackers(io.env);
  const octokit = createTokenClient(token, io.env.GITHUB_API_URL || undefined, io.Octokit);
  const pr = await getPullRequest(octokit, repo, number);
  const defaultBranch =
    (pr as { base: { repo?: { default_branch?: string } } }).base.repo?.default_branch ?? pr.base.ref;
  const { report, settings } = await assessGitHubPullRequest(octokit, repo, pr, defaultBranch, { trackers });
  io.stderr(
    `spo: dry run for ${repo.owner}/${repo.repo}#${number} at ${pr.head.sha.slice(0, 7)} with config ${settings.configSource}; nothing was written to GitHub.\n`,
  );
  io.stdout(formatReport(report, format, useColor(io, io.stdoutIsTTY)));
  return toExitCode(report);
}

/** Jira and Linear from the same variables as the App's (JIRA_URL, LINEAR_API_KEY…); set wrongly, a usage error. */
function readTrackers(env: CliIo["env"]): TicketTrackers {
  try {
    return createTicketTrackers(readTrackerSettings(env));
  } catch (error) {
    if (error instanceof TrackerSettingsError) throw new UsageError(error.message, "check");
    throw error;
  }
}

export function parsePullRequestRef(ref: string): { repo: RepoRef; number: number } {
  const match = SHORT_REF.exec(ref.trim()) ?? URL_REF.exec(ref.trim());
  if (!match?.[1] || !match[2] || !match[3]) {
    throw new UsageError(`--pr expects owner/repo#123 or a pull request URL, got "${ref}"`, "check");
  }
  return { repo: { owner: match[1], repo: match[2] }, number: Number(match[3]) };
}
