import nock from "nock";
import { describe, expect, it } from "vitest";
import { loadProtectionRuleRequest } from "../fixtures/protection-rule.js";
import {
  hotfixPull,
  mockCanaryHolds,
  mockCheck,
  mockCommitPulls,
  mockDeployments,
  mockGateRuns,
  mockJudgedHotfix,
} from "../helpers/deploy-nock.js";
import { API, expectAllMocksDone, mockFiles, mockSettings } from "../helpers/github-nock.js";
import { createTestProbot, FIXED_NOW } from "../helpers/probot.js";
import { gateRecord, gateRun, mockGateRuns as mockRecordRuns } from "../helpers/pull-request-comments.js";
import { createTicketTrackers } from "../../src/trackers/create-ticket-trackers.js";
import { loadWebhook } from "../../support/webhooks.js";
import { HOTFIX_FILES, NO_ROLLBACK_BODY } from "../helpers/deploy-nock.js";
import { startFakeJira } from "../trackers/fake-jira.js";

const REPO = "Codertocat/Hello-World";
const SHA = "f95f852bd8fca8fcc58a9a2d6c842781e32a215e";
/** The run id in the fixture's `deployment_callback_url`. */
const REVIEW = `/repos/${REPO}/actions/runs/1234567890/deployment_protection_rule`;
const minutesAgo = (n: number) => new Date(FIXED_NOW.getTime() - n * 60_000).toISOString();

function expectReview(
  scope: nock.Scope,
  body: { environment_name: string; state: "approved" | "rejected"; comment: string },
) {
  scope.post(REVIEW, body).reply(204);
}

async function receive(payload: unknown, deps: Parameters<typeof createTestProbot>[0] = {}) {
  await createTestProbot(deps).receive({ id: "dpr-1", name: "deployment_protection_rule", payload } as never);
}

/** The open hotfix #12 on SHA as `pulls.get` returns it, with `overrides` (labels, body). */
function openHotfix(overrides: Record<string, unknown> = {}) {
  const pr = loadWebhook("pull_request.opened").pull_request;
  return {
    ...pr,
    number: 12,
    state: "open",
    title: "SHOP-42: fix discount total",
    changed_files: 2,
    labels: [],
    head: { ...pr.head, ref: "hotfix/SHOP-42-discount", sha: SHA },
    base: { ...pr.base, ref: "main" },
    ...overrides,
  };
}

