import nock from "nock";
import { describe, expect, it } from "vitest";
import {
  API,
  captureCheckRuns,
  expectAllMocksDone,
  mockFiles,
  mockOpenPulls,
  mockPullUnchanged,
  mockSettings,
  mockBaseTree,
} from "../helpers/github-nock.js";
import { createTestProbot, FIXED_NOW } from "../helpers/probot.js";
import {
  AUTHOR,
  REPO,
  SHA,
  TWO_SCOPES,
  captureAddedLabels,
  captureComments,
  gateRecord,
  gateRun,
  mockGateRuns,
  mockHeadCommit,
  mockRole,
  prComment,
  pullRequest,
} from "../helpers/pull-request-comments.js";
import { loadWebhook } from "../../support/webhooks.js";
import { MAX_ACTION_DESCRIPTION, MAX_ACTION_LABEL } from "../../src/render/check-run-output.js";
import { createRecordSeal, openRecord } from "../../src/github/override-store.js";
import { TEST_SEAL } from "../helpers/probot.js";
import { OVERRIDE_ACTION } from "../../src/render/override-action.js";

const REASON = "INC-4711 checkout is down, rollback tested";
const COMMENT_ID = 492700400;
const RECORD = { sha: SHA, by: "release-lead", reason: REASON, at: "2026-11-21T11:59:00Z", comment: COMMENT_ID };
/** The run the App published when the author pushed SHA: it records who pushed. */
const PUSHED_RUN = gateRun(5001, gateRecord({ pushedBy: AUTHOR }));
/** A later run that carries the override. */
const OVERRIDDEN_RUN = gateRun(5002, gateRecord({ override: RECORD }));

/** What an allowed person's override reads about the head: pulls.get, our runs on it, the commit. */
function mockHead(scope: nock.Scope, runs: unknown[] = [PUSHED_RUN], pr = pullRequest()) {
  scope.get(`/repos/${REPO}/pulls/1`).reply(200, pr);
  mockGateRuns(scope, runs);
  mockHeadCommit(scope);
}

async function receive(name: string, payload: unknown) {
  await createTestProbot().receive({ id: "delivery-override", name, payload } as never);
}

/** A failing hotfix judged: config, files over two scopes, workspace manifests. */
function mockFailingJudgement(scope: nock.Scope, config?: string, number = 1) {
  mockSettings(scope, { config: config ?? null });
  mockFiles(scope, REPO, number, TWO_SCOPES);
  mockBaseTree(scope, REPO);
}

const WHO_MAY_DEFAULT =
  "**Who may override** here: people with the `admin` or `maintain` role on `Codertocat/Hello-World`, but never the pull request's author nor whoever pushed, authored or committed its head commit. An override needs a reason of at least 3 words and 10 characters, e.g. `/spo override INC-4711 checkout is down, rollback tested`.";

