import nock from "nock";
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { GOOD_BODY } from "../../support/build-change.js";
import { loadWebhook } from "../../support/webhooks.js";
import { mockBranchCommits, mockClosedPulls, mockPullCommits } from "../helpers/forward-port-nock.js";
import { API, expectAllMocksDone, mockFiles, mockSettings } from "../helpers/github-nock.js";
import { runSpo, type JsonReport } from "../helpers/run-cli.js";
import { TestOctokit } from "../helpers/token-octokit.js";

const REPO = "Codertocat/Hello-World";

/** What `pulls.get` answers: a hotfix PR into release/1.4 of a repository whose default branch is main. */
function hotfixIntoRelease() {
  const pr = loadWebhook("pull_request.opened").pull_request;
  return {
    ...pr,
    head: { ...pr.head, ref: "hotfix/SHOP-42-discount-total" },
    base: { ...pr.base, ref: "release/1.4", repo: { ...pr.base.repo, default_branch: "main" } },
    title: "SHOP-42: fix discount total",
    body: GOOD_BODY,
    changed_files: 2,
  };
}

describe("spo check --pr with forwardPort.mode: upstream-first", () => {
  it("looks for the twin on GitHub, as the App does: passes once main has it", async () => {
    const scope = nock(API);
    scope.get(`/repos/${REPO}/pulls/2`).reply(200, hotfixIntoRelease());
    mockSettings(scope, { config: "forwardPort:\n  mode: upstream-first\n" });
    mockFiles(scope, REPO, 2, [
      { filename: "src/checkout/discount.ts", patch: "@@ -1 +1 @@\n-a\n+b" },
      {
        filename: "src/checkout/discount.test.ts",
        status: "added",
        additions: 1,
        deletions: 0,
        patch: "@@ -0,0 +1 @@\n+t",
      },
    ]);
    mockPullCommits(scope, REPO, 2, [{ sha: "a1".repeat(20), message: "Fix", date: "2026-11-20T09:00:00Z" }]);
    mockBranchCommits(scope, REPO, "main", "2026-11-06T09:00:00.000Z", []);
    mockClosedPulls(
      scope,
      REPO,
      [
        {
          number: 57,
          title: "SHOP-42: the discount fix, on main first",
          head: "fix/discount",
          base: "main",
          merge_commit_sha: "b2".repeat(20),
          merged_at: "2026-11-19T00:00:00Z",
        },
      ],
      "main",
    );

    const result = await runSpo(["check", "--pr", `${REPO}#2`, "--format", "json"], {
      cwd: tmpdir(),
      env: { GITHUB_TOKEN: "test" },
      Octokit: TestOctokit,
    });

    expectAllMocksDone();
    expect(result.code).toBe(0);
    const rule = (JSON.parse(result.stdout) as JsonReport).rules.find((r) => r.id === "forward-port");
    expect(rule).toMatchObject({
      id: "forward-port",
      verdict: "pass",
      message:
        "Its twin is merged into `main` (found by ticket): #57 `SHOP-42: the discount fix, on main first` names the same ticket, `SHOP-42`.",
    });
  });
});
