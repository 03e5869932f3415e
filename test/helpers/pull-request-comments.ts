import type nock from "nock";
import type { GateRecord, OverrideRecord } from "../../src/core/override/override-record.js";
import { sealRecord, type RecordSeal } from "../../src/github/override-store.js";
import { GOOD_BODY } from "../../support/build-change.js";
import { TEST_APP_ID, TEST_SEAL } from "./probot.js";
import { loadWebhook } from "../../support/webhooks.js";

/** Builders and nock scopes for tests of PR comments, commands and overrides on Codertocat/Hello-World. */

export const REPO = "Codertocat/Hello-World";
export const SHA = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
export const AUTHOR = "octo-author";

/** The real `issue_comment.created` delivery, on pull request #1 opened by AUTHOR. */
export function prComment(body: string, actor = "release-lead", action: "created" | "edited" = "created") {
  const payload = loadWebhook(`issue_comment.${action}`);
  payload.issue.pull_request = { url: `https://api.github.com/repos/${REPO}/pulls/1` };
  payload.issue.user.login = AUTHOR;
  payload.comment.body = body;
  payload.comment.user.login = actor;
  payload.comment.created_at = "2026-11-21T11:59:00Z";
  return payload;
}

/** A hotfix PR as `pulls.get` returns it: #1 by AUTHOR on SHA. */
export function pullRequest(overrides: Record<string, unknown> = {}) {
  const pr = loadWebhook("pull_request.opened").pull_request;
  return {
    ...pr,
    number: 1,
    title: "SHOP-42: fix discount total",
    body: GOOD_BODY,
    changed_files: 3,
    user: { ...pr.user, login: AUTHOR },
    head: { ...pr.head, ref: "hotfix/SHOP-42", sha: SHA },
    base: { ...pr.base, ref: "main" },
    labels: [],
    ...overrides,
  };
}

/** Three files over two scopes: the `single-scope` rule fails. */
export const TWO_SCOPES = [
  { filename: "src/checkout/discount.ts" },
  { filename: "src/checkout/discount.test.ts", status: "added" },
  { filename: "src/billing/invoice.ts" },
];

export function mockRole(
  scope: nock.Scope,
  username: string,
  roleName: string,
  permission = roleName === "maintain" ? "write" : roleName,
): nock.Scope {
  return scope
    .get(`/repos/${REPO}/collaborators/${username}/permission`)
    .reply(200, { permission, role_name: roleName, user: { login: username } });
}

export function mockComments(scope: nock.Scope, comments: unknown[], number = 1): nock.Scope {
  return scope.get(`/repos/${REPO}/issues/${number}/comments`).query({ per_page: "100" }).reply(200, comments);
}

/** Captures the bodies of comments posted on the PR; each gets the next id from `firstId`. */
export function captureComments(scope: nock.Scope, times = 1, number = 1, firstId = 9001): string[] {
  const bodies: string[] = [];
  scope
    .post(`/repos/${REPO}/issues/${number}/comments`, (body: { body: string }) => {
      bodies.push(body.body);
      return true;
    })
    .times(times)
    .reply(201, () => ({ id: firstId + bodies.length - 1 }));
  return bodies;
}

/** Captures the bodies sent to add labels to the PR. */
export function captureAddedLabels(scope: nock.Scope, number = 1): unknown[] {
  const bodies: unknown[] = [];
  scope
    .post(`/repos/${REPO}/issues/${number}/labels`, (body: unknown) => {
      bodies.push(body);
      return true;
    })
    .reply(200, [{ name: "spo:overridden" }]);
  return bodies;
}

/** The audit comment as GitHub lists it: written by this App's bot user; it holds no record. */
export function auditComment(record: OverrideRecord, id = 9001, appId = TEST_APP_ID) {
  return {
    id,
    body: `### Break-glass override of \`single-patch-order\`\n\n@${record.by} overrode the failing check on \`${record.sha.slice(0, 7)}\`.`,
    user: { login: "single-patch-order[bot]", type: "Bot" },
    performed_via_github_app: { id: appId, slug: "single-patch-order" },
  };
}

/** A record of this App for PR #1 on SHA, pushed by `pushedBy`, with an override when given. */
export function gateRecord(
  options: { override?: OverrideRecord; pushedBy?: string; pr?: number; sha?: string } = {},
): GateRecord {
  const { override, pushedBy, pr = 1, sha = SHA } = options;
  return {
    v: 1,
    repo: REPO,
    pr,
    sha,
    ...(override
      ? { override: { by: override.by, reason: override.reason, at: override.at, comment: override.comment } }
      : {}),
    ...(pushedBy ? { pushedBy } : {}),
  };
}

/** One of our gate runs as `checks.listForRef` lists it, its record signed with `seal` at the end of the text. */
export function gateRun(
  id: number,
  record: GateRecord | undefined,
  options: { seal?: RecordSeal; appId?: number; text?: string; sha?: string } = {},
) {
  const { seal = TEST_SEAL, appId = TEST_APP_ID, text = "## Findings", sha = record?.sha ?? SHA } = options;
  return {
    id,
    name: "single-patch-order",
    head_sha: sha,
    status: "completed",
    conclusion: record?.override ? "success" : "failure",
    external_id: String(record?.pr ?? 1),
    app: { id: appId, slug: appId === TEST_APP_ID ? "single-patch-order" : "other-app" },
    output: { title: "…", summary: "…", text: record ? `${text}\n${sealRecord(seal, record)}` : text },
  };
}

/** `GET …/commits/SHA/check-runs` as the override store reads it: our gate runs, all of them. */
export function mockGateRuns(scope: nock.Scope, runs: unknown[], sha = SHA): nock.Scope {
  return scope
    .get(`/repos/${REPO}/commits/${sha}/check-runs`)
    .query({ check_name: "single-patch-order", app_id: String(TEST_APP_ID), filter: "all", per_page: "100", page: "1" })
    .reply(200, { total_count: runs.length, check_runs: runs });
}

/** `GET …/commits/SHA` (the head commit's author and committer logins). */
export function mockHeadCommit(
  scope: nock.Scope,
  people: { author?: string | null; committer?: string | null } = {},
  sha = SHA,
): nock.Scope {
  const { author = AUTHOR, committer = "web-flow" } = people;
  return scope
    .get(`/repos/${REPO}/commits/${sha}`)
    .query({ per_page: "1" })
    .reply(200, {
      sha,
      author: author === null ? null : { login: author, type: "User" },
      committer: committer === null ? null : { login: committer, type: "User" },
      commit: { message: "fix" },
      files: [],
    });
}
