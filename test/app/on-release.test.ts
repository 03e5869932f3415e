import nock from "nock";
import { describe, expect, it } from "vitest";
import { loadWebhook } from "../../support/webhooks.js";
import { API, captureCheckRuns, expectAllMocksDone, mockSettings } from "../helpers/github-nock.js";
import { createTestProbot, FIXED_NOW, TEST_APP_ID } from "../helpers/probot.js";

const REPO = "Codertocat/Hello-World";
const RELEASE_SHA = "1".repeat(40);
const PREVIOUS_SHA = "2".repeat(40);

/** The real `release.published` delivery with our tag and target. */
function published(tag: string, target = "main", action: "published" | "prereleased" = "published") {
  const payload = loadWebhook(`release.${action}`);
  payload.release.tag_name = tag;
  payload.release.target_commitish = target;
  return payload;
}

function mockRelease(scope: nock.Scope, tag: string, commits: Array<{ message: string; sha?: string }>) {
  scope.get(`/repos/${REPO}/commits/${tag}`).query({ per_page: "1" }).reply(200, { sha: RELEASE_SHA });
  mockSettings(scope);
  scope
    .get(`/repos/${REPO}/tags`)
    .query({ per_page: "100" })
    .reply(200, [
      { name: tag, commit: { sha: RELEASE_SHA } },
      { name: "v1.4.2", commit: { sha: PREVIOUS_SHA } },
      { name: "v1.4.1", commit: { sha: "3".repeat(40) } },
      { name: "nightly", commit: { sha: "4".repeat(40) } },
    ]);
  scope
    .get(`/repos/${REPO}/compare/${PREVIOUS_SHA}...${RELEASE_SHA}`)
    .query({ per_page: "100", page: "1" })
    .reply(200, {
      total_commits: commits.length,
      commits: commits.map((c, i) => ({ sha: c.sha ?? commitSha(i), commit: { message: c.message } })),
    });
}

/** The SHA mockRelease gives the `i`-th commit between the two releases. */
function commitSha(i: number): string {
  return `${i}`.padStart(40, "c");
}

/** A merged PR whose merge commit is `mergeCommitSha` (by default the first commit of the release). */
function mockPull(
  scope: nock.Scope,
  number: number,
  headRef: string,
  labels: string[] = [],
  mergeCommitSha = commitSha(0),
) {
  scope.get(`/repos/${REPO}/pulls/${number}`).reply(200, {
    number,
    title: `Change ${number}`,
    head: { ref: headRef },
    labels: labels.map((name) => ({ name })),
    merged_at: "2026-11-20T10:00:00Z",
    merge_commit_sha: mergeCommitSha,
  });
}

async function receive(payload: unknown) {
  await createTestProbot().receive({ id: "release-1", name: "release", payload } as never);
}

