import nock from "nock";
import { describe, expect, it } from "vitest";
import { loadProtectionRuleRequest } from "../fixtures/protection-rule.js";
import {
  hotfixPull,
  mockCanaryHolds,
  mockCheck,
  mockCommitPulls,
  mockDeployments,
  mockJudgedHotfix,
} from "../helpers/deploy-nock.js";
import { API, expectAllMocksDone, mockSettings } from "../helpers/github-nock.js";
import { createTestProbot, FIXED_NOW } from "../helpers/probot.js";

/**
 * Attack (issue 9, item 3): reach production on a forged canary. Anyone with write access can
 * create a `canary` deployment and a `success` status through the REST API (POST
 * /repos/{o}/{r}/deployments, …/statuses); after `bakeMinutes` production was approved for a
 * commit whose gate fails. The safe outcome: only deployments and statuses of
 * `deploy.trustedCreators` (and this App) count, and the canary decision must still hold when
 * production is asked.
 */

const REPO = "Codertocat/Hello-World";
const SHA = "f95f852bd8fca8fcc58a9a2d6c842781e32a215e";
const REVIEW = `/repos/${REPO}/actions/runs/1234567890/deployment_protection_rule`;
const twoHoursAgo = new Date(FIXED_NOW.getTime() - 120 * 60_000).toISOString();

function captureReview(scope: nock.Scope): Array<Record<string, string>> {
  const reviews: Array<Record<string, string>> = [];
  scope
    .post(REVIEW, (body) => {
      reviews.push(body);
      return true;
    })
    .reply(204);
  return reviews;
}

async function askProduction() {
  await createTestProbot().receive({
    id: "attack-canary",
    name: "deployment_protection_rule",
    payload: loadProtectionRuleRequest("production"),
  } as never);
}

describe("attack: reach production on a forged canary", () => {
  it("a canary deployment and success status that a writer created are ignored: production is refused", async () => {
    const scope = nock(API);
    mockSettings(scope);
    mockCanaryHolds(scope, REPO, SHA);
    mockDeployments(scope, REPO, SHA, [
      {
        id: 66,
        environment: "canary",
        creator: "mallory",
        statuses: [{ state: "success", created_at: twoHoursAgo, creator: "mallory" }],
      },
    ]);
    const reviews = captureReview(scope);

    await askProduction();

    expectAllMocksDone();
    expect(reviews).toEqual([
      {
        environment_name: "production",
        state: "rejected",
        comment:
          "❌ **Rejected** by Single Patch Order for `production`: f95f852 has no successful canary deployment from a trusted creator yet. Ignored because no trusted creator made them: deployment 66 (created by mallory). Trusted (deploy.trustedCreators): github-actions[bot] and this App. Production follows after 30 minutes of healthy canary.",
      },
    ]);
  });

  it("a forged success status on a real canary deployment is ignored too", async () => {
    const scope = nock(API);
    mockSettings(scope);
    mockCanaryHolds(scope, REPO, SHA);
    mockDeployments(scope, REPO, SHA, [
      {
        id: 7,
        environment: "canary",
        statuses: [
          { state: "in_progress", created_at: twoHoursAgo },
          { state: "success", created_at: twoHoursAgo, creator: "mallory" },
        ],
      },
    ]);
    const reviews = captureReview(scope);

    await askProduction();

    expectAllMocksDone();
    expect(reviews[0]).toMatchObject({ state: "rejected" });
    expect(reviews[0]!.comment).toContain(
      "f95f852 has no successful canary deployment from a trusted creator yet (deployment 7: in_progress). Ignored because no trusted creator made them: the success status of deployment 7 (created by mallory).",
    );
  });

  it("trusts only the deployers the config names: with trustedCreators [deployer[bot]], github-actions[bot] no longer counts", async () => {
    const scope = nock(API);
    mockSettings(scope, { config: "deploy:\n  trustedCreators: ['deployer[bot]']\n" });
    mockCanaryHolds(scope, REPO, SHA);
    mockDeployments(scope, REPO, SHA, [
      { id: 7, environment: "canary", statuses: [{ state: "success", created_at: twoHoursAgo }] },
    ]);
    const reviews = captureReview(scope);

    await askProduction();

    expectAllMocksDone();
    expect(reviews[0]).toMatchObject({ state: "rejected" });
    expect(reviews[0]!.comment).toContain("Trusted (deploy.trustedCreators): deployer[bot] and this App.");
  });

  it("a baked, trusted canary does not carry a hotfix that fails now: the canary decision must still hold", async () => {
    const scope = nock(API);
    mockSettings(scope);
    mockCommitPulls(scope, REPO, SHA, [hotfixPull(12, SHA)]);
    mockCheck(scope, REPO, SHA, "single-patch-order/release", null);
    mockJudgedHotfix(scope, REPO, 12, SHA, { failing: true });
    const reviews = captureReview(scope);

    await askProduction();

    expectAllMocksDone();
    expect(reviews).toEqual([
      {
        environment_name: "production",
        state: "rejected",
        comment:
          "❌ **Rejected** by Single Patch Order for `production`: Production needs the canary decision for f95f852 to still hold, and it does not. f95f852 may not go to canary: hotfix #12 (head commit): its single-patch-order verdict is failure (1 rule fails: The description has no Rollback plan section). Fix the change until its check passes (or override the gate with /spo override <reason>), then deploy again.",
      },
    ]);
  });

  it("still approves a canary that the trusted deployer ran and that baked, for a hotfix that still passes", async () => {
    const scope = nock(API);
    mockSettings(scope);
    mockCanaryHolds(scope, REPO, SHA);
    mockDeployments(scope, REPO, SHA, [
      { id: 7, environment: "canary", statuses: [{ state: "success", created_at: twoHoursAgo }] },
    ]);
    const reviews = captureReview(scope);

    await askProduction();

    expectAllMocksDone();
    expect(reviews[0]).toMatchObject({ environment_name: "production", state: "approved" });
  });
});
