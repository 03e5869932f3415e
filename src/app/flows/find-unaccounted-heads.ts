import { parseGateExternalId } from "../../github/gate-external-id.js";

/** A gate run as its `check_run.completed` delivery carries it. */
export interface CompletedGateRun {
  head_sha: string;
  conclusion: string | null;
  external_id: string | null;
  pull_requests: ReadonlyArray<{ number: number; head: { sha: string }; base: { repo: { id: number } } }>;
}

/**
 * The open PRs of this repository that GitHub lists on a passing gate run of ours, whose head is
 * the run's commit, and that the run's verdict did not account for (its `external_id`,
 * gate-external-id.ts). Two PRs on one commit judged at the same moment can each miss the other
 * and publish a pass; this delivery is how the App learns of it. Empty for a failing run (nothing
 * is stricter), for a run that already accounts for every listed PR, and for fork PRs (GitHub
 * lists none on a check run: the judgement's own look-up covers them). Pure.
 */
export function findUnaccountedHeads(run: CompletedGateRun, repositoryId: number): number[] {
  if (run.conclusion !== "success") return [];
  const accounted = parseGateExternalId(run.external_id)?.accounted ?? [];
  return run.pull_requests
    .filter((pr) => pr.base.repo.id === repositoryId && pr.head.sha === run.head_sha)
    .map((pr) => pr.number)
    .filter((n) => !accounted.includes(n));
}
