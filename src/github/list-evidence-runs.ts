import { EVIDENCE_CHECK_NAME } from "../core/evidence/evidence-key.js";
import type { GitHubClient, RepoRef } from "./github-client.js";
import { listNamedRuns } from "./list-named-runs.js";

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
  const runs = await listNamedRuns(octokit, repo, sha, EVIDENCE_CHECK_NAME, appId);
  return runs.map((run) => ({
    id: run.id,
    externalId: run.external_id ?? null,
    appId: run.app?.id,
    appSlug: run.app?.slug,
    text: run.output?.text ?? null,
    htmlUrl: run.html_url ?? null,
  }));
}
