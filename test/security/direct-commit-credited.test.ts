import nock from "nock";
import { describe, expect, it } from "vitest";
import { loadWebhook } from "../../support/webhooks.js";
import { API, captureCheckRuns, expectAllMocksDone, mockSettings } from "../helpers/github-nock.js";
import { createTestProbot } from "../helpers/probot.js";

/**
 * Attack (issue 9, item 4): credit a direct commit to a hotfix. The release check took `(#N)` at
 * the end of a subject line as proof that a commit came from PR #N, so a commit pushed straight to
 * the branch with the hotfix's number in its subject rode along in a "hotfix" release. The safe
 * outcome: a commit counts as #N only when it is #N's merge commit or one of its commits; anything
 * else is a direct commit, named in the release report, and it fails a hotfix release.
 */

const REPO = "Codertocat/Hello-World";
const RELEASE_SHA = "1".repeat(40);
const PREVIOUS_SHA = "2".repeat(40);
const HOTFIX_MERGE = "a".repeat(40);
const DIRECT = "b".repeat(40);

function published(tag: string, target = "main") {
  const payload = loadWebhook("release.published");
  payload.release.tag_name = tag;
  payload.release.target_commitish = target;
  return payload;
}

function mockRelease(scope: nock.Scope, commits: Array<{ sha: string; message: string }>) {
  scope.get(`/repos/${REPO}/commits/v1.4.3`).query({ per_page: "1" }).reply(200, { sha: RELEASE_SHA });
  mockSettings(scope);
  scope
    .get(`/repos/${REPO}/tags`)
    .query({ per_page: "100" })
    .reply(200, [
      { name: "v1.4.3", commit: { sha: RELEASE_SHA } },
      { name: "v1.4.2", commit: { sha: PREVIOUS_SHA } },
    ]);
  scope
    .get(`/repos/${REPO}/compare/${PREVIOUS_SHA}...${RELEASE_SHA}`)
    .query({ per_page: "100", page: "1" })
    .reply(200, {
      total_commits: commits.length,
      commits: commits.map((c) => ({ sha: c.sha, commit: { message: c.message } })),
    });
}

/** Hotfix #12, merged as HOTFIX_MERGE (or not merged), whose own commits are `commits`. */
function mockHotfix(scope: nock.Scope, merged: boolean, commits?: string[]) {
  scope.get(`/repos/${REPO}/pulls/12`).reply(200, {
    number: 12,
    title: "SHOP-42: fix discount total",
    head: { ref: "hotfix/SHOP-42" },
    labels: [],
    merged_at: merged ? "2026-11-20T10:00:00Z" : null,
    merge_commit_sha: merged ? HOTFIX_MERGE : "9".repeat(40),
  });
  if (commits)
    scope
      .get(`/repos/${REPO}/pulls/12/commits`)
      .query({ per_page: "100", page: "1" })
      .reply(
        200,
        commits.map((sha) => ({ sha })),
      );
}

async function receive(payload: unknown) {
  await createTestProbot().receive({ id: "attack-release", name: "release", payload } as never);
}

describe("attack: credit a direct commit to a hotfix", () => {
  it("a direct commit that names the hotfix is neither its merge commit nor one of its commits: it fails the release", async () => {
    const scope = nock(API);
    mockRelease(scope, [
      { sha: HOTFIX_MERGE, message: "SHOP-42: fix discount total (#12)" },
      { sha: DIRECT, message: "Raise `prices` by 10% (#12)\n\nSneaked in." },
    ]);
    mockHotfix(scope, true, ["c".repeat(40)]);
    scope.get(`/repos/${REPO}/commits/${DIRECT}/pulls`).query({ per_page: "100" }).reply(200, []);
    const checks = captureCheckRuns(scope, REPO);

    await receive(published("v1.4.3"));

    expectAllMocksDone();
    const check = checks[0]!;
    expect(check).toMatchObject({ name: "single-patch-order/release", head_sha: RELEASE_SHA, conclusion: "failure" });
    expect(check.output.title).toBe(
      "1 check fails: Carries 1 direct commit since v1.4.2 that no pull request accounts for: bbbbbbb (names #12). A commit that names a pull request counts as it only when it is that PR's merge commit or one of its commits.",
    );
    expect(check.output.summary).toContain(
      "| ✅ | `single-hotfix` | pass | Carries exactly one hotfix pull request since `v1.4.2`: #12. |",
    );
    expect(check.output.summary).toContain(
      "| `bbbbbbb` | ``Raise `prices` by 10% (#12)`` | names #12, but is neither its merge commit nor one of its commits |",
    );
  });

  it("a direct commit alone, claiming an unmerged hotfix, makes a release from a hotfix branch carry no hotfix", async () => {
    const scope = nock(API);
    mockRelease(scope, [{ sha: DIRECT, message: "SHOP-42: fix discount total (#12)" }]);
    mockHotfix(scope, false);
    scope.get(`/repos/${REPO}/commits/${DIRECT}/pulls`).query({ per_page: "100" }).reply(200, []);
    const checks = captureCheckRuns(scope, REPO);

    await receive(published("v1.4.3", "hotfix/SHOP-42"));

    expectAllMocksDone();
    expect(checks[0]!.conclusion).toBe("failure");
    expect(checks[0]!.output.title).toBe(
      "2 checks fail: Cut from a hotfix branch but carries no hotfix pull request since v1.4.2.",
    );
    expect(checks[0]!.output.summary).toContain("| ❌ | `direct-commits` | fail |");
  });

  it("still credits one of the hotfix's own commits, read from the PR's commit list", async () => {
    const own = "c".repeat(40);
    const scope = nock(API);
    mockRelease(scope, [
      { sha: own, message: "SHOP-42: guard the zero rate (#12)" },
      { sha: HOTFIX_MERGE, message: "Merge pull request #12 from octo/hotfix/SHOP-42" },
    ]);
    mockHotfix(scope, true, [own]);
    const checks = captureCheckRuns(scope, REPO);

    await receive(published("v1.4.3"));

    expectAllMocksDone();
    expect(checks[0]).toMatchObject({ conclusion: "success", output: { title: "Hotfix release passes" } });
    expect(checks[0]!.output.summary).toContain(
      "| ✅ | `direct-commits` | pass | Every commit since `v1.4.2` belongs to a pull request. |",
    );
  });
});
