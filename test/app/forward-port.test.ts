import nock from "nock";
import { describe, expect, it } from "vitest";
import { GOOD_BODY } from "../../support/build-change.js";
import { loadWebhook } from "../../support/webhooks.js";
import {
  API,
  captureCheckRuns,
  expectAllMocksDone,
  mockFiles,
  mockOpenPulls,
  mockPullUnchanged,
  mockSettings,
} from "../helpers/github-nock.js";
import {
  mockBranchCommits,
  mockClosedPulls,
  mockForwardPortCheck,
  mockMergeCommit,
  mockPullCommits,
  mockPullDiff,
  type PullFixture,
} from "../helpers/forward-port-nock.js";
import { GOOD_TITLE } from "../helpers/hotfix-repo.js";
import { createTestProbot, FIXED_NOW } from "../helpers/probot.js";

const REPO = "Codertocat/Hello-World";
const HOTFIX_COMMIT = "a1".repeat(20);
const MERGE = "a2".repeat(20);
const TWIN_MERGE = "b2".repeat(20);
const AFTER = "forwardPort:\n  mode: after\n";
/** 14 days before the hotfix commit's author date (2026-11-20T09:00:00Z): where the twin search starts. */
const SINCE = "2026-11-06T09:00:00.000Z";
const HOTFIX_COMMITS = [{ sha: HOTFIX_COMMIT, message: "Fix discount total\n\nRate 0 divided by zero." }];
const HOTFIX_DIFF = [
  "diff --git a/src/checkout/discount.ts b/src/checkout/discount.ts",
  "index 1111111..2222222 100644",
  "--- a/src/checkout/discount.ts",
  "+++ b/src/checkout/discount.ts",
  "@@ -1,3 +1,3 @@",
  " export function discountTotal(total: number, rate: number): number {",
  "-  return total / rate;",
  "+  return rate === 0 ? total : total * (1 - rate);",
  " }",
  "",
].join("\n");

/** The real `pull_request.closed` delivery, as the merge of hotfix #2 into release/1.4. */
function merged(overrides: { base?: string; head?: string; title?: string; mergedAt?: string; number?: number } = {}) {
  const payload = loadWebhook("pull_request.closed");
  const pr = payload.pull_request;
  Object.assign(pr, {
    merged: true,
    merged_at: overrides.mergedAt ?? "2026-11-21T10:00:00Z",
    merge_commit_sha: overrides.number ? TWIN_MERGE : MERGE,
    title: overrides.title ?? GOOD_TITLE,
    body: GOOD_BODY,
    labels: [],
    number: overrides.number ?? 2,
    html_url: `https://github.com/${REPO}/pull/${overrides.number ?? 2}`,
  });
  pr.head.ref = overrides.head ?? "hotfix/SHOP-42-discount-total";
  pr.base.ref = overrides.base ?? "release/1.4";
  payload.repository.default_branch = "main";
  return payload;
}

const TWIN: PullFixture = {
  number: 57,
  title: "SHOP-42: forward-port the discount fix",
  head: "forward-port/2-to-main",
  base: "main",
  merge_commit_sha: TWIN_MERGE,
  merged_at: "2026-11-21T11:00:00Z",
};

async function receive(payload: unknown, name = "pull_request") {
  await createTestProbot().receive({ id: "delivery-fp", name, payload } as never);
}

/** The calls of one twin search of hotfix #2 on `main` (sources/read-github-twin-facts.ts). */
function mockSearch(
  scope: nock.Scope,
  found: { commits?: Array<{ sha: string; message: string }>; pulls?: PullFixture[] },
) {
  mockPullCommits(
    scope,
    REPO,
    2,
    HOTFIX_COMMITS.map((c) => ({ ...c, date: "2026-11-20T09:00:00Z" })),
  );
  mockBranchCommits(scope, REPO, "main", SINCE, found.commits ?? []);
  mockClosedPulls(scope, REPO, found.pulls ?? [], "main");
}