describe("deployment_protection_rule for canary", () => {
  it("approves the head of a hotfix that passes when judged now, with the exact review body", async () => {
    const scope = nock(API);
    mockSettings(scope);
    mockCommitPulls(scope, REPO, SHA, [hotfixPull(12, SHA)]);
    mockCheck(scope, REPO, SHA, "single-patch-order/release", null);
    mockJudgedHotfix(scope, REPO, 12, SHA);
    expectReview(scope, {
      environment_name: "canary",
      state: "approved",
      comment:
        "✅ **Approved** by Single Patch Order for `canary`: f95f852 is the head commit of hotfix #12, whose own single-patch-order verdict passes.",
    });

    await receive(loadProtectionRuleRequest("canary"));

    expectAllMocksDone();
  });

  it("approves the merge commit of a merged hotfix, judged by the App's newest run on its head that judged it", async () => {
    const head = "a".repeat(40);
    const scope = nock(API);
    mockSettings(scope);
    mockCommitPulls(scope, REPO, SHA, [
      hotfixPull(12, head, { state: "closed", merge_commit_sha: SHA, merged_at: "2026-11-21T10:00:00Z" }),
    ]);
    mockCheck(scope, REPO, SHA, "single-patch-order/release", null);
    mockGateRuns(scope, REPO, head, [
      { externalId: "12", conclusion: "failure", completedAt: "2026-11-21T09:00:00Z" },
      { externalId: "12", conclusion: "success", completedAt: "2026-11-21T09:30:00Z" },
    ]);
    expectReview(scope, {
      environment_name: "canary",
      state: "approved",
      comment:
        "✅ **Approved** by Single Patch Order for `canary`: f95f852 is the merge commit of hotfix #12, whose own single-patch-order verdict passes.",
    });

    await receive(loadProtectionRuleRequest("canary"));

    expectAllMocksDone();
  });

  it("rejects a hotfix that fails when judged now, saying why", async () => {
    const scope = nock(API);
    mockSettings(scope);
    mockCommitPulls(scope, REPO, SHA, [hotfixPull(12, SHA)]);
    mockCheck(scope, REPO, SHA, "single-patch-order/release", null);
    mockJudgedHotfix(scope, REPO, 12, SHA, { failing: true });
    expectReview(scope, {
      environment_name: "canary",
      state: "rejected",
      comment:
        "❌ **Rejected** by Single Patch Order for `canary`: f95f852 may not go to canary: hotfix #12 (head commit): its single-patch-order verdict is failure (1 rule fails: The description has no Rollback plan section). Fix the change until its check passes (or override the gate with /spo override <reason>), then deploy again.",
    });

    await receive(loadProtectionRuleRequest("canary"));

    expectAllMocksDone();
  });

  it("approves the head of a failing hotfix overridden on GitHub: its signed record in the App's gate run holds", async () => {
    const override = {
      sha: SHA,
      by: "release-lead",
      reason: "INC-4711 checkout is down",
      at: minutesAgo(5),
      comment: 7,
    };
    const scope = nock(API);
    mockSettings(scope);
    mockCommitPulls(scope, REPO, SHA, [hotfixPull(12, SHA, { labels: [{ name: "spo:overridden" }] })]);
    mockCheck(scope, REPO, SHA, "single-patch-order/release", null);
    scope
      .get(`/repos/${REPO}/pulls/12`)
      .reply(200, openHotfix({ body: NO_ROLLBACK_BODY, labels: [{ id: 1, name: "spo:overridden" }] }));
    mockFiles(scope, REPO, 12, HOTFIX_FILES);
    // The canary judgement reads the override as the gate does: it needs the App's record seal.
    mockRecordRuns(scope, [gateRun(5001, gateRecord({ pr: 12, sha: SHA, override }))], SHA);
    expectReview(scope, {
      environment_name: "canary",
      state: "approved",
      comment:
        "✅ **Approved** by Single Patch Order for `canary`: f95f852 is the head commit of hotfix #12, whose own single-patch-order verdict passes.",
    });

    await receive(loadProtectionRuleRequest("canary"));

    expectAllMocksDone();
  });

  it("approves a hotfix whose Jira ticket is open: the canary judgement asks the App's trackers", async () => {
    const jira = await startFakeJira({ kind: "cloud", email: "spo@example.com", apiToken: "jira-token" });
    try {
      jira.issues.set("SHOP-42", { status: "In Progress", category: "indeterminate", type: "Bug" });
      const trackers = createTicketTrackers({
        jira: { baseUrl: jira.url, auth: { kind: "cloud", email: "spo@example.com", apiToken: "jira-token" } },
      });
      const scope = nock(API);
      mockSettings(scope, { config: "ticket:\n  verify: true\n  tracker: jira\n" });
      mockCommitPulls(scope, REPO, SHA, [hotfixPull(12, SHA)]);
      mockCheck(scope, REPO, SHA, "single-patch-order/release", null);
      mockJudgedHotfix(scope, REPO, 12, SHA);
      expectReview(scope, {
        environment_name: "canary",
        state: "approved",
        comment:
          "✅ **Approved** by Single Patch Order for `canary`: f95f852 is the head commit of hotfix #12, whose own single-patch-order verdict passes.",
      });

      await receive(loadProtectionRuleRequest("canary"), { trackers });

      expectAllMocksDone();
      expect(jira.requests.map((r) => r.path)).toEqual(["/rest/api/3/issue/SHOP-42?fields=status,issuetype"]);
    } finally {
      await jira.close();
    }
  });

  it("rejects a SHA that GitHub does not know", async () => {
    const scope = nock(API);
    mockSettings(scope);
    scope
      .get(`/repos/${REPO}/commits/${SHA}/pulls`)
      .query(true)
      .reply(422, { message: `No commit found for SHA: ${SHA}` });
    expectReview(scope, {
      environment_name: "canary",
      state: "rejected",
      comment:
        "❌ **Rejected** by Single Patch Order for `canary`: Refused because Single Patch Order could not decide: Commit f95f852 was not found in Codertocat/Hello-World.",
    });

    await receive(loadProtectionRuleRequest("canary"));

    expectAllMocksDone();
  });

  it("rejects when GitHub keeps failing (5xx), with the request id", async () => {
    const scope = nock(API);
    mockSettings(scope);
    scope
      .get(`/repos/${REPO}/commits/${SHA}/pulls`)
      .query(true)
      .times(4)
      .reply(503, { message: "Service unavailable" }, { "x-github-request-id": "DPR:503" });
    expectReview(scope, {
      environment_name: "canary",
      state: "rejected",
      comment:
        "❌ **Rejected** by Single Patch Order for `canary`: Refused because Single Patch Order could not decide: GitHub answered 503 while listing the pull requests of f95f852: Service unavailable (GitHub request id DPR:503). This may be temporary: deploy again to retry.",
    });

    await receive(loadProtectionRuleRequest("canary"));

    expectAllMocksDone();
  });

  it("rejects when the config is invalid", async () => {
    const scope = nock(API);
    mockSettings(scope, { config: "deploy:\n  bakeMinutes: soon\n" });
    scope
      .post(
        REVIEW,
        (body: Record<string, string>) => body.state === "rejected" && body.comment!.includes("deploy.bakeMinutes"),
      )
      .reply(204);

    await receive(loadProtectionRuleRequest("canary"));

    expectAllMocksDone();
  });
});

