import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RecordedRequest } from "../../support/fake-github-request.js";
import { pullRequestEvent } from "../../support/payloads.js";
import { sendWebhook } from "../../support/send-webhook.js";
import { loadProtectionRuleRequest } from "../fixtures/protection-rule.js";
import { buildOnce } from "./build-once.js";
import { isCheckRunPost, REPO, startHarness, type Harness } from "./harness.js";

/**
 * Issue 16 end to end: a production decision of the built server writes its evidence run on the
 * fake GitHub, and a second request for the same deployment (another delivery) finds that run
 * where GitHub keeps it and writes no second one.
 */

let harness: Harness | undefined;
beforeAll(buildOnce, 180_000);
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const SHA = "6".repeat(40);
const isEvidence = (r: RecordedRequest) => isCheckRunPost(r) && r.body?.name === "single-patch-order/evidence";
const isReview = (r: RecordedRequest) => r.method === "POST" && r.path.endsWith("/deployment_protection_rule");

describe("evidence of the built App", () => {
  it("writes one evidence run per deployment and decision, whatever GitHub delivers twice", async () => {
    harness = await startHarness();
    const { github, app } = harness;
    const pr = pullRequestEvent({ number: 12 }).pull_request;
    github.repos.pulls.set(`${REPO}#12`, {
      ...pr,
      state: "open",
      updated_at: "2026-01-01T00:00:00Z",
      created_at: "2026-01-01T00:00:00Z",
      head: { ...pr.head, ref: "hotfix/SHOP-42", sha: SHA },
    });
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, "Z");
    github.inject({
      match: (r) => r.method === "GET" && r.path.startsWith(`/repos/${REPO}/deployments?`),
      reply: {
        status: 200,
        body: [
          {
            id: 77,
            sha: SHA,
            environment: "canary",
            created_at: twoHoursAgo,
            creator: { login: "github-actions[bot]" },
          },
        ],
      },
    });
    github.inject({
      match: (r) => r.method === "GET" && r.path.startsWith(`/repos/${REPO}/deployments/77/statuses`),
      reply: {
        status: 200,
        body: [{ state: "success", created_at: twoHoursAgo, creator: { login: "github-actions[bot]" } }],
      },
    });
    github.inject({
      match: (r) => r.method === "GET" && r.path.startsWith(`/repos/${REPO}/pulls/12/reviews`),
      reply: {
        status: 200,
        body: [{ id: 1, state: "APPROVED", submitted_at: "2026-01-01T01:00:00Z", user: { login: "bob" } }],
      },
    });
    const payload = loadProtectionRuleRequest("production");
    payload.deployment.sha = SHA;

    await sendWebhook(app.url, { event: "deployment_protection_rule", payload });
    await sendWebhook(app.url, { event: "deployment_protection_rule", payload });

    expect(github.requests.filter(isReview).map((r) => r.body.state)).toEqual(["approved", "approved"]);
    const evidence = github.requests.filter(isEvidence);
    expect(evidence).toHaveLength(1);
    expect(evidence[0]!.body).toMatchObject({
      head_sha: SHA,
      conclusion: "success",
      external_id: `evidence/v1:production:deployment-${payload.deployment.id}:approved`,
    });
    const text: string = evidence[0]!.body.output.text;
    const record = JSON.parse(/```json\n([\s\S]*)\n```$/.exec(text)![1]!);
    expect(record).toMatchObject({
      schema: "evidence/v1",
      repository: REPO,
      sha: SHA,
      decision: "approved",
      source: "protection-rule",
      pullRequest: { number: 12, mergedBy: null, approvingReviewers: ["bob"] },
      ticket: "SHOP-42",
      override: null,
      canary: { id: 77, environment: "canary", succeeded: twoHoursAgo, bakedMinutes: 120 },
      timeline: { prOpened: "2026-01-01T00:00:00Z", merged: null, canary: twoHoursAgo },
    });
    expect(record.gate.conclusion).toBe("success");
    expect(record.gate.rules.length).toBeGreaterThan(5);
  }, 60_000);
});
