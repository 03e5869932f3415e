import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildOnce } from "./build-once.js";
import { isCheckRunPost, isFilesCall, startHarness, type Harness } from "./harness.js";
import { pullRequestEvent } from "../../support/payloads.js";
import { sendWebhook } from "../../support/send-webhook.js";
import { DEFAULT_FILES, toListedFiles } from "../../support/fake-github-routes.js";

let harness: Harness | undefined;
beforeAll(buildOnce, 180_000);
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe("SIGTERM during an evaluation", () => {
  it("lets the in-flight judgement finish and publish its check, then exits 0", async () => {
    harness = await startHarness();
    const { github, app } = harness;
    github.inject({
      match: isFilesCall,
      times: 1,
      reply: { status: 200, body: toListedFiles(DEFAULT_FILES), delayMs: 1_500 },
    });
    const reply = sendWebhook(app.url, { event: "pull_request", payload: pullRequestEvent() });
    await github.waitFor(isFilesCall);

    app.process.kill("SIGTERM");

    expect(await app.exited).toBe(0);
    expect((await reply).status).toBe(200);
    expect(github.requests.filter(isCheckRunPost).map((r) => [r.body.status, r.body.conclusion])).toEqual([
      ["completed", "success"],
    ]);
    expect(app.output()).toContain("every delivery finished");
  });

  it("completes the check as failure with a retry message when the judgement outlives the grace period, then exits 1", async () => {
    harness = await startHarness({ SHUTDOWN_GRACE_MS: "300" });
    const { github, app } = harness;
    github.inject({
      match: isFilesCall,
      times: 1,
      reply: { status: 200, body: toListedFiles(DEFAULT_FILES), delayMs: 60_000 },
    });
    const payload = pullRequestEvent();
    const reply = sendWebhook(app.url, { event: "pull_request", payload }).catch((error: Error) => error);
    await github.waitFor(isFilesCall);

    app.process.kill("SIGTERM");

    expect(await app.exited).toBe(1);
    const checks = github.requests.filter(isCheckRunPost).map((r) => r.body);
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({
      head_sha: payload.pull_request.head.sha,
      status: "completed",
      conclusion: "failure",
      external_id: "2",
    });
    expect(checks[0].output.title).toMatch(/^Could not evaluate: The App was stopped/);
    expect(checks[0].output.summary).toContain("Re-run");
    expect(await reply).toBeInstanceOf(Error);
  });
});
