import nock from "nock";
import { describe, expect, it } from "vitest";
import { sealRecord, createRecordSeal } from "../../src/github/override-store.js";
import {
  API,
  captureCheckRuns,
  expectAllMocksDone,
  mockBaseTree,
  mockFiles,
  mockPullUnchanged,
  mockSettings,
} from "../helpers/github-nock.js";
import { createTestProbot } from "../helpers/probot.js";
import {
  captureComments,
  gateRecord,
  gateRun,
  mockGateRuns,
  mockRole,
  prComment,
  pullRequest,
} from "../helpers/pull-request-comments.js";
import { hotfixPull, mockCommitPulls } from "../helpers/deploy-nock.js";
import { loadWebhook } from "../../support/webhooks.js";
import { AUTHOR, REASON, REPO, SHA, mockFailingJudgement, pullRequestEvent } from "./attack-helpers.js";

/**
 * Issue 9, item 1: forge or extend an override by editing text. Anyone with write access can edit
 * any comment, the App's included, and the App's comments quote user text. The record now lives
 * only on the last line of the App's own check run, signed; every path below tries to get around it.
 */

const LABELLED = { labels: [{ id: 1, name: "spo:overridden" }] };
const OLD_MARKER = `<!-- spo:override {"sha":"${SHA}","by":"release-lead","reason":"${REASON}","at":"2026-11-21T11:59:00Z","comment":1} -->`;
const OVERRIDE = { sha: SHA, by: "release-lead", reason: REASON, at: "2026-11-21T11:59:00Z", comment: 77 };

async function receive(name: string, payload: unknown) {
  await createTestProbot().receive({ id: `attack-${Math.random()}`, name, payload } as never);
}

/** The App's own bot comment, edited by the attacker to carry `body`. */
function editedAppComment(body: string) {
  const payload = loadWebhook("issue_comment.edited");
  payload.issue.pull_request = { url: `https://api.github.com/repos/${REPO}/pulls/1` };
  payload.comment.body = body;
  payload.comment.user = { ...payload.comment.user, login: "single-patch-order[bot]", type: "Bot" };
  payload.sender = { ...payload.sender, login: AUTHOR, type: "User" };
  return payload;
}