describe("forward ports, mode after: the single-patch-order/forward-port check", () => {
  it("asks for the twin on a hotfix merged into a release branch: action_required, with the target, the deadline and the command", async () => {
    const scope = nock(API);
    mockSettings(scope, { config: AFTER });
    mockSearch(scope, { pulls: [{ ...TWIN, number: 50, title: "SHOP-7: unrelated", head: "feature/x" }] });
    mockPullDiff(scope, REPO, 2, HOTFIX_DIFF);
    mockPullDiff(scope, REPO, 50, HOTFIX_DIFF.replace("total * (1 - rate)", "total"));
    mockMergeCommit(scope, REPO, { sha: MERGE, message: `${GOOD_TITLE} (#2)` }, 1);
    const checks = captureCheckRuns(scope, REPO);

    await receive(merged());

    expectAllMocksDone();
    expect(checks).toHaveLength(1);
    const { output, ...check } = checks[0]!;
    expect(check).toEqual({
      name: "single-patch-order/forward-port",
      head_sha: MERGE,
      status: "completed",
      conclusion: "action_required",
      completed_at: FIXED_NOW.toISOString(),
      details_url: `https://github.com/${REPO}/pull/2`,
      external_id: "forward-port:2",
    });
    expect(output.title).toBe("Forward-port to main needed by 2026-11-24 10:00 UTC");
    expect(output.summary).toContain(`git cherry-pick -x ${MERGE}`);
    expect(output.summary).toContain(
      "| Deadline | **2026-11-24 10:00 UTC** (`forwardPort.within`: `72h` after the merge) |",
    );
    await expect(output.summary).toMatchFileSnapshot("./__snapshots__/forward-port-missing.summary.md");
  });

  it("names the twin once one is merged into the target: success, found by ticket, no diff read", async () => {
    const scope = nock(API);
    mockSettings(scope, { config: AFTER });
    mockSearch(scope, { pulls: [TWIN] });
    const checks = captureCheckRuns(scope, REPO);

    await receive(merged());

    expectAllMocksDone();
    expect(checks[0]).toMatchObject({
      conclusion: "success",
      head_sha: MERGE,
      details_url: `https://github.com/${REPO}/pull/2`,
    });
    expect(checks[0]!.output.title).toBe("Forward-ported to main: #57");
    await expect(checks[0]!.output.summary).toMatchFileSnapshot("./__snapshots__/forward-port-found.summary.md");
  });

  it("finds the twin by its cherry-pick trailer, and names the pull request that brought the commit", async () => {
    const scope = nock(API);
    mockSettings(scope, { config: AFTER });
    const picked = "b1".repeat(20);
    mockSearch(scope, {
      commits: [{ sha: picked, message: `Fix discount total\n\n(cherry picked from commit ${MERGE})` }],
    });
    scope
      .get(`/repos/${REPO}/commits/${picked}/pulls`)
      .query({ per_page: "100" })
      .reply(200, [
        {
          number: 57,
          state: "closed",
          title: "Forward-port #2",
          body: "",
          labels: [],
          head: { ref: "forward-port/2-to-main", sha: picked },
          base: { ref: "main" },
          merge_commit_sha: TWIN_MERGE,
          merged_at: "2026-11-21T11:00:00Z",
          html_url: `https://github.com/${REPO}/pull/57`,
        },
      ]);
    const checks = captureCheckRuns(scope, REPO);

    await receive(merged());

    expectAllMocksDone();
    expect(checks[0]).toMatchObject({ conclusion: "success" });
    expect(checks[0]!.output.title).toBe("Forward-ported to main: #57");
    expect(checks[0]!.output.summary).toContain(
      "**Found by:** cherry-pick trailer. Commit `b1b1b1b` on `main` says `(cherry picked from commit a2a2a2a…)`, a commit of this hotfix.",
    );
  });

  it("finds the twin by the same patch, and tells a merge commit's hotfix to pick with -m 1 while none is found", async () => {
    const scope = nock(API);
    mockSettings(scope, { config: AFTER });
    mockSearch(scope, { pulls: [{ ...TWIN, title: "Fix the discount on main" }] });
    mockPullDiff(scope, REPO, 2, HOTFIX_DIFF);
    mockPullDiff(
      scope,
      REPO,
      57,
      HOTFIX_DIFF.replace("@@ -1,3 +1,3 @@", "@@ -10,3 +10,3 @@").replace(" }", " } // end"),
    );
    const checks = captureCheckRuns(scope, REPO);

    await receive(merged({ title: "Fix discount total", head: "hotfix/discount" }));

    expectAllMocksDone();
    expect(checks[0]).toMatchObject({ conclusion: "success" });
    expect(checks[0]!.output.summary).toMatch(
      /\*\*Found by:\*\* patch id\. #57 `Fix the discount on main` has the same patch id as this hotfix \(`[0-9a-f]{12}`\)\./,
    );
  });

  it("says the deadline has passed, and picks a merge commit with -m 1", async () => {
    const scope = nock(API);
    mockSettings(scope, { config: "forwardPort:\n  mode: after\n  within: 1d\n" });
    mockSearch(scope, {});
    mockPullDiff(scope, REPO, 2, 406);
    mockMergeCommit(scope, REPO, { sha: MERGE, message: "Merge pull request #2 from octo/hotfix/SHOP-42" }, 2);
    const checks = captureCheckRuns(scope, REPO);

    await receive(merged({ mergedAt: "2026-11-19T09:30:00Z" }));

    expectAllMocksDone();
    expect(checks[0]).toMatchObject({ conclusion: "action_required" });
    expect(checks[0]!.output.title).toBe("Overdue: no forward port to main since 2026-11-20 09:30 UTC");
    expect(checks[0]!.output.summary).toContain(
      "**The deadline has passed:** the `single-patch-order/release` check now fails every release from `main` that does not contain a twin of this hotfix.",
    );
    expect(checks[0]!.output.summary).toContain(`git cherry-pick -x -m 1 ${MERGE}`);
    expect(checks[0]!.output.summary).toContain(
      "**Not covered by the search:** the diff of #2 is too large for GitHub to send.",
    );
  });

  it("completes the check as failure, with GitHub's request id, when GitHub fails", async () => {
    const scope = nock(API);
    mockSettings(scope, { config: AFTER });
    scope
      .get(`/repos/${REPO}/pulls/2/commits`)
      .query(true)
      .times(4)
      .reply(502, { message: "Bad gateway" }, { "x-github-request-id": "ABCD:1234" });
    const checks = captureCheckRuns(scope, REPO);

    await receive(merged());

    expectAllMocksDone();
    expect(checks[0]).toMatchObject({
      conclusion: "failure",
      name: "single-patch-order/forward-port",
      head_sha: MERGE,
    });
    expect(checks[0]!.output.title).toBe(
      "Could not check the forward port: GitHub answered 502 while listing the commits of pull request #2: Bad gateway",
    );
    expect(checks[0]!.output.summary).toContain("**GitHub request id:** `ABCD:1234`");
  });

  it("reads only the config with forward ports off, and nothing for a PR closed without merging", async () => {
    const scope = nock(API);
    mockSettings(scope);
    await receive(merged());
    expectAllMocksDone();

    const unmerged = merged();
    unmerged.pull_request.merged = false;
    unmerged.pull_request.merged_at = null;
    await receive(unmerged);
    expectAllMocksDone();
  });

  it("asks nothing of a merged PR that is not a hotfix, or that merged into another branch", async () => {
    const scope = nock(API);
    mockSettings(scope, { config: AFTER });
    mockSettings(scope, { config: AFTER });
    await receive(merged({ head: "feature/new-checkout", title: "New checkout" }));
    await receive(merged({ base: "develop" }));
    expectAllMocksDone();
  });
});

