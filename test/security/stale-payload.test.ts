import nock from "nock";
import { describe, expect, it } from "vitest";
import { GOOD_BODY } from "../../support/build-change.js";
import { loadWebhook } from "../../support/webhooks.js";
import { HOTFIX_FILES, NO_ROLLBACK_BODY } from "../helpers/deploy-nock.js";
import {
  API,
  captureCheckRuns,
  expectAllMocksDone,
  mockFiles,
  mockOpenPulls,
  mockSettings,
} from "../helpers/github-nock.js";
import { createTestProbot, TEST_SEAL } from "../helpers/probot.js";
import { openRecord } from "../../src/github/override-store.js";

/**
 * Attack (issue 9, item 8): replay a stale payload. A redelivered (Redeliver button, catch-up) or
 * out-of-order `edited`/`labeled` delivery carries the PR as it was: judged from the payload, it
 * turns a newer failure back into a pass. The safe outcome: the App judges the PR as it is on
 * GitHub now. It asks with `If-Modified-Since` the payload's `updated_at` (a 304 is free); here
 * GitHub answers 200 with the newer state.
 */

const REPO = "Codertocat/Hello-World";
const SHA = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
const THEN = "2026-11-21T11:00:00Z";
const NOW = "2026-11-21T11:50:00Z";

/** The PR as the old delivery carried it: a passing hotfix, as of THEN. */
function staleDelivery(action: "edited" | "labeled", pr: Record<string, unknown> = {}) {
  const payload = loadWebhook(action === "edited" ? "pull_request.opened" : "pull_request.labeled");
  Object.assign(payload, { action });
  if (action === "edited") payload.changes = { body: { from: NO_ROLLBACK_BODY } };
  Object.assign(payload.pull_request, {
    number: 2,
    state: "open",
    title: "SHOP-42: fix discount total",
    body: GOOD_BODY,
    changed_files: 2,
    labels: [],
    updated_at: THEN,
    head: { ...payload.pull_request.head, ref: "hotfix/SHOP-42-discount", sha: SHA },
    base: { ...payload.pull_request.base, ref: "main" },
    ...pr,
  });
  payload.repository = loadWebhook("pull_request.opened").repository;
  return payload;
}

/** GitHub's answer to the conditional re-read: the PR as it is now (changed since THEN). */
function mockCurrent(scope: nock.Scope, delivered: any, now: Record<string, unknown>): string[] {
  const asked: string[] = [];
  scope
    .get(`/repos/${REPO}/pulls/2`)
    .matchHeader("if-modified-since", (value) => {
      if (value) asked.push(value);
      return Boolean(value);
    })
    .reply(200, { ...delivered.pull_request, updated_at: NOW, ...now });
  return asked;
}

async function receive(payload: unknown) {
  await createTestProbot().receive({ id: "attack-stale", name: "pull_request", payload } as never);
}