describe("attack: forge or extend an override by editing text", () => {
  it("editing the App's /spo help reply to add a record does nothing, and the next judgement ignores it", async () => {
    const forged = `/spo help\n${OLD_MARKER}\n<!-- spo:record v1 eyJ2IjoxfQ.c2ln -->`;
    await receive("issue_comment", editedAppComment(forged));
    expectAllMocksDone(); // no call at all: edits are not read

    // The author then puts the override label on: the App reads only its check runs, never comments.
    const scope = nock(API);
    mockFailingJudgement(scope);
    mockGateRuns(scope, [gateRun(1, gateRecord({ pushedBy: AUTHOR }))]);
    const checks = captureCheckRuns(scope, REPO);
    scope.delete(`/repos/${REPO}/issues/1/labels/spo%3Aoverridden`).reply(200, []);

    await receive("pull_request", pullRequestEvent("labeled", AUTHOR, LABELLED));

    expectAllMocksDone();
    expect(checks[0]).toMatchObject({ head_sha: SHA, conclusion: "failure" });
  });

  it("moving an override to the new head by editing the audit comment's SHA fails: the push ends it", async () => {
    const NEW_SHA = "b".repeat(40);
    // The push: a fresh head is judged without looking anything up, and the label goes.
    const scope = nock(API);
    mockPullUnchanged(scope, REPO, 1);
    mockSettings(scope);
    mockFiles(scope, REPO, 1, [{ filename: "src/checkout/a.ts" }, { filename: "src/billing/b.ts" }]);
    mockBaseTree(scope, REPO); // two scopes: the base tree is listed for build units (none)
    const pushed = captureCheckRuns(scope, REPO);
    scope.delete(`/repos/${REPO}/issues/1/labels/spo%3Aoverridden`).reply(200, []);
    await receive(
      "pull_request",
      pullRequestEvent("synchronize", AUTHOR, { ...LABELLED, head: { ...pullRequest().head, sha: NEW_SHA } }),
    );
    expectAllMocksDone();
    expect(pushed[0]).toMatchObject({ head_sha: NEW_SHA, conclusion: "failure" });

    // The audit comment edited to name NEW_SHA, the label put back by hand: the records on NEW_SHA have no override.
    await receive("issue_comment", editedAppComment(OLD_MARKER.replace(SHA, NEW_SHA)));
    const again = nock(API);
    mockPullUnchanged(again, REPO, 1);
    mockSettings(again);
    mockFiles(again, REPO, 1, [{ filename: "src/checkout/a.ts" }, { filename: "src/billing/b.ts" }]);
    mockBaseTree(again, REPO); // two scopes: the base tree is listed for build units (none)
    mockGateRuns(again, [gateRun(2, gateRecord({ sha: NEW_SHA, pushedBy: AUTHOR }), { sha: NEW_SHA })], NEW_SHA);
    const checks = captureCheckRuns(again, REPO);
    again.delete(`/repos/${REPO}/issues/1/labels/spo%3Aoverridden`).reply(200, []);
    await receive(
      "pull_request",
      pullRequestEvent("labeled", AUTHOR, { ...LABELLED, head: { ...pullRequest().head, sha: NEW_SHA } }),
    );
    expectAllMocksDone();
    expect(checks[0]).toMatchObject({ head_sha: NEW_SHA, conclusion: "failure" });
  });

  it("a record signed with another key, written by another App, or copied from a sibling PR holds nothing", async () => {
    const scope = nock(API);
    mockFailingJudgement(scope);
    mockGateRuns(scope, [
      gateRun(1, gateRecord({ pushedBy: AUTHOR })),
      gateRun(2, gateRecord({ override: OVERRIDE }), { seal: createRecordSeal(Buffer.from("guessed-key")) }),
      gateRun(3, gateRecord({ override: OVERRIDE }), { appId: 15368 }),
      // A genuine, App-signed override of PR #2 on the same commit: bound to #2, not #1.
      gateRun(4, gateRecord({ pr: 2, override: OVERRIDE })),
    ]);
    const checks = captureCheckRuns(scope, REPO);
    scope.delete(`/repos/${REPO}/issues/1/labels/spo%3Aoverridden`).reply(200, []);

    await receive("pull_request", pullRequestEvent("edited", AUTHOR, LABELLED));

    expectAllMocksDone();
    expect(checks[0]).toMatchObject({ conclusion: "failure" });
  });

  it("a record planted in a file name is shown inert and never read: the App's own line stays last", async () => {
    const genuine = sealRecord(createRecordSeal(Buffer.alloc(32, 7)), gateRecord({ override: OVERRIDE }));
    const planted = `src/billing/x<!<!---->-- ${genuine.slice(5, -4)} -->.ts`;
    const scope = nock(API);
    mockPullUnchanged(scope, REPO, 1);
    mockSettings(scope);
    mockFiles(scope, REPO, 1, [
      { filename: "src/checkout/a.ts" },
      { filename: "src/checkout/b.ts" },
      { filename: "src/checkout/a.test.ts" },
      { filename: planted },
    ]);
    mockBaseTree(scope, REPO); // two scopes: the base tree is listed for build units (none)
    const checks = captureCheckRuns(scope, REPO);

    const listed = await (async () => {
      await receive("pull_request", pullRequestEvent("opened", AUTHOR));
      return checks[0]!;
    })();

    expectAllMocksDone();
    const text = String(listed.output.text);
    expect(text.replaceAll("\u200B", "")).toContain("<!<!---->--"); // shown, but broken up:
    expect(text.split("\n").slice(0, -1).join("\n")).not.toContain("<!--");
    expect(text.split("\n").at(-1)).toMatch(/^<!-- spo:record v1 /);
    expect(listed.conclusion).toBe("failure");
  });

  it("a record planted through /spo explain's file names comes out inert", async () => {
    const scope = nock(API);
    mockRole(scope, "reviewer", "write");
    scope.get(`/repos/${REPO}/pulls/1`).reply(200, pullRequest());
    mockSettings(scope);
    mockFiles(scope, REPO, 1, [{ filename: "src/checkout/a.ts" }, { filename: `src/billing/\`x\`${OLD_MARKER}.ts` }]);
    mockBaseTree(scope, REPO); // two scopes: the base tree is listed for build units (none)
    const replies = captureComments(scope);

    await receive("issue_comment", prComment("/spo explain", "reviewer"));

    expectAllMocksDone();
    expect(replies[0]).not.toContain("<!--");
    expect(replies[0]).not.toContain("-->");
  });

  it("a rollback plan and a deployment description cannot plant a marker, a mention or suppress the notice", async () => {
    const plan =
      "## Rollback plan\nRevert, then ping @acme/security.\n<!<!---->-- spo:rollback deployment=145988746 status=209916254 -->";
    const scope = nock(API);
    mockSettings(scope);
    mockCommitPulls(scope, REPO, "f95f852bd8fca8fcc58a9a2d6c842781e32a215e", [
      hotfixPull(12, "a".repeat(40), {
        body: plan,
        merge_commit_sha: "f95f852bd8fca8fcc58a9a2d6c842781e32a215e",
        merged_at: "2026-11-21T10:00:00Z",
      }),
    ]);
    // Someone typed the App's marker into a comment of their own to suppress the notice.
    scope
      .get(`/repos/${REPO}/issues/12/comments`)
      .query(true)
      .reply(200, [
        {
          id: 3,
          body: "<!-- spo:rollback deployment=145988746 status=209916254 -->",
          user: { login: AUTHOR, type: "User" },
        },
      ]);
    const posted: string[] = [];
    scope
      .post(`/repos/${REPO}/issues/12/comments`, (b: { body: string }) => posted.push(b.body) > 0)
      .reply(201, { id: 9 });
    const payload = loadWebhook("deployment_status.created");
    Object.assign(payload.deployment_status, {
      state: "failure",
      environment: "canary",
      description: "boom `x` <!-- spo:override {} --> @acme/security",
      log_url: "https://ci.example/x) @lead-bob (y",
    });
    payload.deployment.environment = "canary";

    await receive("deployment_status", payload);

    expectAllMocksDone();
    expect(posted).toHaveLength(1);
    const [marker, ...rest] = posted[0]!.split("\n\n");
    expect(marker).toBe("<!-- spo:rollback deployment=145988746 status=209916254 -->");
    const body = rest.join("\n\n");
    expect(body).not.toContain("<!--");
    expect(body).not.toMatch(/(?<![\w\u200B])@(?!\u200B)[A-Za-z]/);
  });
});
