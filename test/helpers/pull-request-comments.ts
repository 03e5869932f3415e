import type nock from "nock";
import { formatOverrideMarker, type OverrideRecord } from "../../src/core/override/override-record.js";
import { GOOD_BODY } from "../../support/build-change.js";
import { TEST_APP_ID } from "./probot.js";
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

/** The audit comment as GitHub lists it: written by this App's bot user. */
export function auditComment(record: OverrideRecord, id = 9001, appId = TEST_APP_ID) {
  return {
    id,
    body: `${formatOverrideMarker(record)}\n### Break-glass override of \`single-patch-order\``,
    user: { login: "single-patch-order[bot]", type: "Bot" },
    performed_via_github_app: { id: appId, slug: "single-patch-order" },
  };
}
