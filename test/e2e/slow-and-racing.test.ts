import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildOnce } from "./build-once.js";
import { DEFAULT_FILES, toListedFiles } from "../../support/fake-github-routes.js";
import { isCheckRunPost, isConfigCall, isFilesCall, startHarness, type Harness } from "./harness.js";
import { pullRequestEvent } from "../../support/payloads.js";
import { sendWebhook } from "../../support/send-webhook.js";

let harness: Harness | undefined;
beforeAll(buildOnce, 180_000);
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe("timing", () => {
  it("judges a new head (synchronize) while the old head is still being judged; each check lands on its own SHA", async () => {
    harness = await startHarness();
    const { github, app } = harness;
    const oldHead = pullRequestEvent({ action: "opened", headSha: "a".repeat(40) });
    const newHead = pullRequestEvent({ action: "synchronize", headSha: "b".repeat(40) });
    github.inject({
      match: isFilesCall,
      times: 1,
      reply: { status: 200, body: toListedFiles(DEFAULT_FILES), delayMs: 1_500 },
    });

    const oldReply = sendWebhook(app.url, { event: "pull_request", payload: oldHead });
    await github.waitFor(isFilesCall);
    const newReply = await sendWebhook(app.url, { event: "pull_request", payload: newHead });
    const checksWhenNewAnswered = github.requests.filter(isCheckRunPost).map((r) => r.body.head_sha);
    expect((await oldReply).status).toBe(200);

    expect(newReply.status).toBe(200);
    expect(checksWhenNewAnswered).toEqual(["b".repeat(40)]);
    const checks = github.requests
      .filter(isCheckRunPost)
      .map((r) => [r.body.head_sha, r.body.status, r.body.conclusion]);
    expect(checks).toEqual([
      ["b".repeat(40), "completed", "success"],
      ["a".repeat(40), "completed", "success"],
    ]);
  });

  it("answers the webhook (202) before GitHub's 10 s while a slow GitHub keeps the judgement going, then completes the check", async () => {
    harness = await startHarness();
    const { github, app } = harness;
    github.inject({
      match: (r) => isConfigCall(r) || isFilesCall(r),
      reply: (r) => ({ ...slowRead(r.path), delayMs: 6_000 }),
    });

    const reply = await sendWebhook(app.url, { event: "pull_request", payload: pullRequestEvent() });
    const checksWhenAnswered = github.requests.filter(isCheckRunPost).length;

    expect(reply).toEqual({ status: 202, body: "still processing\n" });
    expect(checksWhenAnswered).toBe(0);
    const [check] = await github.waitFor(isCheckRunPost, { timeoutMs: 20_000 });
    expect(check!.body).toMatchObject({ status: "completed", conclusion: "success" });
  }, 40_000);
});

/**
 * The config and the files, as the routes answer them (6 s later: 12 s before the check can be
 * written). The free re-read of the PR and the open-PR list answer at once.
 */
function slowRead(path: string) {
  return path.includes("/contents/")
    ? { status: 200, body: "scope:\n  maxFiles: 10\n" }
    : { status: 200, body: toListedFiles(DEFAULT_FILES) };
}
