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
import { GOOD_BODY } from "../../support/build-change.js";
import { createTestProbot, FIXED_NOW } from "../helpers/probot.js";
import { loadWebhook } from "../../support/webhooks.js";

const REPO = "Codertocat/Hello-World";

/** The real `pull_request.opened` delivery, turned into a hotfix PR. */
function hotfixOpened(
  overrides: { ref?: string; title?: string; body?: string; changed_files?: number; labels?: string[] } = {},
) {
  const payload = loadWebhook("pull_request.opened");
  payload.pull_request.head.ref = overrides.ref ?? "hotfix/SHOP-42-discount-total";
  payload.pull_request.base.ref = "main";
  payload.pull_request.title = overrides.title ?? "SHOP-42: fix discount total on checkout";
  payload.pull_request.body = overrides.body ?? GOOD_BODY;
  payload.pull_request.changed_files = overrides.changed_files ?? 2;
  payload.pull_request.labels = (overrides.labels ?? []).map((name, id) => ({ id, name }));
  return payload;
}

const GOOD_FILES = [
  { filename: "src/checkout/discount.ts", additions: 3, deletions: 1, patch: "@@ -1,2 +1,4 @@\n-a\n+b\n+c\n+d" },
  {
    filename: "src/checkout/discount.test.ts",
    status: "added",
    additions: 12,
    deletions: 0,
    patch: "@@ -0,0 +1,12 @@\n+test",
  },
];

/** Delivers a payload; an open PR is re-read first, and GitHub answers 304: the payload is current. */
async function receive(name: "pull_request", payload: any) {
  if (payload.pull_request.state !== "closed") mockPullUnchanged(nock(API), REPO, payload.pull_request.number);
  const probot = createTestProbot();
  await probot.receive({ id: "delivery-1", name, payload } as never);
}

describe("pull_request events", () => {
  it("passes a good hotfix with a free 304 re-read, then config, the org file (floor), files, the open PRs and one completed check", async () => {
    const scope = nock(API);
    mockSettings(scope, { config: "scope:\n  maxFiles: 10\n" });
    mockFiles(scope, REPO, 2, GOOD_FILES);
    mockOpenPulls(scope, REPO);
    const checks = captureCheckRuns(scope, REPO);

    await receive("pull_request", hotfixOpened());

    expectAllMocksDone();
    expect(checks).toHaveLength(1);
    const check = checks[0]!;
    expect(check).toMatchObject({
      name: "single-patch-order",
      head_sha: "ec26c3e57ca3a959ca5aad62de7213c562f8c821",
      status: "completed",
      conclusion: "success",
      completed_at: FIXED_NOW.toISOString(),
      external_id: "2",
    });
    expect(check.output.title).toBe("All rules pass");
    expect(check.output.summary).toContain("| ✅ | `single-scope` |");
    await expect(check.output.summary).toMatchFileSnapshot("./__snapshots__/good-hotfix.summary.md");
    expect(check.output.summary).toContain("`src/checkout`");
    expect(check.output.annotations).toBeUndefined();
  });

  it("gives a non-hotfix PR a success check so the check can be required", async () => {
    const scope = nock(API);
    mockSettings(scope);
    mockOpenPulls(scope, REPO);
    // Listed for the config check only: the file list shows the config file untouched, so no config run.
    mockFiles(scope, REPO, 2, [{ filename: "README.md" }]);
    const checks = captureCheckRuns(scope, REPO);
    const payload = loadWebhook("pull_request.opened");

    await receive("pull_request", payload);

    expectAllMocksDone();
    expect(checks[0]).toMatchObject({
      conclusion: "success",
      status: "completed",
      output: { title: "Not a hotfix: no single-patch rules apply" },
    });
    expect(checks[0]!.output.summary).toContain("`changes`");
  });

  it("treats a PR with the hotfix label as a hotfix whatever its branch", async () => {
    const scope = nock(API);
    mockSettings(scope);
    mockFiles(scope, REPO, 2, GOOD_FILES);
    mockOpenPulls(scope, REPO);
    const checks = captureCheckRuns(scope, REPO);

    await receive("pull_request", hotfixOpened({ ref: "SHOP-42-discount", labels: ["hotfix"] }));

    expectAllMocksDone();
    expect(checks[0]!.output.summary).toContain("`hotfix`");
    expect(checks[0]!.conclusion).toBe("success");
  });

  it("fails a hotfix that spans two scopes, with annotations on the stray file", async () => {
    const scope = nock(API);
    mockSettings(scope);
    mockFiles(scope, REPO, 2, [
      ...GOOD_FILES,
      { filename: "src/checkout/cart.ts" },
      { filename: "src/billing/invoice.ts" },
    ]);
    mockBaseTree(scope, REPO);
    const checks = captureCheckRuns(scope, REPO);

    await receive("pull_request", hotfixOpened({ changed_files: 4 }));

    expectAllMocksDone();
    const check = checks[0]!;
    expect(check.conclusion).toBe("failure");
    expect(check.output.title).toMatch(/^1 rule fails: /);
    expect(check.output.summary).toContain("| ❌ | `single-scope` |");
    expect(check.output.summary).toContain("### How to fix");
    expect(check.output.annotations).toEqual([
      expect.objectContaining({
        path: "src/billing/invoice.ts",
        annotation_level: "failure",
        title: "single-scope",
        start_line: 1,
        end_line: 1,
      }),
    ]);
    expect(check.actions).toEqual([{ label: "Override", description: expect.any(String), identifier: "override" }]);
    await expect(JSON.stringify(check, null, 2)).toMatchFileSnapshot("./__snapshots__/two-scopes.check-run.json");
  });

  it("reads the config from the org .github repository when the repository has none", async () => {
    const scope = nock(API);
    mockSettings(scope, { orgConfig: "hotfix:\n  branches: ['fix/**']\n" });
    mockFiles(scope, REPO, 2, GOOD_FILES);
    mockOpenPulls(scope, REPO);
    const checks = captureCheckRuns(scope, REPO);

    await receive("pull_request", hotfixOpened({ ref: "fix/SHOP-42" }));

    expectAllMocksDone();
    expect(checks[0]!.output.summary).toContain("`fix/SHOP-42`");
  });

  it("scopes by workspace package when the repository declares workspaces", async () => {
    const scope = nock(API);
    mockSettings(scope);
    mockFiles(scope, REPO, 2, [
      { filename: "tools/a/x.ts" },
      { filename: "tools/b/y.ts" },
      { filename: "tools/a/x.test.ts" },
    ]);
    mockBaseTree(scope, REPO, { "package.json": JSON.stringify({ workspaces: ["tools/*"] }) });
    const checks = captureCheckRuns(scope, REPO);

    await receive("pull_request", hotfixOpened({ changed_files: 3 }));

    expectAllMocksDone();
    expect(checks[0]!.conclusion).toBe("failure");
    expect(checks[0]!.output.summary).toContain("`tools/b`");
  });
});

