import nock from "nock";
import { describe, expect, it } from "vitest";
import { loadWebhook } from "../../support/webhooks.js";
import { API, captureCheckRuns, expectAllMocksDone, mockSettings } from "../helpers/github-nock.js";
import {
  mockBranchCommits,
  mockClosedPulls,
  mockPullCommits,
  mockPullDiff,
  type PullFixture,
} from "../helpers/forward-port-nock.js";
import { createTestProbot } from "../helpers/probot.js";

const REPO = "Codertocat/Hello-World";
const RELEASE_SHA = "1".repeat(40);
const V143 = "2".repeat(40);
const TWIN_MERGE = "b2".repeat(20);
const FEATURE_MERGE = "d2".repeat(20);
const AFTER = "forwardPort:\n  mode: after\n";

const HOTFIX: PullFixture = {
  number: 12,
  title: "SHOP-42: fix discount total",
  head: "hotfix/SHOP-42-discount-total",
  base: "release/1.4",
  merge_commit_sha: "a2".repeat(20),
  merged_at: "2026-11-10T00:00:00Z",
};
/** The forward port, from a hotfix-named branch: without the forward-port stage it would make v1.5.0 a hotfix release. */
const TWIN: PullFixture = {
  number: 57,
  title: "SHOP-42: forward-port the discount fix",
  head: "hotfix/SHOP-42-forward-port",
  base: "main",
  merge_commit_sha: TWIN_MERGE,
  merged_at: "2026-11-12T00:00:00Z",
};

/** v1.5.0 published from main; the previous version, v1.4.3, is a patch release on release/1.4. */
function published() {
  const payload = loadWebhook("release.published");
  payload.release.tag_name = "v1.5.0";
  payload.release.target_commitish = "main";
  payload.repository.default_branch = "main";
  return payload;
}

/** The release gate's own reads (github/read-release-facts.ts): the commit, the config, tags, the commits and their PRs. */
function mockReleaseReads(scope: nock.Scope, commits: Array<{ sha: string; message: string; pull: PullFixture }>) {
  scope.get(`/repos/${REPO}/commits/v1.5.0`).query({ per_page: "1" }).reply(200, { sha: RELEASE_SHA });
  mockSettings(scope, { config: AFTER });
  scope
    .get(`/repos/${REPO}/tags`)
    .query({ per_page: "100" })
    .reply(200, [
      { name: "v1.5.0", commit: { sha: RELEASE_SHA } },
      { name: "v1.4.3", commit: { sha: V143 } },
    ]);
  scope
    .get(`/repos/${REPO}/compare/${V143}...${RELEASE_SHA}`)
    .query({ per_page: "100", page: "1" })
    .reply(200, {
      total_commits: commits.length,
      commits: commits.map((c) => ({ sha: c.sha, commit: { message: c.message } })),
    });
  for (const { pull } of commits)
    scope.get(`/repos/${REPO}/pulls/${pull.number}`).reply(200, {
      number: pull.number,
      title: pull.title,
      head: { ref: pull.head },
      labels: [],
      merged_at: pull.merged_at,
      merge_commit_sha: pull.merge_commit_sha,
    });
}

/**
 * The forward-port stage's reads: where v1.4.3's line left main (the compare's merge base), the PRs
 * merged since, and for the hotfix the twin search with the release's commit as the tip.
 */
function mockForwardPortReads(scope: nock.Scope, onRelease: string[], intoMain: PullFixture[]) {
  scope
    .get(`/repos/${REPO}/compare/${V143}...${RELEASE_SHA}`)
    .query({ per_page: "1" })
    .reply(200, { merge_base_commit: { commit: { committer: { date: "2026-11-01T00:00:00Z" } } } });
  mockClosedPulls(scope, REPO, [HOTFIX, ...intoMain]);
  mockPullCommits(scope, REPO, 12, [
    { sha: "a1".repeat(20), message: "Fix discount total", date: "2026-11-09T00:00:00Z" },
  ]);
  mockBranchCommits(
    scope,
    REPO,
    RELEASE_SHA,
    "2026-10-26T00:00:00.000Z",
    onRelease.map((sha) => ({ sha, message: "Merge" })),
  );
  mockClosedPulls(scope, REPO, intoMain, "main");
}

async function receive(payload: unknown) {
  await createTestProbot().receive({ id: "release-fp", name: "release", payload } as never);
}

