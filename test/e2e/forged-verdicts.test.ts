import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { GOOD_BODY } from "../../support/build-change.js";
import type { RecordedRequest } from "../../support/fake-github-request.js";
import { pullRequestEvent } from "../../support/payloads.js";
import { sendWebhook } from "../../support/send-webhook.js";
import { loadWebhook } from "../../support/webhooks.js";
import { loadProtectionRuleRequest } from "../fixtures/protection-rule.js";
import { buildOnce } from "./build-once.js";
import { isCheckRunPost, REPO, startHarness, type Harness } from "./harness.js";

/**
 * Issue 9 part B, end to end: each attack of test/security/, against the built server and the fake
 * GitHub, asserting what the App sent.
 */

let harness: Harness | undefined;
beforeAll(buildOnce, 180_000);
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const SHA = "5".repeat(40);
const NO_ROLLBACK = GOOD_BODY.replace(/## Rollback plan\n[\s\S]*$/, "");
const TWO_SCOPES = [
  { filename: "src/checkout/discount.ts" },
  { filename: "src/checkout/discount.test.ts", status: "added" },
  { filename: "src/billing/invoice.ts" },
];
const isReview = (r: RecordedRequest) => r.method === "POST" && r.path.endsWith("/deployment_protection_rule");

/** A PR as GitHub holds it now, from the same real delivery the App receives. */
function storedPull(number: number, overrides: Record<string, unknown> = {}) {
  const pr = pullRequestEvent({ number }).pull_request;
  return { ...pr, state: "open", updated_at: "2026-01-01T00:00:00Z", ...overrides };
}

function protectionRule(environment: string, sha: string) {
  const payload = loadProtectionRuleRequest(environment);
  payload.deployment.sha = sha;
  return payload;
}

describe("issue 9 part B attacks against the built App", () => {
  it("a fork PR on a failing hotfix's head gets the hotfix's failure, and canary judges the hotfix itself", async () => {
    harness = await startHarness();
    const { github, app } = harness;
    const hotfix = storedPull(1, {
      head: { ...storedPull(1).head, ref: "hotfix/SHOP-42", sha: SHA },
      changed_files: 3,
    });
    github.repos.pulls.set(`${REPO}#1`, hotfix);
    github.repos.files.set(`${REPO}#1`, TWO_SCOPES);
    const attack = pullRequestEvent({ number: 7, headSha: SHA, ref: "patch-1", title: "Tidy up" });
    attack.pull_request.head.repo = { ...attack.pull_request.head.repo, full_name: "mallory/Hello-World" };
    github.repos.pulls.set(`${REPO}#7`, { ...attack.pull_request, state: "open" });

    await sendWebhook(app.url, { event: "pull_request", payload: attack });

    const [check] = github.requests.filter(isCheckRunPost);
    expect(check!.body).toMatchObject({ head_sha: SHA, conclusion: "failure", external_id: "7;1" });
    expect(check!.body.output.title).toMatch(/^#1 on this commit: 1 rule fails: /);

    await sendWebhook(app.url, { event: "deployment_protection_rule", payload: protectionRule("canary", SHA) });

    const [review] = github.requests.filter(isReview);
    expect(review!.body).toMatchObject({ environment_name: "canary", state: "rejected" });
    expect(review!.body.comment).toContain(
      "may not go to canary: hotfix #1 (head commit): its single-patch-order verdict is failure (1 rule fails:",
    );
  }, 60_000);

  it("with OPEN_HEADS_INDEX=memory, an unrelated PR lists no open PRs, and a fork PR on a failing hotfix's head still gets its failure", async () => {
    harness = await startHarness({ OPEN_HEADS_INDEX: "memory" });
    const { github, app } = harness;
    const isOpenList = (r: RecordedRequest) => r.method === "GET" && r.path.startsWith(`/repos/${REPO}/pulls?`);
    const send = async (number: number, headSha: string, pull: Record<string, unknown> = {}) => {
      const event = pullRequestEvent({ number, headSha, ...pull });
      Object.assign(event.pull_request, { updated_at: storedPull(number).updated_at });
      github.repos.pulls.set(`${REPO}#${number}`, { ...event.pull_request, state: "open" });
      await sendWebhook(app.url, { event: "pull_request", payload: event });
      return event;
    };

    await send(3, "3".repeat(40));
    expect(github.requests.filter(isOpenList)).toHaveLength(1); // the repository's first passing verdict seeds the index
    github.repos.files.set(`${REPO}#1`, TWO_SCOPES);
    await send(1, SHA, { ref: "hotfix/SHOP-42" });
    await send(4, "4".repeat(40));
    expect(github.requests.filter(isOpenList)).toHaveLength(1);

    const attack = pullRequestEvent({ number: 7, headSha: SHA, ref: "patch-1", title: "Tidy up" });
    attack.pull_request.head.repo = { ...attack.pull_request.head.repo, full_name: "mallory/Hello-World" };
    github.repos.pulls.set(`${REPO}#7`, { ...attack.pull_request, state: "open" });
    await sendWebhook(app.url, { event: "pull_request", payload: attack });

    expect(github.requests.filter(isOpenList)).toHaveLength(2);
    const checks = github.requests.filter(isCheckRunPost).map((r) => [r.body.external_id, r.body.conclusion]);
    expect(checks).toEqual([
      ["3", "success"],
      ["1", "failure"],
      ["4", "success"],
      ["7;1", "failure"],
    ]);
    const metrics = await (await fetch(`${app.url}/metrics`)).text();
    expect(metrics.split("\n").filter((line) => line.startsWith("spo_open_heads_answers_total"))).toEqual([
      'spo_open_heads_answers_total{answer="unknown"} 1',
      'spo_open_heads_answers_total{answer="alone"} 1',
      'spo_open_heads_answers_total{answer="shared"} 1',
    ]);
  }, 60_000);

  it("a canary deployment and success status created by a plain user do not open production", async () => {
    harness = await startHarness();
    const { github, app } = harness;
    github.repos.pulls.set(
      `${REPO}#12`,
      storedPull(12, { head: { ...storedPull(12).head, ref: "hotfix/SHOP-42", sha: SHA } }),
    );
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000).toISOString();
    github.inject({
      match: (r) => r.method === "GET" && r.path.startsWith(`/repos/${REPO}/deployments?`),
      reply: { status: 200, body: [{ id: 66, sha: SHA, environment: "canary", creator: { login: "mallory" } }] },
    });
    github.inject({
      match: (r) => r.method === "GET" && r.path.startsWith(`/repos/${REPO}/deployments/66/statuses`),
      reply: { status: 200, body: [{ state: "success", created_at: twoHoursAgo, creator: { login: "mallory" } }] },
    });

    await sendWebhook(app.url, { event: "deployment_protection_rule", payload: protectionRule("production", SHA) });

    const [review] = github.requests.filter(isReview);
    expect(review!.body).toEqual({
      environment_name: "production",
      state: "rejected",
      comment:
        "❌ **Rejected** by Single Patch Order for `production`: 5555555 has no successful canary deployment from a trusted creator yet. Ignored because no trusted creator made them: deployment 66 (created by mallory). Trusted (deploy.trustedCreators): github-actions[bot] and this App. Production follows after 30 minutes of healthy canary.",
    });
  }, 60_000);

  it("a direct commit that names the hotfix fails the hotfix release, named in the report", async () => {
    harness = await startHarness();
    const { github, app } = harness;
    const [release, previous, merge, direct] = ["1", "2", "a", "b"].map((c) => c.repeat(40));
    github.repos.pulls.set(
      `${REPO}#12`,
      storedPull(12, { state: "closed", merged_at: "2026-01-01T00:00:00Z", merge_commit_sha: merge }),
    );
    const answer = (prefix: string, body: unknown) =>
      github.inject({ match: (r) => r.method === "GET" && r.path.startsWith(prefix), reply: { status: 200, body } });
    answer(`/repos/${REPO}/commits/v1.4.3?`, { sha: release });
    answer(`/repos/${REPO}/tags?`, [
      { name: "v1.4.3", commit: { sha: release } },
      { name: "v1.4.2", commit: { sha: previous } },
    ]);
    answer(`/repos/${REPO}/compare/${previous}...${release}`, {
      total_commits: 2,
      commits: [
        { sha: merge, commit: { message: "SHOP-42: fix discount total (#12)" } },
        { sha: direct, commit: { message: "Raise prices by 10% (#12)" } },
      ],
    });
    answer(`/repos/${REPO}/pulls/12/commits?`, [{ sha: "c".repeat(40) }]);
    const payload = loadWebhook("release.published");
    payload.release.tag_name = "v1.4.3";
    payload.release.target_commitish = "main";
    payload.installation = { id: 1 };

    await sendWebhook(app.url, { event: "release", payload });

    const [check] = github.requests.filter(isCheckRunPost);
    expect(check!.body).toMatchObject({ name: "single-patch-order/release", head_sha: release, conclusion: "failure" });
    expect(check!.body.output.summary).toContain("| ❌ | `direct-commits` | fail |");
    expect(check!.body.output.summary).toContain(
      "| `bbbbbbb` | `Raise prices by 10% (#12)` | names #12, but is neither its merge commit nor one of its commits |",
    );
  }, 60_000);

  it("a replayed older `edited` delivery is judged as the PR is now", async () => {
    harness = await startHarness();
    const { github, app } = harness;
    const stale = pullRequestEvent({ action: "edited", headSha: SHA });
    stale.pull_request.updated_at = "2026-01-01T10:00:00Z";
    github.repos.pulls.set(`${REPO}#2`, {
      ...stale.pull_request,
      state: "open",
      body: NO_ROLLBACK,
      updated_at: "2026-01-01T10:05:00Z",
    });

    await sendWebhook(app.url, { event: "pull_request", payload: stale });

    const reread = github.requests.find((r) => r.method === "GET" && r.path === `/repos/${REPO}/pulls/2`);
    expect(reread!.headers["if-modified-since"]).toBe("Thu, 01 Jan 2026 10:00:00 GMT");
    const [check] = github.requests.filter(isCheckRunPost);
    expect(check!.body).toMatchObject({
      head_sha: SHA,
      conclusion: "failure",
      output: { title: "1 rule fails: The description has no Rollback plan section." },
    });
  }, 60_000);
});
