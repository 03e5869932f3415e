import nock from "nock";
import { describe, expect, it } from "vitest";
import { loadWebhook } from "../../support/webhooks.js";
import { GOOD_BODY } from "../../support/build-change.js";
import {
  API,
  captureCheckRuns,
  expectAllMocksDone,
  mockFiles,
  mockPullUnchanged,
  mockSettings,
  mockBaseTree,
  type FileFixture,
} from "../helpers/github-nock.js";
import { createTestProbot, FIXED_NOW } from "../helpers/probot.js";
import { runAction } from "../helpers/run-action.js";
import { startFakeJira } from "../trackers/fake-jira.js";

const REPO = "Codertocat/Hello-World";

const GOOD_FILES: FileFixture[] = [
  { filename: "src/checkout/discount.ts", additions: 3, deletions: 1, patch: "@@ -1,2 +1,4 @@\n-a\n+b\n+c\n+d" },
  {
    filename: "src/checkout/discount.test.ts",
    status: "added",
    additions: 12,
    deletions: 0,
    patch: "@@ -0,0 +1,12 @@\n+test",
  },
];
const TWO_SCOPES: FileFixture[] = [...GOOD_FILES, { filename: "src/billing/invoice.ts" }];

/** The recorded `pull_request.opened` delivery, turned into a hotfix PR with `files` changed files. */
function hotfixEvent(changedFiles = 2) {
  const payload = loadWebhook("pull_request.opened");
  Object.assign(payload.pull_request, {
    title: "SHOP-42: fix discount total on checkout",
    body: GOOD_BODY,
    changed_files: changedFiles,
  });
  payload.pull_request.head.ref = "hotfix/SHOP-42-discount-total";
  payload.pull_request.base.ref = "main";
  return payload;
}

