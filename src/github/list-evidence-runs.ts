import { EVIDENCE_CHECK_NAME } from "../core/evidence/evidence-key.js";
import { shortSha } from "../core/deploy/deployment-decision.js";
import { toSourceError } from "./describe-github-error.js";
import type { GitHubClient, RepoRef } from "./github-client.js";

/** A `single-patch-order/evidence` run on a commit, with the App that wrote it. */
export interface EvidenceRun {
  id: number;
  externalId: string | null;
  /** The App that wrote it: only a run of the App itself is evidence (anyone's App can use the name). */
  appId?: number | undefined;
  appSlug?: string | undefined;
  text: string | null;
  htmlUrl: string | null;
}

/** GitHub keeps at most 1,000 runs of a name in a suite: 10 pages of 100 read them all. */
const MAX_PAGES = 10;

/**
 * Every `single-patch-order/evidence` run on `sha` (`filter: all`, re-runs included), of the App
 * `appId` when given (the App itself knows its id; `spo evidence` filters by slug). One call per
 * 100 runs.
 */
export async function listEvidenceRuns(
  octokit: GitHubClient,
  repo: RepoRef,
  sha: string,
  appId?: number,
): Promise<EvidenceRun[]> {
  const runs: EvidenceRun[] = [];
  try {
    for (let page = 1; page <= MAX_PAGES; page++) {
      const { data } = await octokit.rest.checks.listForRef({
        ...repo,
        ref: sha,
        check_name: EVIDENCE_CHECK_NAME,
        filter: "all",
        per_page: 100,
        page,
        ...(appId === undefined ? {} : { app_id: appId }),
      });
      for (const run of data.check_runs) {
        if (run.name !== EVIDENCE_CHECK_NAME || run.head_sha !== sha) continue;
        runs.push({
          id: run.id,
          externalId: run.external_id ?? null,
          appId: run.app?.id,
          appSlug: run.app?.slug,
          text: run.output?.text ?? null,
          htmlUrl: run.html_url ?? null,
        });
      }
      if (data.check_runs.length < 100) break;
    }
    return runs;
  } catch (error) {
    throw toSourceError(error, `reading the ${EVIDENCE_CHECK_NAME} checks on ${shortSha(sha)}`);
  }
}