describe("forward ports, mode after: judged again when a pull request merges into the target", () => {
  it("turns the open obligation green when its twin merges into main", async () => {
    const scope = nock(API);
    mockSettings(scope, { config: AFTER });
    const hotfix: PullFixture = {
      number: 2,
      title: GOOD_TITLE,
      body: GOOD_BODY,
      head: "hotfix/SHOP-42-discount-total",
      base: "release/1.4",
      merge_commit_sha: MERGE,
      merged_at: "2026-11-21T10:00:00Z",
    };
    // Who may this merge satisfy: the recently merged hotfixes, and the commits its own trailers name.
    mockClosedPulls(scope, REPO, [{ ...TWIN, updated_at: "2026-11-21T11:00:00Z" }, hotfix]);
    mockPullCommits(scope, REPO, 57, [{ sha: "b1".repeat(20), message: "Forward-port the discount fix" }]);
    mockForwardPortCheck(scope, REPO, MERGE, "action_required");
    mockSearch(scope, { pulls: [TWIN] });
    const checks = captureCheckRuns(scope, REPO);

    await receive(merged({ number: 57, base: "main", head: "forward-port/2-to-main", title: TWIN.title }));

    expectAllMocksDone();
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({
      name: "single-patch-order/forward-port",
      head_sha: MERGE,
      conclusion: "success",
      external_id: "forward-port:2",
    });
    expect(checks[0]!.output.title).toBe("Forward-ported to main: #57");
  });

  it("leaves an obligation that is already green alone, and finds an old hotfix through the twin's trailer", async () => {
    const scope = nock(API);
    mockSettings(scope, { config: AFTER });
    const old = "c3".repeat(20);
    mockClosedPulls(scope, REPO, [
      {
        number: 3,
        title: "SHOP-9: fix",
        head: "hotfix/SHOP-9",
        base: "release/1.3",
        merge_commit_sha: "c4".repeat(20),
        merged_at: "2026-11-20T00:00:00Z",
      },
    ]);
    mockPullCommits(scope, REPO, 57, [
      { sha: "b1".repeat(20), message: `Forward-port\n\n(cherry picked from commit ${old})` },
    ]);
    scope
      .get(`/repos/${REPO}/commits/${old}/pulls`)
      .query({ per_page: "100" })
      .reply(200, [
        {
          number: 1,
          state: "closed",
          title: "SHOP-1: an old fix",
          body: "",
          labels: [],
          head: { ref: "hotfix/SHOP-1", sha: old },
          base: { ref: "release/1.2" },
          merge_commit_sha: MERGE,
          merged_at: "2026-09-01T00:00:00Z",
          html_url: `https://github.com/${REPO}/pull/1`,
        },
      ]);
    mockForwardPortCheck(scope, REPO, MERGE, "action_required");
    mockForwardPortCheck(scope, REPO, "c4".repeat(20), "success");
    scope
      .get(`/repos/${REPO}/pulls/1/commits`)
      .query({ per_page: "100", page: "1" })
      .reply(200, [{ sha: old, commit: { message: "Fix", author: { date: "2026-08-31T00:00:00Z" } } }]);
    mockBranchCommits(scope, REPO, "main", "2026-08-17T00:00:00.000Z", [
      { sha: "b1".repeat(20), message: `Forward-port\n\n(cherry picked from commit ${old})` },
    ]);
    mockClosedPulls(scope, REPO, [], "main");
    scope
      .get(`/repos/${REPO}/commits/${"b1".repeat(20)}/pulls`)
      .query({ per_page: "100" })
      .reply(200, []);
    const checks = captureCheckRuns(scope, REPO);

    await receive(merged({ number: 57, base: "main", head: "forward-port/1", title: "Forward-port" }));

    expectAllMocksDone();
    expect(checks.map((c) => [c.head_sha, c.conclusion, c.external_id])).toEqual([
      [MERGE, "success", "forward-port:1"],
    ]);
  });

  it("judges a forward-port check again on Re-run", async () => {
    const scope = nock(API);
    mockSettings(scope, { config: AFTER });
    scope.get(`/repos/${REPO}/pulls/2`).reply(200, {
      ...{ number: 2, title: GOOD_TITLE, body: GOOD_BODY, labels: [], created_at: "2026-11-19T00:00:00Z" },
      head: { ref: "hotfix/SHOP-42-discount-total" },
      base: { ref: "release/1.4" },
      merge_commit_sha: MERGE,
      merged_at: "2026-11-21T10:00:00Z",
      html_url: `https://github.com/${REPO}/pull/2`,
    });
    mockSearch(scope, { pulls: [TWIN] });
    const checks = captureCheckRuns(scope, REPO);
    const payload = loadWebhook("check_run.rerequested");
    Object.assign(payload.check_run, {
      name: "single-patch-order/forward-port",
      external_id: "forward-port:2",
      head_sha: MERGE,
      app: { ...payload.check_run.app, id: 1 },
    });
    payload.repository = { ...merged().repository };

    await receive(payload, "check_run");

    expectAllMocksDone();
    expect(checks[0]).toMatchObject({ head_sha: MERGE, conclusion: "success", external_id: "forward-port:2" });
  });
});