describe("the Action on a pull_request event", () => {
  it("passes a good hotfix: summary written, outputs set, no check run without create-check", async () => {
    const scope = nock(API);
    mockSettings(scope);
    mockFiles(scope, REPO, 2, GOOD_FILES);

    const result = await runAction(hotfixEvent());

    expectAllMocksDone();
    expect(result.code).toBe(0);
    expect(result.outputs).toEqual({ conclusion: "success", "failed-rules": "" });
    expect(result.summary).toMatch(/^## ✅ single-patch-order: All rules pass\n\nJudged as a hotfix because /);
    expect(result.summary).toContain("| ✅ | `single-scope` | pass |");
    expect(result.errors).toEqual([]);
    expect(result.log).toMatch(/^::stop-commands::[\w-]+\nPASS {2}All rules pass\n/);
  });

  it("fails the job on a failing gate, with annotations on the files and the failed rules as output", async () => {
    const scope = nock(API);
    mockSettings(scope);
    mockFiles(scope, REPO, 2, TWO_SCOPES);
    mockBaseTree(scope, REPO);

    const result = await runAction(hotfixEvent(3));

    expectAllMocksDone();
    expect(result.code).toBe(1);
    expect(result.outputs).toEqual({ conclusion: "failure", "failed-rules": "single-scope" });
    expect(result.summary).toContain("## ❌ single-patch-order: 1 rule fails: ");
    expect(result.summary).toContain("### How to fix");
    expect(result.errors).toHaveLength(2);
    expect(result.errors[0]).toMatch(
      /^::error file=src\/(billing|checkout)\/\w+\.ts,line=1,endLine=1,title=single-scope::.+ is in scope /,
    );
    expect(result.errors[1]).toMatch(/^::error title=single-patch-order::The gate fails: 1 rule fails: /);
  });

  it("reports without failing the job when fail-on-error is false", async () => {
    const scope = nock(API);
    mockSettings(scope);
    mockFiles(scope, REPO, 2, TWO_SCOPES);
    mockBaseTree(scope, REPO);

    const result = await runAction(hotfixEvent(3), { "fail-on-error": "false" });

    expect(result.code).toBe(0);
    expect(result.outputs.conclusion).toBe("failure");
    expect(result.errors.at(-1)).toContain("(fail-on-error is false: the job passes)");
  });

  it("fails the job when GitHub keeps failing, with the request id in the summary", async () => {
    const scope = nock(API);
    mockSettings(scope);
    scope
      .get(`/repos/${REPO}/pulls/2/files`)
      .query(true)
      .times(4)
      .reply(500, { message: "boom" }, { "x-github-request-id": "ABCD:42" });

    const result = await runAction(hotfixEvent(), { "fail-on-error": "false" });

    expectAllMocksDone();
    expect(result.code).toBe(1);
    expect(result.outputs).toEqual({ conclusion: "failure", "failed-rules": "" });
    expect(result.summary).toContain(
      "## ❌ single-patch-order: Could not evaluate: GitHub answered 500 while listing the files of #2",
    );
    expect(result.summary).toContain("ABCD:42");
    expect(result.errors).toEqual([
      expect.stringMatching(/^::error title=single-patch-order::Could not evaluate: GitHub answered 500/),
    ]);
  });

  it("fails the job on an invalid config, naming the key path", async () => {
    const scope = nock(API);
    mockSettings(scope, { config: "scope:\n  maxFiles: ten\n" });

    const result = await runAction(hotfixEvent());

    expectAllMocksDone();
    expect(result.code).toBe(1);
    expect(result.summary).toContain("## ❌ single-patch-order: Invalid config: scope.maxFiles");
    expect(result.log).toContain("Invalid config in Codertocat/Hello-World/.github/single-patch-order.yml@master");
  });

  it("publishes exactly the check run the App publishes when create-check is on", async () => {
    const appScope = nock(API);
    mockPullUnchanged(appScope, REPO, 2);
    mockSettings(appScope);
    mockFiles(appScope, REPO, 2, TWO_SCOPES);
    mockBaseTree(appScope, REPO);
    const fromApp = captureCheckRuns(appScope, REPO);
    await createTestProbot().receive({ id: "1", name: "pull_request", payload: hotfixEvent(3) } as never);
    expectAllMocksDone();

    const scope = nock(API);
    mockSettings(scope);
    mockFiles(scope, REPO, 2, TWO_SCOPES);
    mockBaseTree(scope, REPO);
    const fromAction = captureCheckRuns(scope, REPO);
    const result = await runAction(hotfixEvent(3), { "create-check": "true" }, "pull_request_target");

    expectAllMocksDone();
    expect(result.code).toBe(1);
    expect(fromAction).toHaveLength(1);
    // The App's Override button needs the App to answer it; a workflow cannot, so the Action offers none.
    // Nor does it sign a record: only the App's server holds the key (docs/overrides.md).
    expect(fromApp[0]?.actions).toEqual([expect.objectContaining({ identifier: "override" })]);
    const appText = String(fromApp[0]?.output.text);
    expect(appText.split("\n").at(-1)).toMatch(/^<!-- spo:record v1 [\w-]+\.[\w-]+ -->$/);
    const withoutRecord = { ...fromApp[0]?.output, text: appText.split("\n").slice(0, -1).join("\n") };
    expect(fromAction[0]).toEqual({ ...fromApp[0], output: withoutRecord, actions: undefined });
    expect(fromAction[0]).toMatchObject({
      name: "single-patch-order",
      head_sha: "ec26c3e57ca3a959ca5aad62de7213c562f8c821",
      status: "completed",
      conclusion: "failure",
      completed_at: FIXED_NOW.toISOString(),
      external_id: "2",
      output: { annotations: [expect.objectContaining({ title: "single-scope", annotation_level: "failure" })] },
    });
  });

  it("fails the job with what to do when the token may not create the check", async () => {
    const scope = nock(API);
    mockSettings(scope);
    mockFiles(scope, REPO, 2, GOOD_FILES);
    scope.post(`/repos/${REPO}/check-runs`).reply(403, { message: "Resource not accessible by integration" });

    const result = await runAction(hotfixEvent(), { "create-check": "true" });

    expectAllMocksDone();
    expect(result.code).toBe(1);
    expect(result.outputs.conclusion).toBe("success");
    expect(result.errors).toEqual([
      expect.stringContaining("GitHub answered 403 while creating the single-patch-order check run"),
    ]);
    expect(result.errors[0]).toContain('The token needs "checks: write"');
  });
});

describe("the Action outside a pull request", () => {
  it("fails with a clear error on another event, and calls nothing", async () => {
    const result = await runAction({ ref: "refs/heads/main" }, {}, "push");

    expect(result.code).toBe(1);
    expect(result.errors).toEqual([
      '::error title=single-patch-order%3A cannot start::single-patch-order judges pull requests: run it on the pull_request or pull_request_target event (this run is for "push").',
    ]);
    expect(result.summary).toBe("");
  });

  it("fails with every invalid input named", async () => {
    const result = await runAction(hotfixEvent(), { "create-check": "yes", "fail-on-error": "maybe", token: "" });

    expect(result.code).toBe(1);
    expect(result.errors[0]).toContain('input "token": required');
    expect(result.errors[0]).toContain(
      'input "create-check": expected true or false, got \\"yes\\"'.replace(/\\/g, ""),
    );
    expect(result.errors[0]).toContain('input "fail-on-error": expected true or false, got "maybe"');
  });
});

describe("the Action with Jira or Linear (the step's env, the App's variables)", () => {
  const DC_TOKEN = "action-dc-personal-access-token-1f2e";

  it("verifies a Jira Data Center key with JIRA_URL and JIRA_TOKEN, and never prints the token", async () => {
    const jira = await startFakeJira({ kind: "data-center", token: DC_TOKEN });
    try {
      jira.issues.set("SHOP-42", { status: "Resolved", category: "done", type: "Bug" });
      const scope = nock(API);
      mockSettings(scope, { config: "ticket:\n  verify: true\n  tracker: jira\n" });
      mockFiles(scope, REPO, 2, GOOD_FILES);

      const result = await runAction(hotfixEvent(), {}, "pull_request", { JIRA_URL: jira.url, JIRA_TOKEN: DC_TOKEN });

      expectAllMocksDone();
      expect(jira.requests.map((r) => [r.path, r.headers.authorization])).toEqual([
        ["/rest/api/2/issue/SHOP-42?fields=status,issuetype", `Bearer ${DC_TOKEN}`],
      ]);
      expect(result.code).toBe(1);
      expect(result.outputs).toEqual({ conclusion: "failure", "failed-rules": "linked-ticket" });
      expect(result.summary).toContain(
        "| ❌ | `linked-ticket` | fail | Ticket `SHOP-42` is `Resolved` in Jira (status category `done`): a hotfix must fix an open ticket. |",
      );
      expect(`${result.log}${result.summary}`).not.toContain(DC_TOKEN);
    } finally {
      await jira.close();
    }
  });

  it("fails to start on tracker variables set wrongly, naming the variable", async () => {
    const result = await runAction(hotfixEvent(), {}, "pull_request", { JIRA_TOKEN: DC_TOKEN });

    expect(result.code).toBe(1);
    expect(result.errors).toEqual([
      "::error title=single-patch-order%3A cannot start::Invalid ticket tracker settings: JIRA_TOKEN is set without JIRA_URL: set JIRA_URL to your Jira site",
    ]);
    expect(result.log).not.toContain(DC_TOKEN);
  });
});