describe("the release check and forward ports (mode after)", () => {
  it("passes a release from main that contains the hotfix's twin, and does not take the twin for a hotfix", async () => {
    const scope = nock(API);
    mockReleaseReads(scope, [{ sha: TWIN_MERGE, message: "SHOP-42: forward-port the discount fix (#57)", pull: TWIN }]);
    mockForwardPortReads(scope, [RELEASE_SHA, TWIN_MERGE], [TWIN]);
    const checks = captureCheckRuns(scope, REPO);

    await receive(published());

    expectAllMocksDone();
    expect(checks[0]).toMatchObject({
      name: "single-patch-order/release",
      head_sha: RELEASE_SHA,
      conclusion: "success",
    });
    const { summary } = checks[0]!.output;
    expect(summary).toContain("Not judged as a hotfix release because");
    expect(summary).toContain(
      "| ✅ | `forward-ports` | pass | The hotfix merged into a forward-port branch since 2026-11-01 00:00 UTC has its twin in this release: #12 → #57 (ticket). |",
    );
  });

  it("fails a release from main past the deadline while a hotfix has no twin in it, naming the hotfix", async () => {
    const scope = nock(API);
    const feature: PullFixture = {
      number: 60,
      title: "New checkout",
      head: "feature/checkout",
      base: "main",
      merge_commit_sha: FEATURE_MERGE,
      merged_at: "2026-11-15T00:00:00Z",
    };
    mockReleaseReads(scope, [{ sha: FEATURE_MERGE, message: "New checkout (#60)", pull: feature }]);
    mockForwardPortReads(scope, [RELEASE_SHA, FEATURE_MERGE], [feature]);
    mockPullDiff(scope, REPO, 12, "diff --git a/a b/a\n--- a/a\n+++ b/a\n@@ -1 +1 @@\n-x\n+y\n");
    mockPullDiff(scope, REPO, 60, "diff --git a/c b/c\n--- a/c\n+++ b/c\n@@ -1 +1 @@\n-p\n+q\n");
    const checks = captureCheckRuns(scope, REPO);

    await receive(published());

    expectAllMocksDone();
    expect(checks[0]).toMatchObject({ conclusion: "failure", head_sha: RELEASE_SHA });
    expect(checks[0]!.output.title).toBe(
      "1 check fails: A hotfix merged since 2026-11-01 00:00 UTC has no twin in this release, past the deadline: #12 SHOP-42: fix discount total (into release/1.4, due 2026-11-13 00:00 UTC).",
    );
    expect(checks[0]!.output.summary).toContain(
      "- ❌ `forward-ports`: Forward-port each into `main` (the `single-patch-order/forward-port` check on its merge commit has the `git cherry-pick -x` command), then publish the release from a commit that contains the twins.",
    );
  });

  it("does not count a twin merged into main after the release's commit", async () => {
    const scope = nock(API);
    const feature: PullFixture = {
      number: 60,
      title: "New checkout",
      head: "feature/checkout",
      base: "main",
      merge_commit_sha: FEATURE_MERGE,
      merged_at: "2026-11-15T00:00:00Z",
    };
    mockReleaseReads(scope, [{ sha: FEATURE_MERGE, message: "New checkout (#60)", pull: feature }]);
    // main has the twin by now, but the release's commit does not contain its merge commit.
    mockForwardPortReads(
      scope,
      [RELEASE_SHA, FEATURE_MERGE],
      [{ ...TWIN, merged_at: "2026-11-20T00:00:00Z" }, feature],
    );
    mockPullDiff(scope, REPO, 12, "diff --git a/a b/a\n--- a/a\n+++ b/a\n@@ -1 +1 @@\n-x\n+y\n");
    mockPullDiff(scope, REPO, 60, "diff --git a/c b/c\n--- a/c\n+++ b/c\n@@ -1 +1 @@\n-p\n+q\n");
    const checks = captureCheckRuns(scope, REPO);

    await receive(published());

    expectAllMocksDone();
    expect(checks[0]).toMatchObject({ conclusion: "failure" });
    expect(checks[0]!.output.title).toContain(
      "#12 SHOP-42: fix discount total (into release/1.4, due 2026-11-13 00:00 UTC)",
    );
  });

  it("adds no forward-port stage to a release from another branch", async () => {
    const scope = nock(API);
    scope.get(`/repos/${REPO}/commits/v1.4.4`).query({ per_page: "1" }).reply(200, { sha: RELEASE_SHA });
    mockSettings(scope, { config: AFTER });
    scope
      .get(`/repos/${REPO}/tags`)
      .query({ per_page: "100" })
      .reply(200, [{ name: "v1.4.3", commit: { sha: V143 } }]);
    scope
      .get(`/repos/${REPO}/compare/${V143}...${RELEASE_SHA}`)
      .query({ per_page: "100", page: "1" })
      .reply(200, {
        total_commits: 1,
        commits: [{ sha: HOTFIX.merge_commit_sha, commit: { message: "SHOP-42: fix (#12)" } }],
      });
    scope.get(`/repos/${REPO}/pulls/12`).reply(200, {
      number: 12,
      title: HOTFIX.title,
      head: { ref: HOTFIX.head },
      labels: [],
      merged_at: HOTFIX.merged_at,
      merge_commit_sha: HOTFIX.merge_commit_sha,
    });
    const checks = captureCheckRuns(scope, REPO);
    const payload = published();
    payload.release.tag_name = "v1.4.4";
    payload.release.target_commitish = "release/1.4";

    await receive(payload);

    expectAllMocksDone();
    expect(checks[0]).toMatchObject({ conclusion: "success" });
    expect(checks[0]!.output.summary).not.toContain("forward-ports");
  });
});
