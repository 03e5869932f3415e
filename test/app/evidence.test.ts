import nock from "nock";
import { describe, expect, it } from "vitest";
import { evidenceRecordSchema } from "../../src/core/evidence/evidence-record.js";
import { sealRecord } from "../../src/github/override-store.js";
import { loadProtectionRuleRequest } from "../fixtures/protection-rule.js";
import { mockCanaryHolds } from "../helpers/deploy-nock.js";
import {
  FAILING_GATE_SUMMARY,
  HOTFIX_HEAD,
  MERGE_SHA,
  mockDecisionReads,
  mockEvidenceRuns,
  mockHotfixPull,
  PASSING_GATE_SUMMARY,
  readRecord,
} from "../helpers/evidence-nock.js";
import { API, captureCheckRuns, expectAllMocksDone, mockSettings } from "../helpers/github-nock.js";
import { createTestProbot, FIXED_NOW, TEST_SEAL } from "../helpers/probot.js";
import { loadWebhook } from "../../support/webhooks.js";

const REPO = "Codertocat/Hello-World";
/** The deployed commit of the fixture (the merge commit of hotfix #12), and the hotfix's head. */
const [SHA, HEAD] = [MERGE_SHA, HOTFIX_HEAD];
/** The fixture's deployment id. */
const DEPLOYMENT = 145988746;
const REVIEW = `/repos/${REPO}/actions/runs/1234567890/deployment_protection_rule`;
const EXTERNAL_ID = `evidence/v1:production:deployment-${DEPLOYMENT}:approved`;

const REVIEWS = [
  { id: 1, login: "bob", state: "APPROVED", submitted_at: "2026-11-21T09:00:00Z" },
  { id: 2, login: "carol", state: "COMMENTED", submitted_at: "2026-11-21T09:05:00Z" },
  { id: 3, login: "dave", state: "CHANGES_REQUESTED", submitted_at: "2026-11-21T09:10:00Z" },
  { id: 4, login: "dave", state: "APPROVED", submitted_at: "2026-11-21T09:20:00Z" },
  { id: 5, login: "dev-ana", state: "APPROVED", submitted_at: "2026-11-21T09:25:00Z" },
  { id: 6, login: "erin", state: "APPROVED", submitted_at: "2026-11-21T09:30:00Z" },
  { id: 7, login: "erin", state: "DISMISSED", submitted_at: "2026-11-21T09:40:00Z" },
];

async function receive(payload: unknown, probot = createTestProbot()) {
  await probot.receive({ id: "dpr-evidence", name: "deployment_protection_rule", payload } as never);
}

const PASSING_RULES = [
  { rule: "base-branch", verdict: "pass" },
  { rule: "single-scope", verdict: "pass" },
  { rule: "change-size", verdict: "pass" },
  { rule: "linked-ticket", verdict: "pass" },
  { rule: "problem-statement", verdict: "pass" },
  { rule: "test-evidence", verdict: "pass" },
  { rule: "rollback-plan", verdict: "pass" },
  { rule: "reversible-migration", verdict: "skip" },
  { rule: "dependency-change", verdict: "pass" },
  { rule: "semver-patch", verdict: "skip" },
  { rule: "forward-port", verdict: "skip" },
];

