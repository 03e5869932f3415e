import { shortSha } from "../core/deploy/deployment-decision.js";
import { toSourceError } from "./describe-github-error.js";
import type { GitHubClient, RepoRef } from "./github-client.js";

/** A check run as `checks.listForRef` lists it. */
export type ListedCheckRun = Awaited<
  ReturnType<GitHubClient["rest"]["checks"]["listForRef"]>
>["data"]["check_runs"][number];

/**
 * GitHub keeps at most 1,000 runs of one name in a check suite and then deletes the oldest
 * (REST docs, "Create a check run"); 10 pages of 100 cover them. Past that nothing older is read.
 */
const MAX_PAGES = 10;

/**
 * Every run named `name` on `sha` (`filter: all`, re-runs included), of the App `appId` when given
 * (anyone's App can use a name): one call per 100 runs. GitHub's answer is filtered again on name,
 * commit and App, so a run it lists for another reason is never taken for one of ours.
 */
export async function listNamedRuns(
  octokit: GitHubClient,
  repo: RepoRef,
  sha: string,
  name: string,
  appId?: number,
): Promise<ListedCheckRun[]> {
  const runs: ListedCheckRun[] = [];
  try {
    for (let page = 1; page <= MAX_PAGES; page++) {
      const { data } = await octokit.rest.checks.listForRef({
        ...repo,
        ref: sha,
        check_name: name,
        filter: "all",
        per_page: 100,
        page,
        ...(appId === undefined ? {} : { app_id: appId }),
      });
      for (const run of data.check_runs)
        if (run.name === name && run.head_sha === sha && (appId === undefined || run.app?.id === appId)) runs.push(run);
      if (data.check_runs.length < 100) break;
    }
    return runs;
  } catch (error) {
    throw toSourceError(error, `reading the ${name} checks on ${shortSha(sha)}`);
  }
}
