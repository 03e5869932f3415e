import type { CheckRunOutput } from "../render/check-run-output.js";
import type { GitHubClient, RepoRef } from "./github-client.js";

/** The check a repository requires in branch protection. */
export const GATE_CHECK_NAME = "single-patch-order";
/** The check on a release's commit. */
export const RELEASE_CHECK_NAME = "single-patch-order/release";
/** The check on a pull request that changes the config file (SPEC §12). */
export const CONFIG_CHECK_NAME = "single-patch-order/config";
/** The check on a merged hotfix's merge commit: is its twin on the forward-port target (SPEC §13)? */
export const FORWARD_PORT_CHECK_NAME = "single-patch-order/forward-port";

/** A button on the check run (GitHub allows 3, labels ≤ 20 and descriptions ≤ 40 characters). */
export interface CheckAction {
  label: string;
  description: string;
  identifier: string;
}

export interface CompletedCheck {
  name: string;
  headSha: string;
  output: CheckRunOutput;
  /** When the check completed; injected so tests need no clock. */
  completedAt: Date;
  actions?: CheckAction[];
  detailsUrl?: string;
  /** Opaque id GitHub sends back on check events, e.g. the PR number the check judged. */
  externalId?: string;
}

/**
 * Publishes a check run that is already completed: one call, and no window in which a check
 * could be left `in_progress`. The output carries at most 50 annotations (the renderer keeps the
 * first 50 and says so in the report), so this one request sends them all. This is the only place
 * that writes check runs.
 */
export async function publishCompletedCheck(
  octokit: GitHubClient,
  repo: RepoRef,
  check: CompletedCheck,
): Promise<number> {
  const { annotations } = check.output;
  const output = {
    title: check.output.title,
    summary: check.output.summary,
    ...(check.output.text ? { text: check.output.text } : {}),
  };
  const { data } = await octokit.rest.checks.create({
    ...repo,
    name: check.name,
    head_sha: check.headSha,
    status: "completed",
    conclusion: check.output.conclusion,
    completed_at: check.completedAt.toISOString(),
    output: { ...output, ...(annotations.length ? { annotations } : {}) },
    ...(check.actions?.length ? { actions: check.actions } : {}),
    ...(check.detailsUrl ? { details_url: check.detailsUrl } : {}),
    ...(check.externalId ? { external_id: check.externalId } : {}),
  });
  return data.id;
}