describe("attack: replay a stale payload", () => {
  it("an old `edited` delivery with the rollback plan is judged as the PR is now, without it: failure", async () => {
    const delivery = staleDelivery("edited");
    const scope = nock(API);
    const asked = mockCurrent(scope, delivery, { body: NO_ROLLBACK_BODY });
    mockSettings(scope);
    mockFiles(scope, REPO, 2, HOTFIX_FILES);
    const checks = captureCheckRuns(scope, REPO);

    await receive(delivery);

    expectAllMocksDone();
    expect(asked).toEqual(["Sat, 21 Nov 2026 11:00:00 GMT"]);
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({
      head_sha: SHA,
      conclusion: "failure",
      output: { title: "1 rule fails: The description has no Rollback plan section." },
    });
  });

  it("an old `labeled` delivery from before the hotfix label is judged with the label it has now: failure", async () => {
    const delivery = staleDelivery("labeled", {
      head: { ...loadWebhook("pull_request.labeled").pull_request.head, ref: "SHOP-42-discount", sha: SHA },
      body: NO_ROLLBACK_BODY,
    });
    delivery.label = { id: 9, name: "docs" };
    const scope = nock(API);
    mockCurrent(scope, delivery, {
      labels: [
        { id: 9, name: "docs" },
        { id: 10, name: "hotfix" },
      ],
    });
    mockSettings(scope);
    mockFiles(scope, REPO, 2, HOTFIX_FILES);
    const checks = captureCheckRuns(scope, REPO);

    await receive(delivery);

    expectAllMocksDone();
    expect(checks[0]).toMatchObject({ head_sha: SHA, conclusion: "failure" });
    expect(checks[0]!.output.summary).toContain("`hotfix`");
  });

  it("a delivery whose head moved on judges the current head, and puts nothing on the old one", async () => {
    const current = "d".repeat(40);
    const delivery = staleDelivery("edited");
    const scope = nock(API);
    mockCurrent(scope, delivery, { head: { ...delivery.pull_request.head, sha: current } });
    mockSettings(scope);
    mockFiles(scope, REPO, 2, HOTFIX_FILES);
    mockOpenPulls(scope, REPO);
    const checks = captureCheckRuns(scope, REPO);

    await receive(delivery);

    expectAllMocksDone();
    expect(checks.map((c) => [c.head_sha, c.conclusion])).toEqual([[current, "success"]]);
  });

  it("a stale `synchronize` whose head moved on records no pusher for the current head: its sender did not push it", async () => {
    const current = "d".repeat(40);
    const delivery = staleDelivery("edited");
    Object.assign(delivery, { action: "synchronize", sender: { ...delivery.sender, login: "old-pusher" } });
    const scope = nock(API);
    mockCurrent(scope, delivery, { head: { ...delivery.pull_request.head, sha: current } });
    mockSettings(scope);
    mockFiles(scope, REPO, 2, HOTFIX_FILES);
    mockOpenPulls(scope, REPO);
    const checks = captureCheckRuns(scope, REPO);

    await receive(delivery);

    expectAllMocksDone();
    expect(checks.map((c) => [c.head_sha, c.conclusion])).toEqual([[current, "success"]]);
    expect(openRecord(TEST_SEAL, checks[0]!.output.text)).toStrictEqual({ v: 1, repo: REPO, pr: 2, sha: current });
  });

  it("a stale `synchronize` on the same head still records its sender as the pusher", async () => {
    const delivery = staleDelivery("edited");
    Object.assign(delivery, { action: "synchronize", sender: { ...delivery.sender, login: "the-pusher" } });
    const scope = nock(API);
    mockCurrent(scope, delivery, { title: "SHOP-42: fix discount total, retitled" });
    mockSettings(scope);
    mockFiles(scope, REPO, 2, HOTFIX_FILES);
    mockOpenPulls(scope, REPO);
    const checks = captureCheckRuns(scope, REPO);

    await receive(delivery);

    expectAllMocksDone();
    expect(openRecord(TEST_SEAL, checks[0]!.output.text)).toStrictEqual({
      v: 1,
      repo: REPO,
      pr: 2,
      sha: SHA,
      pushedBy: "the-pusher",
    });
  });

  it("a delivery for a PR closed since is not judged", async () => {
    const delivery = staleDelivery("edited");
    const scope = nock(API);
    mockCurrent(scope, delivery, { state: "closed" });
    mockSettings(scope); // read alongside the PR, before the App knows it is closed

    await receive(delivery);

    expectAllMocksDone();
  });

  it("when the PR cannot be re-read, the check fails with the reason rather than pass on the payload", async () => {
    const delivery = staleDelivery("edited");
    const scope = nock(API);
    scope
      .get(`/repos/${REPO}/pulls/2`)
      .times(4)
      .reply(502, { message: "Bad Gateway" }, { "x-github-request-id": "STALE:1" });
    mockSettings(scope);
    const checks = captureCheckRuns(scope, REPO);

    await receive(delivery);

    expectAllMocksDone();
    expect(checks[0]).toMatchObject({ head_sha: SHA, status: "completed", conclusion: "failure" });
    expect(checks[0]!.output.title).toMatch(/^Could not evaluate: GitHub answered 502 while reading pull request #2/);
    expect(checks[0]!.output.summary).toContain("STALE:1");
  });
});