describe("forward ports, mode upstream-first: the forward-port rule in the gate", () => {
  const UPSTREAM_FIRST = "forwardPort:\n  mode: upstream-first\n";
  const FILES = [
    { filename: "src/checkout/discount.ts", additions: 1, deletions: 1, patch: "@@ -1,3 +1,3 @@\n-a\n+b" },
    {
      filename: "src/checkout/discount.test.ts",
      status: "added",
      additions: 2,
      deletions: 0,
      patch: "@@ -0,0 +1,2 @@\n+t",
    },
  ];

  function opened() {
    const payload = loadWebhook("pull_request.opened");
    Object.assign(payload.pull_request, { title: GOOD_TITLE, body: GOOD_BODY, changed_files: 2, labels: [] });
    payload.pull_request.head.ref = "hotfix/SHOP-42-discount-total";
    payload.pull_request.base.ref = "release/1.4";
    payload.repository.default_branch = "main";
    return payload;
  }

  it("fails a hotfix into release/1.4 until its twin is merged into main", async () => {
    const scope = nock(API);
    mockPullUnchanged(scope, REPO, 2); // the judgement re-reads the delivered PR first (free: 304)
    mockSettings(scope, { config: UPSTREAM_FIRST });
    mockFiles(scope, REPO, 2, FILES);
    mockSearch(scope, {});
    mockPullDiff(scope, REPO, 2, HOTFIX_DIFF);
    const checks = captureCheckRuns(scope, REPO);

    await receive(opened());

    expectAllMocksDone();
    expect(checks[0]).toMatchObject({ name: "single-patch-order", conclusion: "failure" });
    expect(checks[0]!.output.title).toBe(
      "1 rule fails: No twin of this hotfix is merged into main yet: upstream first.",
    );
    expect(checks[0]!.output.summary).toContain(
      "| Twin search | cherry-pick trailer: No commit of `main` among the 0 read names this hotfix's commit in a `(cherry picked from commit …)` line",
    );
    expect(checks[0]!.output.summary).toContain(
      `- ❌ \`forward-port\`: Merge the fix into \`main\` first: on a branch from \`origin/main\`, \`git cherry-pick -x ${HOTFIX_COMMIT.slice(0, 12)}\`, open a pull request into \`main\` that names the same ticket, merge it, then re-run this check.`,
    );
  });

  it("refuses a hotfix whose own commit message claims to be a backport of a commit main contains", async () => {
    const scope = nock(API);
    const unrelated = "c1".repeat(20);
    mockPullUnchanged(scope, REPO, 2); // the judgement re-reads the delivered PR first (free: 304)
    mockSettings(scope, { config: UPSTREAM_FIRST });
    mockFiles(scope, REPO, 2, FILES);
    // The attack: the hotfix's commit names some commit of main in a cherry-pick line.
    mockPullCommits(scope, REPO, 2, [
      { sha: HOTFIX_COMMIT, message: `Fix\n\n(cherry picked from commit ${unrelated})`, date: "2026-11-20T09:00:00Z" },
    ]);
    mockBranchCommits(scope, REPO, "main", SINCE, []);
    mockClosedPulls(scope, REPO, [], "main");
    scope.get(`/repos/${REPO}/compare/${unrelated}...main`).query({ per_page: "1" }).reply(200, { status: "ahead" });
    scope
      .get(`/repos/${REPO}/commits/${unrelated}`)
      .matchHeader("accept", /diff/)
      .reply(
        200,
        "diff --git a/README.md b/README.md\n--- a/README.md\n+++ b/README.md\n@@ -1 +1 @@\n-# Shop\n+# The shop\n",
      );
    scope.get(`/repos/${REPO}/commits/${HOTFIX_COMMIT}`).matchHeader("accept", /diff/).reply(200, HOTFIX_DIFF);
    mockPullDiff(scope, REPO, 2, HOTFIX_DIFF);
    const checks = captureCheckRuns(scope, REPO);

    await receive(opened());

    expectAllMocksDone();
    expect(checks[0]).toMatchObject({ name: "single-patch-order", conclusion: "failure" });
    expect(checks[0]!.output.summary).toContain(
      "| ❌ | `forward-port` | fail | No twin of this hotfix is merged into `main` yet: upstream first. |",
    );
    expect(checks[0]!.output.summary).toContain(
      "(it names `c1c1c1c`, without the same patch: a line in the hotfix's own message is no proof on its own)",
    );
  });

  it("passes it once the twin is merged, and judges it again when the twin merges", async () => {
    const scope = nock(API);
    mockSettings(scope, { config: UPSTREAM_FIRST });
    scope
      .get(`/repos/${REPO}/pulls`)
      .query({ state: "open", sort: "updated", direction: "desc", per_page: "100" })
      .reply(200, [
        { number: 2, head: { ref: "hotfix/SHOP-42-discount-total" }, base: { ref: "release/1.4" }, labels: [] },
        { number: 9, head: { ref: "feature/x" }, base: { ref: "release/1.4" }, labels: [] },
        { number: 10, head: { ref: "hotfix/other" }, base: { ref: "main" }, labels: [] },
      ]);
    scope.get(`/repos/${REPO}/pulls/2`).reply(200, { ...opened().pull_request, commits: 1 });
    mockFiles(scope, REPO, 2, FILES);
    mockSearch(scope, { pulls: [TWIN] });
    mockOpenPulls(scope, REPO); // a passing verdict first looks for other open PRs on its head
    const checks = captureCheckRuns(scope, REPO);

    await receive(merged({ number: 57, base: "main", head: "forward-port/2-to-main", title: TWIN.title }));

    expectAllMocksDone();
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ name: "single-patch-order", conclusion: "success", external_id: "2" });
    expect(checks[0]!.output.summary).toContain(
      "| ✅ | `forward-port` | pass | Its twin is merged into `main` (found by ticket): #57 `SHOP-42: forward-port the discount fix` names the same ticket, `SHOP-42`. |",
    );
  });
});
