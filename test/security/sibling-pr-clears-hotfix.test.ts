import nock from "nock";
import { describe, expect, it } from "vitest";
import { loadProtectionRuleRequest } from "../fixtures/protection-rule.js";
import { hotfixPull, mockCheck, mockCommitPulls, mockGateRuns } from "../helpers/deploy-nock.js";
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
import { createTestProbot, TEST_APP_ID, TEST_SEAL } from "../helpers/probot.js";
import {
  AUTHOR,
  captureAddedLabels,
  captureComments,
  gateRecord,
  gateRun,
  mockGateRuns as mockOwnGateRuns,
  mockHeadCommit,
  mockRole,
  prComment,
  pullRequest,
  REPO,
  SHA,
  TWO_SCOPES,
} from "../helpers/pull-request-comments.js";
import { loadWebhook } from "../../support/webhooks.js";
import { openRecord } from "../../src/github/override-store.js";

/**
 * Attack (issue 9, item 2): clear a failing hotfix with a sibling PR. Check runs belong to commits,
 * verdicts to PRs: a PR that is no hotfix (from a fork, or a `feature/…` branch) on the failing
 * hotfix's head commit publishes "Not a hotfix" success on it, branch protection reads the newest
 * run, and so does the canary gate. The safe outcome: the run on the commit carries the strictest
 * verdict of every open PR with that head, and the canary gate judges the hotfix PR itself.
 *
 * The victim throughout: hotfix #1 on SHA, failing `single-scope` (two scopes).
 */

const REPO_ID = 186853002;

async function receive(name: string, payload: unknown) {
  await createTestProbot().receive({ id: "attack-sibling", name, payload } as never);
}

/** The open-PR list entry of a PR whose head is SHA. */
function openPull(number: number, ref: string, headRepo = REPO, labels: string[] = []) {
  return {
    number,
    title: `PR ${number}`,
    head: { ref, sha: SHA, repo: { full_name: headRepo } },
    labels: labels.map((name) => ({ name })),
  };
}

/** The attacker opens #7 with the victim's head commit. */
function siblingOpened(ref: string, headRepo: string) {
  const payload = loadWebhook("pull_request.opened");
  Object.assign(payload.pull_request, {
    number: 7,
    title: "Tidy up",
    labels: [],
    head: {
      ...payload.pull_request.head,
      ref,
      sha: SHA,
      repo: { ...payload.pull_request.head.repo, full_name: headRepo },
    },
    base: { ...payload.pull_request.base, ref: "main" },
  });
  return payload;
}

/** GitHub's answers for judging the victim #1 on its own: `pulls.get`, its files over two scopes. */
function mockVictimJudged(scope: nock.Scope) {
  scope.get(`/repos/${REPO}/pulls/1`).reply(200, pullRequest());
  mockFiles(scope, REPO, 1, TWO_SCOPES);
  mockBaseTree(scope, REPO);
}