describe("/spo override <reason>", () => {
  it("lets an admin override: label, a success check holding the signed record, then the audit comment", async () => {
    const scope = nock(API);
    mockSettings(scope);
    mockRole(scope, "release-lead", "admin");
    mockHead(scope);
    mockFiles(scope, REPO, 1, TWO_SCOPES);
    mockBaseTree(scope, REPO);
    const labels = captureAddedLabels(scope);
    const comments = captureComments(scope);
    mockOpenPulls(scope, REPO);
    const checks = captureCheckRuns(scope, REPO);

    await receive("issue_comment", prComment(`/spo override ${REASON}`));

    expectAllMocksDone();
    expect(labels).toStrictEqual([{ labels: ["spo:overridden"] }]);
    // The rule's own sentence is asserted by its test (test/rules/single-scope.test.ts); here only its id and verdict.
    const bodies = comments.map((body) => body.replace(/^(- ❌ `single-scope`): .+$/m, "$1: …"));
    expect(bodies).toStrictEqual([
      [
        "### Break-glass override of `single-patch-order`",
        "",
        "@release-lead overrode the failing check on `ec26c3e`. It passes for this commit only; every rule's real verdict stays in the check's report.",
        "",
        "|  |  |",
        "| --- | --- |",
        "| Who | @release-lead (`admin` role on the repository) |",
        "| When | 2026-11-21T11:59:00Z |",
        `| Why | ${REASON} |`,
        `| Commit | \`${SHA}\` |`,
        "| Asked in | [this comment](https://github.com/Codertocat/Hello-World/issues/1#issuecomment-492700400) |",
        "",
        "**Rules that failed** (1):",
        "",
        "- ❌ `single-scope`: …",
        "",
        "The next push ends the override: the gate judges the new commit afresh and the `spo:overridden` label is removed.",
      ].join("\n"),
    ]);
    expect(comments[0]).not.toContain("<!--");
    expect(checks).toHaveLength(1);
    const check = checks[0]!;
    expect(check).toMatchObject({
      name: "single-patch-order",
      head_sha: SHA,
      status: "completed",
      conclusion: "success",
      completed_at: FIXED_NOW.toISOString(),
      external_id: "1",
    });
    expect(check.actions).toBeUndefined();
    expect(check.output.title).toBe(`Overridden by @\u200Brelease-lead: ${REASON}`);
    expect(check.output.summary.split("\n\n")[0]).toBe(
      `**Overridden by @\u200Brelease-lead**: ${REASON} (at 2026-11-21T11:59:00Z); every rule's real verdict is kept below.`,
    );
    expect(check.output.summary).toContain("| ❌ | `single-scope` | fail |");
    expect(check.output.summary).toContain("### How to fix");
    expect(openRecord(TEST_SEAL, check.output.text)).toStrictEqual(gateRecord({ override: RECORD }));
  });

  it("refuses the PR's author, even an admin, without asking GitHub who they are", async () => {
    const scope = nock(API);
    mockSettings(scope);
    const replies = captureComments(scope);

    await receive("issue_comment", prComment(`/spo override ${REASON}`, AUTHOR));

    expectAllMocksDone();
    expect(replies).toStrictEqual([
      [
        "@octo-author Your override did not count: you opened this pull request, and a break-glass override needs a second person.",
        WHO_MAY_DEFAULT,
        "The check keeps its real verdict.",
      ].join("\n\n"),
    ]);
  });

  it("refuses a read-only user with a reply that names who may override", async () => {
    const scope = nock(API);
    mockSettings(scope);
    mockRole(scope, "reader", "read");
    const replies = captureComments(scope);

    await receive("issue_comment", prComment(`/spo override ${REASON}`, "reader"));

    expectAllMocksDone();
    expect(replies).toStrictEqual([
      [
        "@reader Your override did not count: your role on `Codertocat/Hello-World` is `read`, and with no `override.teams` or `override.users` in the config only the `admin` and `maintain` roles may override.",
        WHO_MAY_DEFAULT,
        "The check keeps its real verdict.",
      ].join("\n\n"),
    ]);
  });

  it.each([
    ["/spo override", "it gives no reason"],
    ["/spo override    ", "it gives no reason"],
    ["/spo override urgent", "the reason is too short (1 words, 6 characters)"],
    ["/spo override fix it", "the reason is too short (2 words, 6 characters)"],
  ])("refuses %j before any permission look-up", async (body, why) => {
    const scope = nock(API);
    mockSettings(scope);
    const replies = captureComments(scope);

    await receive("issue_comment", prComment(body));

    expectAllMocksDone();
    expect(replies).toStrictEqual([
      `@release-lead Your override did not count: ${why}.\n\n${WHO_MAY_DEFAULT}\n\nThe check keeps its real verdict.`,
    ]);
  });

  it("lets an active member of a team in override.teams override (membership API mocked)", async () => {
    const config = "override:\n  teams: [sre, Codertocat/release-managers]\n";
    const scope = nock(API);
    mockSettings(scope, { config });
    scope.get("/orgs/Codertocat/teams/sre/memberships/release-lead").reply(404, { message: "Not Found" });
    scope
      .get("/orgs/Codertocat/teams/release-managers/memberships/release-lead")
      .reply(200, { state: "active", role: "member" });
    mockHead(scope);
    mockFiles(scope, REPO, 1, TWO_SCOPES);
    mockBaseTree(scope, REPO);
    const labels = captureAddedLabels(scope);
    const comments = captureComments(scope);
    mockOpenPulls(scope, REPO);
    const checks = captureCheckRuns(scope, REPO);

    await receive("issue_comment", prComment(`/spo override ${REASON}`));

    expectAllMocksDone();
    expect(labels).toStrictEqual([{ labels: ["spo:overridden"] }]);
    expect(comments[0]).toContain("| Who | @release-lead (active member of `Codertocat/release-managers`) |");
    expect(checks[0]).toMatchObject({
      conclusion: "success",
      output: { title: `Overridden by @\u200Brelease-lead: ${REASON}` },
    });
  });

  it("refuses someone whose team membership is pending, and an admin who is in no listed team", async () => {
    const config = "override:\n  teams: [sre]\n";
    const scope = nock(API);
    mockSettings(scope, { config });
    scope.get("/orgs/Codertocat/teams/sre/memberships/release-lead").reply(200, { state: "pending", role: "member" });
    const replies = captureComments(scope);

    await receive("issue_comment", prComment(`/spo override ${REASON}`));

    expectAllMocksDone();
    expect(replies[0]).toBe(
      [
        "@release-lead Your override did not count: you are not in `override.users` and not an active member of a team in `override.teams` (your membership of `Codertocat/sre` is still pending: accept the invitation first).",
        "**Who may override** here: active members of the team `Codertocat/sre` (`override` in `.github/single-patch-order.yml`), but never the pull request's author nor whoever pushed, authored or committed its head commit. An override needs a reason of at least 3 words and 10 characters, e.g. `/spo override INC-4711 checkout is down, rollback tested`.",
        "The check keeps its real verdict.",
      ].join("\n\n"),
    );
  });

  it("records one override and one audit comment when GitHub delivers the same comment twice", async () => {
    const scope = nock(API);
    mockSettings(scope);
    mockRole(scope, "release-lead", "admin");
    mockHead(scope);
    mockFiles(scope, REPO, 1, TWO_SCOPES);
    mockBaseTree(scope, REPO);
    const labels = captureAddedLabels(scope);
    const comments = captureComments(scope);
    mockOpenPulls(scope, REPO);
    const checks = captureCheckRuns(scope, REPO);
    // The redelivery: the PR now carries the label, and the App's run records the comment's id.
    mockSettings(scope);
    mockRole(scope, "release-lead", "admin");
    mockHead(scope, [PUSHED_RUN, OVERRIDDEN_RUN], pullRequest({ labels: [{ name: "spo:overridden" }] }));

    const delivery = prComment(`/spo override ${REASON}`);
    await receive("issue_comment", delivery);
    await receive("issue_comment", structuredClone(delivery));

    expectAllMocksDone();
    expect(labels).toHaveLength(1);
    expect(comments).toHaveLength(1);
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ conclusion: "success", external_id: "1" });
  });

  it("does nothing for an edited comment, even one that now says /spo override", async () => {
    await receive("issue_comment", prComment(`/spo override ${REASON}`, "release-lead", "edited"));
    expectAllMocksDone();
  });

  it("ignores /spo override from a bot", async () => {
    const payload = prComment(`/spo override ${REASON}`);
    payload.comment.user.type = "Bot";
    await receive("issue_comment", payload);
    expectAllMocksDone();
  });

  it("records nothing when the check does not fail", async () => {
    const scope = nock(API);
    mockSettings(scope);
    mockRole(scope, "release-lead", "maintain");
    mockHead(scope, [PUSHED_RUN], pullRequest({ changed_files: 2 }));
    mockFiles(scope, REPO, 1, TWO_SCOPES.slice(0, 2));
    const replies = captureComments(scope);

    await receive("issue_comment", prComment(`/spo override ${REASON}`));

    expectAllMocksDone();
    expect(replies).toStrictEqual([
      "@release-lead Nothing to override: the `single-patch-order` check on `ec26c3e` does not fail (All rules pass). Nothing was recorded.",
    ]);
  });
});

