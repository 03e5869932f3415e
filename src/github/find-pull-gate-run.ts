import type { CheckFact } from "../core/deploy/decide-canary.js";
import { shortSha } from "../core/deploy/deployment-decision.js";
import { GATE_CHECK_NAME } from "./check-runs.js";
import { toSourceError } from "./describe-github-error.js";
import { parseGateExternalId } from "./gate-external-id.js";
import type { GitHubClient, RepoRef } from "./github-client.js";

/**
 * The newest of this App's `single-patch-order` runs on `headSha` that speaks for PR `number`: its
 * `external_id` names that PR, as judged or as sharing the head (gate-external-id.ts). A run judged
 * for another PR on the same commit, a "Not a hotfix" pass among them, is not this PR's verdict.
 * Reads one page: the 100 newest runs (`filter: all`, re-runs included). With the run's summary
 * and text (its signed record), for the evidence of a production decision.
 */
export async function findPullGateRun(
  octokit: GitHubClient,
  repo: RepoRef,
  headSha: string,
  number: number,
  appId?: number,
): Promise<(CheckFact & { text?: string }) | undefined> {
  try {
    const { data } = await octokit.rest.checks.listForRef({
      ...repo,
      ref: headSha,
      check_name: GATE_CHECK_NAME,
      filter: "all",
      per_page: 100,
      ...(appId === undefined ? {} : { app_id: appId }),
    });
    const judged = data.check_runs.filter(
      (run) =>
        run.name === GATE_CHECK_NAME &&
        (appId === undefined || run.app?.id === appId) &&
        parseGateExternalId(run.external_id)?.accounted.includes(number),
    );
    const newest = judged.sort((a, b) => finishedAt(b) - finishedAt(a) || b.id - a.id)[0];
    if (!newest) return undefined;
    const { summary, text } = newest.output ?? {};
    return {
      status: newest.status,
      conclusion: newest.conclusion,
      ...(summary ? { summary } : {}),
      ...(text ? { text } : {}),
    };
  } catch (error) {
    throw toSourceError(error, `reading the single-patch-order checks of #${number} on ${shortSha(headSha)}`);
  }
}

function finishedAt(run: { started_at?: string | null; completed_at?: string | null }): number {
  return Date.parse(run.completed_at ?? run.started_at ?? "") || 0;
}
