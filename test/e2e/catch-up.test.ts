import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildOnce } from "./build-once.js";
import { isCheckRunPost, isTokenCall, readLogLines, REPO } from "./harness.js";
import type { RecordedRequest } from "../../support/fake-github-request.js";
import { startFakeGitHub, type FakeGitHub } from "../../support/fake-github.js";
import { pullRequestEvent } from "../../support/payloads.js";
import { findFreePort, startApp, type RunningApp } from "../../support/start-app.js";

let cleanups: Array<() => Promise<unknown>> = [];
beforeAll(buildOnce, 180_000);
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

const isDeliveriesList = (r: RecordedRequest) => r.method === "GET" && r.path.startsWith("/app/hook/deliveries");
const isRedelivery = (r: RecordedRequest) =>
  r.method === "POST" && /^\/app\/hook\/deliveries\/\d+\/attempts$/.test(r.path);
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

/** A fake GitHub whose App webhook points at a port where the App is not running yet: it is down. */
async function appIsDown(): Promise<{ github: FakeGitHub; port: number }> {
  const github = await startFakeGitHub();
  cleanups.push(() => github.close());
  github.repos.configs.set(REPO, "scope:\n  maxFiles: 10\n");
  const port = await findFreePort();
  github.hook.url = `http://127.0.0.1:${port}`;
  return { github, port };
}

async function start(github: FakeGitHub, port: number, env: Record<string, string> = {}): Promise<RunningApp> {
  const app = await startApp(github.host, { PORT: String(port), CATCHUP_INTERVAL_S: "300", ...env });
  cleanups.push(() => app.stop());
  return app;
}