describe("an override over later events", () => {
  /**
   * An edit (the `opened` delivery re-labelled: the examples hold no `edited`) or a push, on a PR
   * carrying the override label.
   */
  function labelledPr(action: "edited" | "synchronize") {
    const payload = loadWebhook(action === "edited" ? "pull_request.opened" : "pull_request.synchronize");
    if (action === "edited") Object.assign(payload, { action: "edited", changes: { body: { from: "" } } });
    Object.assign(payload.pull_request, pullRequest({ labels: [{ id: 1, name: "spo:overridden" }] }));
    payload.pull_request.state = "open";
    payload.repository = loadWebhook("pull_request.opened").repository;
    return payload;
  }

  it("keeps the override when the same head SHA is judged again (an edit)", async () => {
    const scope = nock(API);
    mockFailingJudgement(scope);
    mockGateRuns(scope, [PUSHED_RUN, OVERRIDDEN_RUN]);
    mockPullUnchanged(scope, REPO, 1);
    mockOpenPulls(scope, REPO);
    const checks = captureCheckRuns(scope, REPO);

    await receive("pull_request", labelledPr("edited"));

    expectAllMocksDone();
    // Carried forward: the new run holds the same signed override.
    expect(openRecord(TEST_SEAL, checks[0]!.output.text)).toStrictEqual(gateRecord({ override: RECORD }));
    expect(checks[0]).toMatchObject({
      head_sha: SHA,
      conclusion: "success",
      output: { title: `Overridden by @\u200Brelease-lead: ${REASON}` },
    });
    expect(checks[0]!.actions).toBeUndefined();
  });

  it("ends the override on a push: judged afresh, the Override button back, the label removed", async () => {
    const scope = nock(API);
    mockFailingJudgement(scope);
    mockPullUnchanged(scope, REPO, 1);
    const checks = captureCheckRuns(scope, REPO);
    scope.delete(`/repos/${REPO}/issues/1/labels/spo%3Aoverridden`).reply(200, []);

    await receive("pull_request", labelledPr("synchronize"));

    expectAllMocksDone();
    expect(checks[0]).toMatchObject({
      conclusion: "failure",
      output: { title: expect.stringMatching(/^1 rule fails: /) },
    });
    expect(checks[0]!.actions).toStrictEqual([
      { label: "Override", description: "Break glass: asks for a reason", identifier: "override" },
    ]);
  });

  it("trusts no record but the App's own, signed with its key: the stray label is removed", async () => {
    const scope = nock(API);
    mockFailingJudgement(scope);
    const forgedKey = gateRun(5003, gateRecord({ override: RECORD }), {
      seal: createRecordSeal(Buffer.alloc(32, 9)),
    });
    const otherApp = gateRun(5004, gateRecord({ override: RECORD }), { appId: 15368 });
    mockGateRuns(scope, [PUSHED_RUN, forgedKey, otherApp]);
    mockPullUnchanged(scope, REPO, 1);
    const checks = captureCheckRuns(scope, REPO);
    scope.delete(`/repos/${REPO}/issues/1/labels/spo%3Aoverridden`).reply(200, []);

    await receive("pull_request", labelledPr("edited"));

    expectAllMocksDone();
    expect(checks[0]).toMatchObject({ conclusion: "failure" });
  });

  it("does not judge again when a bot (the App) adds the override label", async () => {
    const payload = loadWebhook("pull_request.labeled");
    Object.assign(payload.pull_request, pullRequest({ labels: [{ id: 1, name: "spo:overridden" }] }));
    payload.pull_request.state = "open";
    payload.label = { id: 1, name: "spo:overridden" };
    payload.sender = { ...payload.sender, login: "single-patch-order[bot]", type: "Bot" };

    await receive("pull_request", payload);

    expectAllMocksDone();
  });
});