describe("ticket.verify", () => {
  it.each([
    ["open", 200, { state: "open" }, "success"],
    ["closed", 200, { state: "closed" }, "failure"],
    ["missing", 404, { message: "Not Found" }, "failure"],
  ])("looks up the referenced issue (%s) and judges it", async (_name, status, body, conclusion) => {
    const scope = nock(API);
    mockSettings(scope, { config: "ticket:\n  verify: true\n" });
    mockFiles(scope, REPO, 2, GOOD_FILES);
    scope.get(`/repos/${REPO}/issues/12`).reply(status, body);
    if (conclusion === "success") mockOpenPulls(scope, REPO);
    const checks = captureCheckRuns(scope, REPO);

    await receive("pull_request", hotfixOpened({ title: "Fix discount total (#12)", ref: "hotfix/discount-total" }));

    expectAllMocksDone();
    expect(checks[0]!.conclusion).toBe(conclusion);
  });
});

describe("bad input", () => {
  it("fails the check with the file, line and problem on invalid YAML", async () => {
    const scope = nock(API);
    // Unreadable YAML stops the config read before the org floor is asked for.
    scope
      .get(`/repos/${REPO}/contents/.github%2Fsingle-patch-order.yml`)
      .reply(200, "scope: [\n", { "content-type": "text/plain; charset=utf-8" });
    mockFiles(scope, REPO, 2, GOOD_FILES);
    const checks = captureCheckRuns(scope, REPO);

    await receive("pull_request", hotfixOpened());

    expectAllMocksDone();
    expect(checks[0]).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(checks[0]!.output.title).toMatch(/^Invalid config/);
    expect(checks[0]!.output.summary).toContain("Codertocat/Hello-World/.github/single-patch-order.yml@master");
    expect(checks[0]!.output.summary).toContain("invalid YAML");
  });

  it("fails the check naming every wrong key path", async () => {
    const scope = nock(API);
    mockSettings(scope, { config: "scope:\n  maxFiles: ten\nrules:\n  single-scop: warn\nbogus: 1\n" });
    mockFiles(scope, REPO, 2, GOOD_FILES);
    const checks = captureCheckRuns(scope, REPO);

    await receive("pull_request", hotfixOpened());

    expectAllMocksDone();
    const summary: string = checks[0]!.output.summary;
    expect(checks[0]!.conclusion).toBe("failure");
    expect(summary).toContain("scope.maxFiles");
    expect(summary).toContain('rules: unknown key "single-scop"');
    expect(summary).toContain('(root): unknown key "bogus"');
  });

  it("rejects a backreference pattern and runs a catastrophic one in linear time", async () => {
    const scope = nock(API);
    mockSettings(scope, { config: "ticket:\n  patterns: ['(a+)+$']\n" });
    mockFiles(scope, REPO, 2, GOOD_FILES);
    const checks = captureCheckRuns(scope, REPO);

    await receive("pull_request", hotfixOpened({ title: `${"a".repeat(50_000)}!` }));

    expectAllMocksDone();
    expect(checks[0]!.conclusion).toBe("failure");
    expect(checks[0]!.output.summary).toContain("`linked-ticket`");

    const second = nock(API);
    mockSettings(second, { config: 'ticket:\n  patterns: ["(a)\\\\1"]\n' });
    mockFiles(second, REPO, 2, GOOD_FILES);
    const refused = captureCheckRuns(second, REPO);
    await receive("pull_request", hotfixOpened());
    expectAllMocksDone();
    expect(refused[0]!.output.summary).toContain("ticket.patterns.0");
  });

  it("judges a 1 MB body without failing the report", async () => {
    const scope = nock(API);
    mockSettings(scope);
    mockFiles(scope, REPO, 2, GOOD_FILES);
    mockOpenPulls(scope, REPO);
    const checks = captureCheckRuns(scope, REPO);

    await receive("pull_request", hotfixOpened({ body: GOOD_BODY + "x".repeat(1_000_000) }));

    expectAllMocksDone();
    expect(checks[0]!.conclusion).toBe("success");
    expect(Buffer.byteLength(checks[0]!.output.summary)).toBeLessThanOrEqual(65_535);
  });

  it("reports a 3,000-file PR as too large to judge after listing at most 3 pages", async () => {
    const scope = nock(API);
    mockSettings(scope);
    const page = (n: number) => Array.from({ length: 100 }, (_, i) => ({ filename: `src/checkout/f${n}-${i}.ts` }));
    mockFiles(scope, REPO, 2, page(1), 1);
    mockFiles(scope, REPO, 2, page(2), 2);
    mockFiles(scope, REPO, 2, page(3), 3);
    // The config check cannot tell from 300 of 3,000 files whether the config file is among them:
    // it lists all that GitHub lists (30 pages), and finds it untouched.
    for (let n = 1; n <= 30; n++) mockFiles(scope, REPO, 2, page(n), n);
    const checks = captureCheckRuns(scope, REPO);

    await receive("pull_request", hotfixOpened({ changed_files: 3000 }));

    expectAllMocksDone();
    expect(checks).toHaveLength(1);
    expect(checks[0]!.conclusion).toBe("failure");
    expect(checks[0]!.output.summary).toContain("too large to judge");
  });

  it("retries a GitHub 5xx on the file listing and still completes the check", async () => {
    const scope = nock(API);
    mockSettings(scope);
    scope.get(`/repos/${REPO}/pulls/2/files`).query(true).reply(502, "bad gateway");
    mockFiles(scope, REPO, 2, GOOD_FILES);
    mockOpenPulls(scope, REPO);
    const checks = captureCheckRuns(scope, REPO);

    await receive("pull_request", hotfixOpened());

    expectAllMocksDone();
    expect(checks[0]!.conclusion).toBe("success");
  });

  it("completes the check as a failure with GitHub's request id when GitHub keeps failing", async () => {
    const scope = nock(API);
    mockSettings(scope);
    scope
      .get(`/repos/${REPO}/pulls/2/files`)
      .query(true)
      .times(8)
      .reply(503, { message: "unavailable" }, { "x-github-request-id": "ABCD:1234" });
    const checks = captureCheckRuns(scope, REPO);

    // The gate completes as a failure; without a file list the config check cannot know whether it
    // is due, so the delivery fails (GitHub records it, and catch-up redelivers it).
    await expect(receive("pull_request", hotfixOpened())).rejects.toThrow(/listing the files of #2/);

    expectAllMocksDone();
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(checks[0]!.output.title).toMatch(/^Could not evaluate/);
    expect(checks[0]!.output.summary).toContain("ABCD:1234");
  });

  it("retries a GitHub 5xx on the check-run call so the check still ends completed", async () => {
    const scope = nock(API);
    mockSettings(scope);
    mockFiles(scope, REPO, 2, GOOD_FILES);
    scope.post(`/repos/${REPO}/check-runs`).reply(500, { message: "oops" });
    mockOpenPulls(scope, REPO);
    const checks = captureCheckRuns(scope, REPO);

    await receive("pull_request", hotfixOpened());

    expectAllMocksDone();
    expect(checks[0]).toMatchObject({ status: "completed", conclusion: "success" });
  });

  it("ignores a closed pull request", async () => {
    const payload = hotfixOpened();
    payload.pull_request.state = "closed";
    await receive("pull_request", payload);
    expectAllMocksDone();
  });
});