describe("deployment_protection_rule for production", () => {
  // Every production decision first asks whether the canary decision still holds (mockCanaryHolds).
  it("rejects before the bake time, saying when it will be ready and that the job can be re-run", async () => {
    const scope = nock(API);
    mockSettings(scope);
    mockCanaryHolds(scope, REPO, SHA);
    mockDeployments(scope, REPO, SHA, [
      {
        id: 7,
        environment: "canary",
        statuses: [
          { state: "in_progress", created_at: minutesAgo(12) },
          { state: "success", created_at: minutesAgo(10) },
        ],
      },
      { id: 8, environment: "production" },
    ]);
    expectReview(scope, {
      environment_name: "production",
      state: "rejected",
      comment:
        "❌ **Rejected** by Single Patch Order for `production`: Canary of f95f852 is still baking: deployment 7 to canary succeeded at 2026-11-21T11:50:00Z and must bake 30 minutes, until 2026-11-21T12:20:00Z (20 minutes left).\n\n⏳ Ready at 2026-11-21T12:20:00Z. Re-run this job after that time and it will be approved, unless a canary fails meanwhile.",
    });

    await receive(loadProtectionRuleRequest("production"));

    expectAllMocksDone();
  });

  it("approves after the bake time (clock injected), with the configured bake", async () => {
    const scope = nock(API);
    mockSettings(scope, { config: "deploy:\n  bakeMinutes: 45\n" });
    mockCanaryHolds(scope, REPO, SHA);
    mockDeployments(scope, REPO, SHA, [
      { id: 7, environment: "canary", statuses: [{ state: "success", created_at: minutesAgo(45) }] },
    ]);
    expectReview(scope, {
      environment_name: "production",
      state: "approved",
      comment:
        "✅ **Approved** by Single Patch Order for `production`: Canary of f95f852 baked 45 minutes with no failure since: deployment 7 to canary succeeded at 2026-11-21T11:15:00Z.",
    });

    await receive(loadProtectionRuleRequest("production"));

    expectAllMocksDone();
  });

  it("rejects after a failed canary", async () => {
    const scope = nock(API);
    mockSettings(scope);
    mockCanaryHolds(scope, REPO, SHA);
    mockDeployments(scope, REPO, SHA, [
      { id: 9, environment: "canary", statuses: [{ state: "failure", created_at: minutesAgo(20) }] },
      { id: 7, environment: "canary", statuses: [{ state: "success", created_at: minutesAgo(90) }] },
    ]);
    expectReview(scope, {
      environment_name: "production",
      state: "rejected",
      comment:
        "❌ **Rejected** by Single Patch Order for `production`: The canary deployment of f95f852 failed (failure at 2026-11-21T11:40:00Z, deployment 9 to canary). Production needs a healthy canary: fix it and deploy to canary again.",
    });

    await receive(loadProtectionRuleRequest("production"));

    expectAllMocksDone();
  });
});

describe("deployment_protection_rule edge cases", () => {
  it("rejects an environment that is in neither list", async () => {
    const scope = nock(API);
    mockSettings(scope);
    expectReview(scope, {
      environment_name: "staging",
      state: "rejected",
      comment:
        '❌ **Rejected** by Single Patch Order for `staging`: Environment "staging" is in neither deploy.canary (canary) nor deploy.production (production) of .github/single-patch-order.yml. Add it to one of them, or turn this protection rule off for the environment.',
    });

    await receive(loadProtectionRuleRequest("staging"));

    expectAllMocksDone();
  });

  it("takes the SHA from the top level when the request carries no deployment", async () => {
    const payload = loadProtectionRuleRequest("canary");
    payload.deployment = null;
    const scope = nock(API);
    mockSettings(scope);
    mockCommitPulls(scope, REPO, SHA, []);
    mockCheck(scope, REPO, SHA, "single-patch-order/release", "success");
    scope
      .post(REVIEW, { environment_name: "canary", state: "approved", comment: /release commit/ as unknown as string })
      .reply(204);

    await receive(payload);

    expectAllMocksDone();
  });

  it("logs, and does not throw, when GitHub refuses the review itself", async () => {
    const scope = nock(API);
    mockSettings(scope);
    scope.post(REVIEW).times(4).reply(500, { message: "oops" });

    await expect(receive(loadProtectionRuleRequest("staging"))).resolves.toBeUndefined();
    expectAllMocksDone();
  });

  it("answers nothing when the callback URL names no run", async () => {
    const payload = loadProtectionRuleRequest("canary");
    payload.deployment_callback_url = "https://api.github.com/repos/Codertocat/Hello-World/actions/runs/";
    await receive(payload);
    expectAllMocksDone();
  });
});