/** `/metrics` once it shows `expected` (the App counts a redelivery after GitHub's answer reaches it). */
async function metricsShowing(app: RunningApp, expected: string): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const text = await (await fetch(`${app.url}/metrics`)).text();
    if (text.includes(expected) || attempt === 50) return text;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("catch-up on deliveries missed while the App was down", () => {
  it("redelivers, once it listens, each delivery that failed, and judges it; one that later succeeded is left alone", async () => {
    const { github, port } = await appIsDown();
    const missed = [
      await github.hook.deliver("pull_request", pullRequestEvent({ number: 2 })),
      await github.hook.deliver("pull_request", pullRequestEvent({ number: 3, action: "synchronize" })),
    ];
    const repaired = github.hook.record({ guid: "repaired-1", delivered_at: minutesAgo(30), status_code: 0 });
    github.hook.record({ guid: "repaired-1", delivered_at: minutesAgo(20), redelivery: true, status_code: 200 });
    expect(missed.map((a) => [a.status_code, a.status])).toEqual([
      [0, "failed to connect to host"],
      [0, "failed to connect to host"],
    ]);

    const startedAt = performance.now();
    const app = await start(github, port);
    await github.waitFor(isCheckRunPost, { count: 2 });
    const recoveryMs = performance.now() - startedAt;
    await Promise.all(github.hook.redeliveries);

    expect(github.requests.filter(isRedelivery).map((r) => r.path)).toEqual(
      missed.map((a) => `/app/hook/deliveries/${a.id}/attempts`),
    );
    expect(github.requests.filter(isRedelivery).map((r) => r.path)).not.toContain(
      `/app/hook/deliveries/${repaired.id}/attempts`,
    );
    const list = github.requests.find(isDeliveriesList)!;
    expect(list.path).toBe("/app/hook/deliveries?per_page=100");
    expect(String(list.headers.authorization)).toMatch(/^bearer [\w-]+\.[\w-]+\.[\w-]+$/); // the App's JWT
    expect(github.requests.filter(isCheckRunPost).map((r) => [r.body.external_id, r.body.conclusion])).toEqual([
      ["2", "success"],
      ["3", "success"],
    ]);
    expect(
      github.hook.attempts.filter((a) => a.redelivery && a.guid !== "repaired-1").map((a) => [a.guid, a.status_code]),
    ).toEqual(missed.map((a) => [a.guid, 200]).reverse());
    const logged = readLogLines(app.output()).filter((line) => line.msg?.startsWith("catch-up: GitHub redelivers"));
    expect(logged.map((line) => [line.id, line.attempt, line.event, line.action])).toEqual(
      missed.map((a) => [a.guid, a.id, "pull_request", a.action]),
    );
    const text = await metricsShowing(app, 'spo_catchup_passes_total{outcome="done"} 1');
    expect(text).toContain('spo_catchup_redeliveries_total{outcome="accepted"} 2');
    expect(text).toContain('spo_catchup_passes_total{outcome="done"} 1');
    expect(text).toContain("spo_catchup_unrepaired_deliveries 2");
    expect(recoveryMs).toBeLessThan(10_000);
    console.info(`catch-up: server start to the last repaired check: ${Math.round(recoveryMs)} ms`);
  });

  it("reads every cursor page until the window ends, redelivers only within it, and counts what GitHub refuses", async () => {
    const { github, port } = await appIsDown();
    for (let i = 0; i < 120; i++)
      github.hook.record({ guid: `old-${i}`, delivered_at: minutesAgo(180 - i), status_code: 0 });
    const inWindow = github.hook.record({
      guid: "in-window",
      delivered_at: minutesAgo(50),
      status_code: 503,
      status: "Invalid HTTP Response: 503",
      payload: pullRequestEvent({ number: 7 }),
    });
    const refused = github.hook.record({ guid: "refused", delivered_at: minutesAgo(45), status_code: 0 });
    for (let i = 0; i < 150; i++) github.hook.record({ guid: `ok-${i}`, delivered_at: minutesAgo(40 - i / 10) });
    github.inject({
      match: (r) => r.path === `/app/hook/deliveries/${refused.id}/attempts`,
      reply: { status: 422, body: { message: "Validation Failed" } },
    });

    const secondPage = github.hook.attempts[100]!.id;
    const app = await start(github, port, { CATCHUP_WINDOW_H: "1" });
    await github.waitFor(isCheckRunPost);
    await github.waitFor(isRedelivery, { count: 2 }); // GitHub paces the App's writes: one a second
    await Promise.all(github.hook.redeliveries);

    // 272 attempts, newest first: page 1 holds 100 successes; page 2 the other 50, the two failures
    // of the window and the first of the old ones, so page 3 is never asked for.
    expect(github.requests.filter(isDeliveriesList).map((r) => r.path)).toEqual([
      "/app/hook/deliveries?per_page=100",
      `/app/hook/deliveries?per_page=100&cursor=v1_${secondPage}`,
    ]);
    expect(github.requests.filter(isRedelivery).map((r) => r.path)).toEqual([
      `/app/hook/deliveries/${inWindow.id}/attempts`,
      `/app/hook/deliveries/${refused.id}/attempts`,
    ]);
    expect(github.requests.filter(isCheckRunPost).map((r) => r.body.external_id)).toEqual(["7"]);
    const text = await metricsShowing(app, 'spo_catchup_passes_total{outcome="done"} 1');
    expect(text).toContain('spo_catchup_redeliveries_total{outcome="accepted"} 1');
    expect(text).toContain('spo_catchup_redeliveries_total{outcome="refused"} 1');
    expect(readLogLines(app.output()).find((line) => line.id === "refused")?.msg).toBe(
      "catch-up: GitHub refused to redeliver pull_request (422: Validation Failed); it is not asked again",
    );
  });

  it("makes no deliveries call at all with CATCHUP_INTERVAL_S=0", async () => {
    const { github, port } = await appIsDown();
    await github.hook.deliver("pull_request", pullRequestEvent());

    const app = await start(github, port, { CATCHUP_INTERVAL_S: "0" });
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    expect(github.requests).toEqual([]);
    expect(app.output()).toContain("catch-up is off (CATCHUP_INTERVAL_S=0)");
  });

  it("redelivers at the next pass a delivery answered 503 while GitHub handed out no token", async () => {
    const { github, port } = await appIsDown();
    const app = await start(github, port, { CATCHUP_INTERVAL_S: "3" });
    await github.waitFor(isDeliveriesList); // the first pass found nothing to do
    const outage = github.inject({ match: isTokenCall, reply: { status: 502, body: { message: "Bad Gateway" } } });

    const failed = await github.hook.deliver("pull_request", pullRequestEvent({ number: 4 }));
    outage.times = 0;
    await github.waitFor(isCheckRunPost, { timeoutMs: 10_000 });

    expect(failed.status_code).toBe(503);
    expect(github.requests.filter(isRedelivery).map((r) => r.path)).toEqual([
      `/app/hook/deliveries/${failed.id}/attempts`,
    ]);
    expect(github.requests.filter(isCheckRunPost).map((r) => [r.body.external_id, r.body.conclusion])).toEqual([
      ["4", "success"],
    ]);
    expect(
      readLogLines(app.output())
        .filter((line) => line.id === failed.guid)
        .map((line) => line.msg),
    ).toEqual(
      expect.arrayContaining([
        "delivery answered 503: no installation token could be had; catch-up or GitHub's Redeliver will judge it",
        "catch-up: GitHub redelivers pull_request.opened, which no attempt answered 2xx",
      ]),
    );
  });
});