describe("attack: clear a failing hotfix with a sibling PR on the same commit", () => {
  it.each([
    ["a fork", "patch-1", "mallory/Hello-World"],
    ["a feature branch", "feature/cleanup", REPO],
  ])("from %s: the sibling's check carries the hotfix's failure", async (_from, ref, headRepo) => {
    const scope = nock(API);
    mockPullUnchanged(scope, REPO, 7);
    mockSettings(scope);
    mockOpenPulls(scope, REPO, [openPull(7, ref, headRepo), openPull(1, "hotfix/SHOP-42")]);
    mockVictimJudged(scope);
    const checks = captureCheckRuns(scope, REPO);
    // #7 is no hotfix: its own files are listed once more, to see whether it changes the config file.
    mockFiles(scope, REPO, 7, [{ filename: "README.md" }]);

    await receive("pull_request", siblingOpened(ref, headRepo));

    expectAllMocksDone();
    expect(checks).toHaveLength(1);
    const check = checks[0]!;
    expect(check).toMatchObject({
      name: "single-patch-order",
      head_sha: SHA,
      status: "completed",
      conclusion: "failure",
      external_id: "7;1",
    });
    expect(check.output.title).toMatch(/^#1 on this commit: 1 rule fails: /);
    const summary: string = check.output.summary;
    expect(
      summary.startsWith(
        "**This commit is the head of 2 open pull requests.** A check run belongs to the commit, not to one pull request, so this check carries the strictest of their verdicts: #1's, because it fails: one pull request that fails keeps the commit from passing, whatever the others say.\n\nAn override holds only for its own pull request: #7 cannot clear #1. Fix #1, override it on #1 itself, or give #7 a commit of its own.",
      ),
    ).toBe(true);
    expect(summary).toContain("| #7 (judged now) | Tidy up | no | ✅ Not a hotfix: no single-patch rules apply |");
    expect(summary).toMatch(/\| #1 \| SHOP-42: fix discount total \| yes \| ❌ 1 rule fails: /);
    expect(summary).toContain("### #1: its own report");
    expect(summary).toContain("| ❌ | `single-scope` | fail |");
    expect(check.output.annotations).toEqual([
      expect.objectContaining({ title: "single-scope", annotation_level: "failure" }),
    ]);
  });

  it("an override of one PR does not clear another PR's failure on the same commit", async () => {
    const scope = nock(API);
    mockSettings(scope);
    mockRole(scope, "release-lead", "admin");
    scope.get(`/repos/${REPO}/pulls/1`).reply(200, pullRequest({ body: pullRequest().body }));
    mockOwnGateRuns(scope, [gateRun(5001, gateRecord({ pushedBy: AUTHOR }))]);
    mockHeadCommit(scope);
    mockFiles(scope, REPO, 1, TWO_SCOPES);
    mockBaseTree(scope, REPO);
    captureAddedLabels(scope);
    captureComments(scope);
    mockOpenPulls(scope, REPO, [openPull(1, "hotfix/SHOP-42"), openPull(7, "hotfix/SHOP-43")]);
    scope
      .get(`/repos/${REPO}/pulls/7`)
      .reply(200, pullRequest({ number: 7, title: "SHOP-43: other fix", head: { ref: "hotfix/SHOP-43", sha: SHA } }));
    mockFiles(scope, REPO, 7, TWO_SCOPES);
    mockBaseTree(scope, REPO);
    const checks = captureCheckRuns(scope, REPO);

    await receive("issue_comment", prComment("/spo override INC-4711 checkout is down, rollback tested"));

    expectAllMocksDone();
    expect(checks[0]).toMatchObject({ head_sha: SHA, conclusion: "failure", external_id: "1;7" });
    expect(checks[0]!.output.title).toMatch(/^#7 on this commit: 1 rule fails: /);
    expect(checks[0]!.output.summary).toContain("An override holds only for its own pull request: #1 cannot clear #7.");
    expect(checks[0]!.output.summary).toMatch(
      /\| #1 \(judged now\) \| [^|]+ \| yes \| ✅ Overridden by @\u200Brelease-lead:/,
    );
    // The run carries #7's failure, and still #1's signed override: #1's next judgement finds it.
    expect(openRecord(TEST_SEAL, checks[0]!.output.text)).toStrictEqual(
      gateRecord({
        override: {
          sha: SHA,
          by: "release-lead",
          reason: "INC-4711 checkout is down, rollback tested",
          at: "2026-11-21T11:59:00Z",
          comment: prComment("").comment.id,
        },
      }),
    );
  });

  it("two PRs judged at once: our passing run that missed the hotfix makes the App judge it", async () => {
    const payload = loadWebhook("check_run.completed");
    Object.assign(payload.check_run, {
      name: "single-patch-order",
      head_sha: SHA,
      conclusion: "success",
      external_id: "7",
      app: { ...payload.check_run.app, id: TEST_APP_ID },
      output: { ...payload.check_run.output, title: "Not a hotfix: no single-patch rules apply" },
      pull_requests: [7, 1].map((number) => ({ number, head: { sha: SHA }, base: { repo: { id: REPO_ID } } })),
    });
    const scope = nock(API);
    mockVictimJudged(scope);
    mockSettings(scope);
    const checks = captureCheckRuns(scope, REPO);

    await receive("check_run", payload);

    expectAllMocksDone();
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ head_sha: SHA, conclusion: "failure", external_id: "1" });
  });

  it("does not loop: a passing run that accounts for every listed PR makes no call", async () => {
    const payload = loadWebhook("check_run.completed");
    Object.assign(payload.check_run, {
      name: "single-patch-order",
      head_sha: SHA,
      conclusion: "success",
      external_id: "7;1",
      app: { ...payload.check_run.app, id: TEST_APP_ID },
      output: { ...payload.check_run.output, title: "Not a hotfix: no single-patch rules apply" },
      pull_requests: [7, 1].map((number) => ({ number, head: { sha: SHA }, base: { repo: { id: REPO_ID } } })),
    });

    await receive("check_run", payload);

    expectAllMocksDone();
  });

  it("canary: the newest run on the commit is not read; the hotfix PR itself is judged, and refused", async () => {
    const payload = loadProtectionRuleRequest("canary");
    payload.deployment.sha = SHA;
    const scope = nock(API);
    mockSettings(scope);
    mockCommitPulls(scope, REPO, SHA, [
      hotfixPull(1, SHA, { head: { ref: "hotfix/SHOP-42", sha: SHA } }),
      hotfixPull(7, SHA, { head: { ref: "patch-1", sha: SHA } }),
    ]);
    mockCheck(scope, REPO, SHA, "single-patch-order/release", null);
    mockVictimJudged(scope);
    const reviews: Array<Record<string, string>> = [];
    scope
      .post("/repos/Codertocat/Hello-World/actions/runs/1234567890/deployment_protection_rule", (body) => {
        reviews.push(body);
        return true;
      })
      .reply(204);

    await receive("deployment_protection_rule", payload);

    expectAllMocksDone();
    expect(reviews).toEqual([
      {
        environment_name: "canary",
        state: "rejected",
        comment: expect.stringMatching(
          /^❌ \*\*Rejected\*\* by Single Patch Order for `canary`: ec26c3e may not go to canary: hotfix #1 \(head commit\): its single-patch-order verdict is failure \(1 rule fails: /,
        ),
      },
    ]);
  });

  it("canary of a merged hotfix: a sibling's newer pass on its head is not the hotfix's verdict", async () => {
    const merge = "f".repeat(40);
    const payload = loadProtectionRuleRequest("canary");
    payload.deployment.sha = merge;
    const scope = nock(API);
    mockSettings(scope);
    mockCommitPulls(scope, REPO, merge, [
      hotfixPull(1, SHA, { state: "closed", merge_commit_sha: merge, merged_at: "2026-11-21T10:00:00Z" }),
    ]);
    mockCheck(scope, REPO, merge, "single-patch-order/release", null);
    mockGateRuns(scope, REPO, SHA, [
      { externalId: "1", conclusion: "failure", completedAt: "2026-11-21T09:00:00Z" },
      { externalId: "7", conclusion: "success", completedAt: "2026-11-21T10:30:00Z" },
    ]);
    scope
      .post("/repos/Codertocat/Hello-World/actions/runs/1234567890/deployment_protection_rule", {
        environment_name: "canary",
        state: "rejected",
        comment:
          "❌ **Rejected** by Single Patch Order for `canary`: fffffff may not go to canary: hotfix #1 (merge commit): the single-patch-order check concluded failure. Fix the change until its check passes (or override the gate with /spo override <reason>), then deploy again.",
      })
      .reply(204);

    await receive("deployment_protection_rule", payload);

    expectAllMocksDone();
  });
});