describe("the Override button (check_run.requested_action)", () => {
  function clicked(by: string) {
    const payload = loadWebhook("check_run.requested_action");
    payload.repository = loadWebhook("pull_request.opened").repository;
    payload.check_run.name = "single-patch-order";
    payload.check_run.app.id = 1;
    payload.check_run.head_sha = SHA;
    payload.check_run.pull_requests = [
      { number: 1, head: { sha: SHA }, base: { ref: "main", repo: { id: payload.repository.id } } },
    ];
    payload.requested_action = { identifier: "override" };
    payload.sender = { ...payload.sender, login: by, type: "User" };
    return payload;
  }

  it("fits GitHub's limits for a button", () => {
    expect(OVERRIDE_ACTION.label.length).toBeLessThanOrEqual(MAX_ACTION_LABEL);
    expect(OVERRIDE_ACTION.description.length).toBeLessThanOrEqual(MAX_ACTION_DESCRIPTION);
  });

  it("refuses a writer without maintain, with the same reply as the comment", async () => {
    const scope = nock(API);
    scope.get(`/repos/${REPO}/pulls/1`).reply(200, pullRequest());
    mockSettings(scope);
    mockRole(scope, "writer", "write");
    const replies = captureComments(scope);

    await receive("check_run", clicked("writer"));

    expectAllMocksDone();
    expect(replies).toStrictEqual([
      [
        "@writer The **Override** button did not count: your role on `Codertocat/Hello-World` is `write`, and with no `override.teams` or `override.users` in the config only the `admin` and `maintain` roles may override.",
        WHO_MAY_DEFAULT,
        "The check keeps its real verdict.",
      ].join("\n\n"),
    ]);
  });

  it("refuses the author who clicks it", async () => {
    const scope = nock(API);
    scope.get(`/repos/${REPO}/pulls/1`).reply(200, pullRequest());
    mockSettings(scope);
    const replies = captureComments(scope);

    await receive("check_run", clicked(AUTHOR));

    expectAllMocksDone();
    expect(replies[0]).toMatch(/^@octo-author The \*\*Override\*\* button did not count: you opened this pull request/);
  });

  it("asks a maintainer to confirm with a reason, and records nothing", async () => {
    const scope = nock(API);
    scope.get(`/repos/${REPO}/pulls/1`).reply(200, pullRequest());
    mockSettings(scope);
    mockRole(scope, "maintainer", "maintain");
    mockGateRuns(scope, [PUSHED_RUN]);
    mockHeadCommit(scope);
    const replies = captureComments(scope);

    await receive("check_run", clicked("maintainer"));

    expectAllMocksDone();
    expect(replies).toStrictEqual([
      [
        "@maintainer You may override this check, but the **Override** button cannot carry a reason. To break glass, comment on this pull request:",
        "`/spo override <reason>`",
        "with a reason of at least 3 words that an auditor will understand (the incident, and why the fix cannot wait). The override holds for commit `ec26c3e` only: the next push ends it.",
      ].join("\n\n"),
    ]);
  });

  it("ignores other actions, other checks and bots", async () => {
    const other = clicked("maintainer");
    other.requested_action = { identifier: "something-else" };
    await receive("check_run", other);
    const named = clicked("maintainer");
    named.check_run.name = "ci/unit";
    await receive("check_run", named);
    const bot = clicked("some-bot[bot]");
    bot.sender.type = "Bot";
    await receive("check_run", bot);
    expectAllMocksDone();
  });
});
