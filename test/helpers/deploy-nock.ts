import type nock from "nock";
import { GOOD_BODY } from "../../support/build-change.js";
import { loadWebhook } from "../../support/webhooks.js";
import { mockFiles } from "./github-nock.js";
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
    state: "open",
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

/** The deployer every workflow job uses by default, trusted by `deploy.trustedCreators` by default. */
export const ACTIONS_BOT = "github-actions[bot]";

/**
 * The commit's deployments and each one's statuses (newest first, as GitHub lists them). Each is
 * created by `creator` (default ACTIONS_BOT), as GitHub records it in `creator.login`.
 */
export function mockDeployments(
  scope: nock.Scope,
  repo: string,
  sha: string,
  deployments: Array<{
    id: number;
    environment: string;
    creator?: string;
    created_at?: string;
    statuses?: Array<{ state: string; created_at: string; creator?: string }>;
  }>,
): nock.Scope {
  scope
    .get(`/repos/${repo}/deployments`)
    .query({ sha, per_page: "100" })
    .reply(
      200,
      deployments.map(({ id, environment, creator, created_at }) => ({
        id,
        sha,
        environment,
        ...(created_at ? { created_at } : {}),
        creator: { login: creator ?? ACTIONS_BOT },
      })),
    );
  for (const d of deployments) {
    if (d.statuses)
      scope
        .get(`/repos/${repo}/deployments/${d.id}/statuses`)
        .query({ per_page: "100" })
        .reply(
          200,
          [...d.statuses]
            .reverse()
            .map(({ creator, ...status }) => ({ ...status, creator: { login: creator ?? ACTIONS_BOT } })),
        );
  }
  return scope;
}

/** A hotfix that passes every default rule: one production file and its test. */
export const HOTFIX_FILES = [
  { filename: "src/checkout/discount.ts", additions: 3, deletions: 1 },
  { filename: "src/checkout/discount.test.ts", status: "added", additions: 12, deletions: 0 },
];

/** A body without its rollback plan: the hotfix then fails exactly `rollback-plan`. */
export const NO_ROLLBACK_BODY = GOOD_BODY.replace(/## Rollback plan\n[\s\S]*$/, "");

/**
 * An open hotfix PR as `pulls.get` returns it, and its files: what the canary gate reads to judge
 * the PR itself. `failing` leaves out its rollback plan.
 */
export function mockJudgedHotfix(
  scope: nock.Scope,
  repo: string,
  number: number,
  sha: string,
  options: { failing?: boolean; ref?: string } = {},
): nock.Scope {
  const pr = loadWebhook("pull_request.opened").pull_request;
  scope.get(`/repos/${repo}/pulls/${number}`).reply(200, {
    ...pr,
    number,
    state: "open",
    title: "SHOP-42: fix discount total",
    body: options.failing ? NO_ROLLBACK_BODY : GOOD_BODY,
    changed_files: 2,
    labels: [],
    head: { ...pr.head, ref: options.ref ?? "hotfix/SHOP-42-discount", sha },
    base: { ...pr.base, ref: "main" },
  });
  return mockFiles(scope, repo, number, HOTFIX_FILES);
}

/**
 * The canary decision still holds for `sha` (asked again at production time): it is the head of
 * the open hotfix #12, which passes when judged now, and has no release check.
 */
export function mockCanaryHolds(scope: nock.Scope, repo: string, sha: string): nock.Scope {
  mockCommitPulls(scope, repo, sha, [hotfixPull(12, sha)]);
  mockCheck(scope, repo, sha, "single-patch-order/release", null);
  return mockJudgedHotfix(scope, repo, 12, sha);
}

/** Our `single-patch-order` runs on `ref` (every one, `filter: all`), each with the external id it was published with. */
export function mockGateRuns(
  scope: nock.Scope,
  repo: string,
  ref: string,
  runs: Array<{ externalId: string; conclusion: string; completedAt?: string }>,
): nock.Scope {
  return scope
    .get(`/repos/${repo}/commits/${ref}/check-runs`)
    .query({ check_name: "single-patch-order", filter: "all", per_page: "100", app_id: String(TEST_APP_ID) })
    .reply(200, {
      total_count: runs.length,
      check_runs: runs.map((run, i) => ({
        id: 500 + i,
        name: "single-patch-order",
        status: "completed",
        conclusion: run.conclusion,
        external_id: run.externalId,
        completed_at: run.completedAt ?? `2026-11-21T11:0${i}:00Z`,
        app: { id: TEST_APP_ID },
      })),
    });
}