describe("release published", () => {
  it("passes v1.4.2 → v1.4.3 carrying one hotfix PR, on the release's commit", async () => {
    const scope = nock(API);
    mockRelease(scope, "v1.4.3", [{ message: "SHOP-42: fix discount total (#12)\n\nSquashed." }]);
    mockPull(scope, 12, "hotfix/SHOP-42-discount");
    const checks = captureCheckRuns(scope, REPO);

    await receive(published("v1.4.3"));

    expectAllMocksDone();
    expect(checks).toHaveLength(1);
    const { output, ...check } = checks[0]!;
    expect(check).toEqual({
      name: "single-patch-order/release",
      head_sha: RELEASE_SHA,
      status: "completed",
      conclusion: "success",
      completed_at: FIXED_NOW.toISOString(),
      external_id: "release:17372790",
    });
    expect(output.title).toBe("Hotfix release passes");
    expect(output.summary).toContain("Judged as a hotfix release because it carries the hotfix pull request #12.");
    expect(output.summary).toContain("| ✅ | `patch-bump` | pass | `1.4.3` is the patch after `1.4.2`. |");
    expect(output.summary).toContain("| #12 | Change 12 | `hotfix/SHOP-42-discount` | hotfix |");
    expect(output.summary).toContain("| Previous release | `v1.4.2` (1.4.2) |");
  });

  it("fails v1.4.2 → v1.5.0 cut from a hotfix, saying which version it must be", async () => {
    const scope = nock(API);
    mockRelease(scope, "v1.5.0", [{ message: "Merge pull request #12 from octo/hotfix/SHOP-42\n\nFix" }]);
    mockPull(scope, 12, "hotfix/SHOP-42");
    const checks = captureCheckRuns(scope, REPO);

    await receive(published("v1.5.0"));

    expectAllMocksDone();
    expect(checks[0]).toMatchObject({ conclusion: "failure", head_sha: RELEASE_SHA });
    expect(checks[0]!.output.title).toBe(
      "1 check fails: 1.5.0 is not a patch bump of the previous release 1.4.2 (expected 1.4.3).",
    );
    expect(checks[0]!.output.summary).toContain("### How to fix");
    expect(checks[0]!.output.summary).toContain("publish it as `v1.4.3`");
  });

  it("fails a release carrying two hotfix PRs", async () => {
    const scope = nock(API);
    mockRelease(scope, "v1.4.3", [{ message: "Fix A (#12)" }, { message: "Fix B (#13)" }]);
    mockPull(scope, 12, "hotfix/SHOP-42");
    mockPull(scope, 13, "SHOP-43-other", ["hotfix"], commitSha(1));
    const checks = captureCheckRuns(scope, REPO);

    await receive(published("v1.4.3", "hotfix/SHOP-42"));

    expectAllMocksDone();
    expect(checks[0]!.conclusion).toBe("failure");
    expect(checks[0]!.output.title).toBe(
      "1 check fails: Carries 2 hotfix pull requests since v1.4.2 (#12, #13): one patch per release.",
    );
  });

  it("fails a tag that is not semver, with a clear message, without reading tags", async () => {
    const scope = nock(API);
    scope.get(`/repos/${REPO}/commits/release-7`).query({ per_page: "1" }).reply(200, { sha: RELEASE_SHA });
    mockSettings(scope);
    const checks = captureCheckRuns(scope, REPO);

    await receive(published("release-7"));

    expectAllMocksDone();
    expect(checks[0]!.conclusion).toBe("failure");
    expect(checks[0]!.output.title).toBe(
      "1 check fails: The tag release-7 is not a semantic version (MAJOR.MINOR.PATCH, e.g. v1.4.3).",
    );
    expect(checks[0]!.output.summary).toContain("publish it again with a semver tag such as `v1.4.3`");
  });

  it("passes a minor release from main with no hotfix PR, with a note", async () => {
    const scope = nock(API);
    const rebased = "d".repeat(40);
    mockRelease(scope, "v1.5.0", [
      { message: "Merge pull request #20 from octo/feature/search" },
      { message: "Add export", sha: rebased },
    ]);
    mockPull(scope, 20, "feature/search");
    scope
      .get(`/repos/${REPO}/commits/${rebased}/pulls`)
      .query({ per_page: "100" })
      .reply(200, [
        {
          number: 21,
          title: "Export",
          body: null,
          labels: [],
          head: { ref: "feature/export", sha: rebased },
          base: { ref: "main" },
          merge_commit_sha: rebased,
          merged_at: "2026-11-20T10:00:00Z",
          html_url: "u",
        },
      ]);
    const checks = captureCheckRuns(scope, REPO);

    await receive(published("v1.5.0"));

    expectAllMocksDone();
    expect(checks[0]!.conclusion).toBe("success");
    expect(checks[0]!.output.title).toBe("Not a hotfix release: no single-patch rules apply");
    expect(checks[0]!.output.summary).toContain(
      "Not judged as a hotfix release because its target `main` is not a hotfix branch and none of its 2 pull requests is a hotfix.",
    );
    expect(checks[0]!.output.summary).toContain(
      "| ⏭️ | `patch-bump` | skip | Not a hotfix release, so no patch rule applies",
    );
  });

  it("judges a pre-release the same way", async () => {
    const scope = nock(API);
    mockRelease(scope, "v1.4.3-rc.1", [{ message: "Fix (#12)" }]);
    mockPull(scope, 12, "hotfix/SHOP-42");
    const checks = captureCheckRuns(scope, REPO);

    await receive(published("v1.4.3-rc.1", "main", "prereleased"));

    expectAllMocksDone();
    expect(checks[0]).toMatchObject({ name: "single-patch-order/release", conclusion: "success" });
  });

  it("completes the check as a failure with GitHub's request id when GitHub keeps failing", async () => {
    const scope = nock(API);
    scope.get(`/repos/${REPO}/commits/v1.4.3`).query(true).reply(200, { sha: RELEASE_SHA });
    mockSettings(scope);
    scope
      .get(`/repos/${REPO}/tags`)
      .query(true)
      .times(4)
      .reply(502, { message: "bad gateway" }, { "x-github-request-id": "REL:1" });
    const checks = captureCheckRuns(scope, REPO);

    await receive(published("v1.4.3"));

    expectAllMocksDone();
    expect(checks[0]).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(checks[0]!.output.title).toMatch(/^Could not evaluate the release: GitHub answered 502/);
    expect(checks[0]!.output.summary).toContain("`REL:1`");
  });

  it("ignores a draft", async () => {
    const payload = published("v1.4.3");
    payload.release.draft = true;
    await receive(payload);
    expectAllMocksDone();
  });
});

describe("check_run.rerequested on the release check", () => {
  it("judges the release named by the check's external id again", async () => {
    const payload = loadWebhook("check_run.rerequested");
    payload.check_run.name = "single-patch-order/release";
    payload.check_run.app.id = TEST_APP_ID;
    payload.check_run.external_id = "release:55";
    const repo = payload.repository.full_name;
    const scope = nock(API);
    scope.get(`/repos/${repo}/releases/55`).reply(200, { id: 55, tag_name: "release-7", target_commitish: "main" });
    scope.get(`/repos/${repo}/commits/release-7`).query(true).reply(200, { sha: RELEASE_SHA });
    mockSettings(scope, {}, repo);
    const checks = captureCheckRuns(scope, repo);

    await createTestProbot().receive({ id: "rerun-1", name: "check_run", payload } as never);

    expectAllMocksDone();
    expect(checks[0]).toMatchObject({
      name: "single-patch-order/release",
      external_id: "release:55",
      conclusion: "failure",
    });
  });
});
