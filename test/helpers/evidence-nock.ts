import type nock from "nock";
import { readFileSync } from "node:fs";
import { loadWebhook } from "../../support/webhooks.js";
import { hotfixPull, mockCheck, mockCommitPulls, mockDeployments } from "./deploy-nock.js";
import { mockSettings } from "./github-nock.js";
import { FIXED_NOW, TEST_APP_ID } from "./probot.js";

/** The gate report of a hotfix that passes every rule, as the App published it (a reviewed snapshot). */
export const PASSING_GATE_SUMMARY = readFileSync(
  new URL("../app/__snapshots__/good-hotfix.summary.md", import.meta.url),
  "utf8",
);

/** The same report with `rollback-plan` failing: what an overridden gate run shows. */
export const FAILING_GATE_SUMMARY = PASSING_GATE_SUMMARY.replace(
  /\| ✅ \| `rollback-plan` \| pass \| [^\n]*/,
  "| ❌ | `rollback-plan` | fail | The description has no Rollback plan section. |",
);

/** The hotfix PR as `pulls.get` returns it when the evidence reads it (author, merger, times). */
export function mockEvidencePull(
  scope: nock.Scope,
  repo: string,
  number: number,
  pr: { author: string; mergedBy?: string | null; mergedAt?: string | null; createdAt: string; headSha: string },
  reviews: Array<{ id: number; login: string; state: string; submitted_at: string }> = [],
): nock.Scope {
  const base = loadWebhook("pull_request.opened").pull_request;
  scope.get(`/repos/${repo}/pulls/${number}`).reply(200, {
    ...base,
    number,
    state: pr.mergedAt ? "closed" : "open",
    user: { ...base.user, login: pr.author },
    created_at: pr.createdAt,
    merged_at: pr.mergedAt ?? null,
    merged_by: pr.mergedBy ? { ...base.user, login: pr.mergedBy } : null,
    head: { ...base.head, sha: pr.headSha },
  });
  scope
    .get(`/repos/${repo}/pulls/${number}/reviews`)
    .query({ per_page: "100", page: "1" })
    .reply(
      200,
      reviews.map(({ login, ...review }) => ({ ...review, user: { login, type: "User" } })),
    );
  return scope;
}

/** The App's `single-patch-order/evidence` runs already on `sha`. */
export function mockEvidenceRuns(
  scope: nock.Scope,
  repo: string,
  sha: string,
  runs: Array<{ id: number; externalId: string; appId?: number }> = [],
): nock.Scope {
  return scope
    .get(`/repos/${repo}/commits/${sha}/check-runs`)
    .query({
      check_name: "single-patch-order/evidence",
      filter: "all",
      per_page: "100",
      page: "1",
      app_id: String(TEST_APP_ID),
    })
    .reply(200, {
      total_count: runs.length,
      check_runs: runs.map((run) => ({
        id: run.id,
        name: "single-patch-order/evidence",
        head_sha: sha,
        status: "completed",
        conclusion: "success",
        external_id: run.externalId,
        app: { id: run.appId ?? TEST_APP_ID, slug: "single-patch-order" },
        output: { title: "…", summary: "…", text: "…" },
      })),
    });
}

/** The record in the fenced `json` block that ends an evidence run's text. */
export function readRecord(text: string): unknown {
  const match = /(`{3,})json\n([\s\S]*)\n\1$/.exec(text);
  if (!match?.[2]) throw new Error(`no json block at the end of:\n${text}`);
  return JSON.parse(match[2]);
}

/** Waits until every mock of `scope` was called (work that goes on after an HTTP answer), at most `ms`. */
export async function waitForMocks(scope: nock.Scope, ms = 3_000): Promise<void> {
  const until = Date.now() + ms;
  while (!scope.isDone() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
}

const EVIDENCE_REPO = "Codertocat/Hello-World";
/** The commit of the protection-rule fixture: here the merge commit of hotfix #12. */
export const MERGE_SHA = "f95f852bd8fca8fcc58a9a2d6c842781e32a215e";
/** The head of hotfix #12. */
export const HOTFIX_HEAD = "a".repeat(40);

/**
 * The merged hotfix #12 (by `dev-ana`, branch `hotfix/SHOP-42-discount`) whose merge commit is
 * MERGE_SHA, with the App's gate run on its head (`gate.summary`, `gate.text` with its record).
 * `title` overrides the PR's title as GitHub lists it now.
 */
export function mockMergedHotfix(
  scope: nock.Scope,
  gate: { summary: string; text?: string; conclusion?: string },
  title?: string,
): nock.Scope {
  mockCommitPulls(scope, EVIDENCE_REPO, MERGE_SHA, [
    hotfixPull(12, HOTFIX_HEAD, {
      state: "closed",
      merge_commit_sha: MERGE_SHA,
      merged_at: "2026-11-21T10:00:00Z",
      created_at: "2026-11-21T08:00:00Z",
      user: { login: "dev-ana" },
      ...(title ? { title } : {}),
    }),
  ]);
  mockCheck(scope, EVIDENCE_REPO, MERGE_SHA, "single-patch-order/release", null);
  return scope
    .get(`/repos/${EVIDENCE_REPO}/commits/${HOTFIX_HEAD}/check-runs`)
    .query({ check_name: "single-patch-order", filter: "all", per_page: "100", app_id: String(TEST_APP_ID) })
    .reply(200, {
      total_count: 1,
      check_runs: [
        {
          id: 500,
          name: "single-patch-order",
          status: "completed",
          conclusion: gate.conclusion ?? "success",
          external_id: "12",
          completed_at: "2026-11-21T09:50:00Z",
          app: { id: TEST_APP_ID },
          output: { title: "…", summary: gate.summary, text: gate.text ?? "" },
        },
      ],
    });
}

/** Canary deployment 7 of MERGE_SHA, created 5 minutes before its success `succeededMinutesAgo` before FIXED_NOW. */
export function mockCanary(scope: nock.Scope, succeededMinutesAgo: number): nock.Scope {
  const ago = (n: number) => new Date(FIXED_NOW.getTime() - n * 60_000).toISOString().replace(".000Z", "Z");
  return mockDeployments(scope, EVIDENCE_REPO, MERGE_SHA, [
    {
      id: 7,
      environment: "canary",
      created_at: ago(succeededMinutesAgo + 5),
      statuses: [{ state: "success", created_at: ago(succeededMinutesAgo) }],
    },
  ]);
}

/**
 * What a production decision on hotfix #12 reads before deciding: the config, the merged hotfix with
 * its gate run (mockMergedHotfix, `title` as there), a canary `canaryMinutes` old (mockCanary).
 */
export function mockDecisionReads(
  scope: nock.Scope,
  gate: { summary: string; text?: string },
  options: { canaryMinutes?: number; title?: string } = {},
): void {
  mockSettings(scope);
  mockMergedHotfix(scope, gate, options.title);
  mockCanary(scope, options.canaryMinutes ?? 45);
}

/** Hotfix #12 as its evidence reads it: opened by dev-ana at 08:00, merged by `mergedBy` at 10:00, head HOTFIX_HEAD. */
export function mockHotfixPull(
  scope: nock.Scope,
  mergedBy = "release-lead",
  reviews: Parameters<typeof mockEvidencePull>[4] = [],
): nock.Scope {
  const pull = { author: "dev-ana", mergedBy, mergedAt: "2026-11-21T10:00:00Z", createdAt: "2026-11-21T08:00:00Z" };
  return mockEvidencePull(scope, EVIDENCE_REPO, 12, { ...pull, headSha: HOTFIX_HEAD }, reviews);
}
