import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildOnce } from "./build-once.js";
import { isCheckRunPost, isFilesCall, startHarness, type Harness } from "./harness.js";
import { pullRequestEvent } from "../../support/payloads.js";
import { sendWebhook } from "../../support/send-webhook.js";
import { DEFAULT_FILES, toListedFiles } from "../../support/fake-github-routes.js";
import { startFakeGitHub } from "../../support/fake-github.js";
import { findFreePort, startApp } from "../../support/start-app.js";
import { REPO } from "./harness.js";

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

describe("a delivery that arrives during a shutdown", () => {
  it("finds the port closed (a load balancer tries another replica), and the next App to start judges it", async () => {
    const github = await startFakeGitHub();
    github.repos.configs.set(REPO, "scope:\n  maxFiles: 10\n");
    const port = await findFreePort();
    github.hook.url = `http://127.0.0.1:${port}`;
    const env = { PORT: String(port), CATCHUP_INTERVAL_S: "300" };
    const stopping = await startApp(github.host, env);
    try {
      github.inject({
        match: isFilesCall,
        times: 1,
        reply: { status: 200, body: toListedFiles(DEFAULT_FILES), delayMs: 2_000 },
      });
      const inFlight = github.hook.deliver("pull_request", pullRequestEvent({ number: 2 }));
      await github.waitFor(isFilesCall);

      stopping.process.kill("SIGTERM");
      await new Promise((resolve) => setTimeout(resolve, 300));
      const refused = await sendWebhook(stopping.url, {
        event: "pull_request",
        payload: pullRequestEvent({ number: 3 }),
      }).catch((error: NodeJS.ErrnoException) => error.code);
      const missed = await github.hook.deliver("pull_request", pullRequestEvent({ number: 3 }));

      expect(refused).toBe("ECONNREFUSED");
      expect([missed.status_code, missed.status]).toEqual([0, "failed to connect to host"]);
      expect(await stopping.exited).toBe(0);
      expect((await inFlight).status_code).toBe(200);

      const restarted = await startApp(github.host, env);
      try {
        await github.waitFor(isCheckRunPost, { count: 2 });
        expect(github.requests.filter(isCheckRunPost).map((r) => [r.body.external_id, r.body.conclusion])).toEqual([
          ["2", "success"],
          ["3", "success"],
        ]);
      } finally {
        await restarted.stop();
      }
    } finally {
      await stopping.stop();
      await github.close();
    }
  });
});