describe("evidence of a production decision (deployment protection rule)", () => {
  it("an approval writes exactly one evidence run on the deployed commit, with the exact record", async () => {
    const scope = nock(API);
    mockDecisionReads(scope, { summary: PASSING_GATE_SUMMARY });
    scope.post(REVIEW, (body) => body.state === "approved").reply(204);
    mockHotfixPull(scope, "release-lead", REVIEWS);
    mockEvidenceRuns(scope, REPO, SHA, []);
    const checks = captureCheckRuns(scope, REPO);

    await receive(loadProtectionRuleRequest("production"));

    expectAllMocksDone();
    expect(checks).toHaveLength(1);
    const [check] = checks;
    expect(check).toMatchObject({
      name: "single-patch-order/evidence",
      head_sha: SHA,
      status: "completed",
      conclusion: "success",
      completed_at: FIXED_NOW.toISOString(),
      external_id: EXTERNAL_ID,
      output: { title: "Production approved: production (hotfix #12)" },
    });
    const record = readRecord(check!.output.text);
    expect(record).toStrictEqual({
      schema: "evidence/v1",
      repository: REPO,
      sha: SHA,
      environment: "production",
      decision: "approved",
      reason:
        "Canary of f95f852 baked 30 minutes with no failure since: deployment 7 to canary succeeded at 2026-11-21T11:15:00Z.",
      source: "protection-rule",
      deploymentId: DEPLOYMENT,
      pullRequest: {
        number: 12,
        author: "dev-ana",
        mergedBy: "release-lead",
        mergedAt: "2026-11-21T10:00:00Z",
        approvingReviewers: ["bob", "dave"],
      },
      ticket: "SHOP-42",
      gate: { conclusion: "success", rules: PASSING_RULES },
      override: null,
      canary: {
        id: 7,
        environment: "canary",
        started: "2026-11-21T11:10:00Z",
        succeeded: "2026-11-21T11:15:00Z",
        bakedMinutes: 45,
      },
      timeline: {
        prOpened: "2026-11-21T08:00:00Z",
        merged: "2026-11-21T10:00:00Z",
        canary: "2026-11-21T11:15:00Z",
        productionDecision: "2026-11-21T12:00:00Z",
      },
    });
    expect(evidenceRecordSchema.safeParse(record).success).toBe(true);
    expect(check!.output.summary).toContain("| Approving reviewers | `bob`, `dave` |");
    expect(check!.output.summary).toContain("| Ticket | `SHOP-42` |");
  });

  it("a rejection writes one neutral evidence run naming what was missing", async () => {
    const scope = nock(API);
    mockDecisionReads(scope, { summary: PASSING_GATE_SUMMARY }, { canaryMinutes: 10 });
    scope.post(REVIEW, (body) => body.state === "rejected").reply(204);
    mockHotfixPull(scope, "dev-ana");
    mockEvidenceRuns(scope, REPO, SHA, []);
    const checks = captureCheckRuns(scope, REPO);

    await receive(loadProtectionRuleRequest("production"));

    expectAllMocksDone();
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({
      name: "single-patch-order/evidence",
      conclusion: "neutral",
      external_id: `evidence/v1:production:deployment-${DEPLOYMENT}:rejected`,
      output: { title: "Production rejected: production (hotfix #12)" },
    });
    expect(readRecord(checks[0]!.output.text)).toStrictEqual({
      schema: "evidence/v1",
      repository: REPO,
      sha: SHA,
      environment: "production",
      decision: "rejected",
      reason:
        "Canary of f95f852 is still baking: deployment 7 to canary succeeded at 2026-11-21T11:50:00Z and must bake 30 minutes, until 2026-11-21T12:20:00Z (20 minutes left).",
      source: "protection-rule",
      deploymentId: DEPLOYMENT,
      pullRequest: {
        number: 12,
        author: "dev-ana",
        mergedBy: "dev-ana",
        mergedAt: "2026-11-21T10:00:00Z",
        approvingReviewers: [],
      },
      ticket: "SHOP-42",
      gate: { conclusion: "success", rules: PASSING_RULES },
      override: null,
      canary: {
        id: 7,
        environment: "canary",
        started: "2026-11-21T11:45:00Z",
        succeeded: "2026-11-21T11:50:00Z",
        bakedMinutes: 10,
      },
      timeline: {
        prOpened: "2026-11-21T08:00:00Z",
        merged: "2026-11-21T10:00:00Z",
        canary: "2026-11-21T11:50:00Z",
        productionDecision: "2026-11-21T12:00:00Z",
      },
    });
  });

  it("a redelivered request finds its evidence run and writes no second record (nor reads the PR for one)", async () => {
    const scope = nock(API);
    mockDecisionReads(scope, { summary: PASSING_GATE_SUMMARY });
    scope.post(REVIEW).reply(204);
    mockEvidenceRuns(scope, REPO, SHA, [{ id: 900, externalId: EXTERNAL_ID }]);
    const checks = captureCheckRuns(scope, REPO);

    await receive(loadProtectionRuleRequest("production"));

    expect(checks).toEqual([]);
    expect(nock.pendingMocks()).toEqual([`POST ${API}:443/repos/${REPO}/check-runs`]);
  });

  it("the same delivery twice to one process: the second decision asks GitHub nothing about evidence", async () => {
    const probot = createTestProbot();
    const decide = (scope: nock.Scope) => {
      mockDecisionReads(scope, { summary: PASSING_GATE_SUMMARY });
      scope.post(REVIEW).reply(204);
    };
    const scope = nock(API);
    decide(scope);
    mockEvidenceRuns(scope, REPO, SHA, []);
    mockHotfixPull(scope);
    const checks = captureCheckRuns(scope, REPO);
    await receive(loadProtectionRuleRequest("production"), probot);
    expectAllMocksDone();

    decide(scope);
    await receive(loadProtectionRuleRequest("production"), probot);

    expectAllMocksDone();
    expect(checks.map((c) => c.external_id)).toEqual([EXTERNAL_ID]);
  });

  it("an override recorded in the App's signed gate record appears in the record", async () => {
    const override = {
      by: "release-lead",
      reason: "INC-4711 checkout is down ```",
      at: "2026-11-21T09:45:00Z",
      comment: 7,
    };
    const sealed = sealRecord(TEST_SEAL, { v: 1, repo: REPO, pr: 12, sha: HEAD, override });
    const scope = nock(API);
    mockDecisionReads(scope, { summary: FAILING_GATE_SUMMARY, text: `## Findings\n${sealed}` });
    scope.post(REVIEW, (body) => body.state === "approved").reply(204);
    mockHotfixPull(scope);
    mockEvidenceRuns(scope, REPO, SHA, []);
    const checks = captureCheckRuns(scope, REPO);

    await receive(loadProtectionRuleRequest("production"));

    expectAllMocksDone();
    const record = readRecord(checks[0]!.output.text) as Record<string, any>;
    expect(record.override).toStrictEqual({
      by: "release-lead",
      reason: "INC-4711 checkout is down ```",
      at: "2026-11-21T09:45:00Z",
    });
    expect(record.gate.rules.find((r: { rule: string }) => r.rule === "rollback-plan")).toEqual({
      rule: "rollback-plan",
      verdict: "fail",
    });
    // The reason's backticks cannot close the block: its fence is longer.
    expect(checks[0]!.output.text).toMatch(/\n````json\n[^`]*```[^`]*\n````$/);
  });

  it("an override in a record signed with another key is not believed", async () => {
    const override = { by: "mallory", reason: "trust me", at: "2026-11-21T09:45:00Z", comment: 7 };
    const { createRecordSeal } = await import("../../src/github/override-store.js");
    const forged = sealRecord(createRecordSeal(Buffer.alloc(32, 9)), { v: 1, repo: REPO, pr: 12, sha: HEAD, override });
    const scope = nock(API);
    mockDecisionReads(scope, { summary: FAILING_GATE_SUMMARY, text: `## Findings\n${forged}` });
    scope.post(REVIEW).reply(204);
    mockHotfixPull(scope);
    mockEvidenceRuns(scope, REPO, SHA, []);
    const checks = captureCheckRuns(scope, REPO);

    await receive(loadProtectionRuleRequest("production"));

    expect((readRecord(checks[0]!.output.text) as { override: unknown }).override).toBeNull();
  });

  it("a failed evidence write neither changes nor loses the decision: the review went out, the failure is counted", async () => {
    const failed: string[] = [];
    const scope = nock(API);
    mockDecisionReads(scope, { summary: PASSING_GATE_SUMMARY });
    scope.post(REVIEW, (body) => body.state === "approved").reply(204);
    mockEvidenceRuns(scope, REPO, SHA, []);
    scope.get(`/repos/${REPO}/pulls/12`).times(4).reply(500, { message: "oops" });
    scope.get(`/repos/${REPO}/pulls/12/reviews`).query(true).reply(200, []);
    const probot = createTestProbot({
      evidenceWatch: { evidenceRecorded: () => failed.push("recorded"), evidenceFailed: () => failed.push("failed") },
    });

    await receive(loadProtectionRuleRequest("production"), probot);

    expectAllMocksDone();
    expect(failed).toEqual(["failed"]);
  });

  it("a review GitHub refused records no evidence: GitHub recorded no decision", async () => {
    const scope = nock(API);
    mockDecisionReads(scope, { summary: PASSING_GATE_SUMMARY });
    scope.post(REVIEW).times(4).reply(500, { message: "oops" });

    await receive(loadProtectionRuleRequest("production"));

    expectAllMocksDone();
  });

  it("a canary decision writes no evidence", async () => {
    const scope = nock(API);
    mockSettings(scope);
    mockCanaryHolds(scope, REPO, SHA);
    scope.post(REVIEW, (body) => body.state === "approved").reply(204);

    await receive(loadProtectionRuleRequest("canary"));

    expectAllMocksDone();
  });
});

describe("evidence of the commit-status fallback", () => {
  it("deployment.created to production posts the status, then writes one evidence run for the deployment", async () => {
    const payload = loadWebhook("deployment.created");
    payload.deployment.sha = SHA;
    payload.deployment.environment = "production";
    const scope = nock(API);
    mockDecisionReads(scope, { summary: PASSING_GATE_SUMMARY });
    scope
      .post(`/repos/${REPO}/statuses/${SHA}`, (body) => body.context === "single-patch-order/deploy/production")
      .reply(201, {});
    mockHotfixPull(scope);
    mockEvidenceRuns(scope, REPO, SHA, []);
    const checks = captureCheckRuns(scope, REPO);

    await createTestProbot().receive({ id: "dep-1", name: "deployment", payload } as never);

    expectAllMocksDone();
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({
      name: "single-patch-order/evidence",
      conclusion: "success",
      external_id: `evidence/v1:production:deployment-${payload.deployment.id}:approved`,
    });
    expect(readRecord(checks[0]!.output.text)).toMatchObject({
      source: "commit-status",
      deploymentId: payload.deployment.id,
      decision: "approved",
      pullRequest: { number: 12, approvingReviewers: [] },
    });
  });
});
