import type nock from "nock";
import { TEST_APP_ID } from "./probot.js";

/** The commit's associated pull requests, as `GET /commits/{sha}/pulls` lists them. */
export function mockCommitPulls(
  scope: nock.Scope,
  repo: string,
  sha: string,
  pulls: Array<Record<string, unknown>>,
): nock.Scope {
  return scope.get(`/repos/${repo}/commits/${sha}/pulls`).query({ per_page: "100" }).reply(200, pulls);
}

/** A hotfix PR whose head is `sha` (override anything, e.g. `merged_at`, `merge_commit_sha`). */
export function hotfixPull(
  number: number,
  sha: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    number,
    title: "SHOP-42: fix discount total",
    body: "## Rollback plan\nRevert this PR and redeploy v1.4.2; no data changes, nothing else to undo.",
    labels: [],
    head: { ref: "hotfix/SHOP-42-discount", sha },
    base: { ref: "main" },
    merge_commit_sha: null,
    merged_at: null,
    html_url: `https://github.com/o/r/pull/${number}`,
    ...overrides,
  };
}

/** Our latest check named `name` on `ref`: `conclusion` null means none exists. */
export function mockCheck(
  scope: nock.Scope,
  repo: string,
  ref: string,
  name: string,
  conclusion: string | null,
): nock.Scope {
  const runs =
    conclusion === null
      ? []
      : [{ name, status: "completed", conclusion, completed_at: "2026-11-21T11:00:00Z", app: { id: TEST_APP_ID } }];
  return scope
    .get(`/repos/${repo}/commits/${ref}/check-runs`)
    .query({ check_name: name, filter: "latest", per_page: "100", app_id: String(TEST_APP_ID) })
    .reply(200, { total_count: runs.length, check_runs: runs });
}

/** The commit's deployments and each one's statuses (newest first, as GitHub lists them). */
export function mockDeployments(
  scope: nock.Scope,
  repo: string,
  sha: string,
  deployments: Array<{ id: number; environment: string; statuses?: Array<{ state: string; created_at: string }> }>,
): nock.Scope {
  scope
    .get(`/repos/${repo}/deployments`)
    .query({ sha, per_page: "100" })
    .reply(
      200,
      deployments.map(({ id, environment }) => ({ id, sha, environment })),
    );
  for (const d of deployments) {
    if (d.statuses)
      scope
        .get(`/repos/${repo}/deployments/${d.id}/statuses`)
        .query({ per_page: "100" })
        .reply(200, [...d.statuses].reverse());
  }
  return scope;
}
