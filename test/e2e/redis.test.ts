import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildOnce } from "./build-once.js";
import { startFakeGitHub, type FakeGitHub } from "../../support/fake-github.js";
import { isCheckRunPost, REPO } from "./harness.js";
import type { RecordedRequest } from "../../support/fake-github-request.js";
import { pullRequestEvent } from "../../support/payloads.js";
import { sendWebhook } from "../../support/send-webhook.js";
import { findFreePort, startApp, type RunningApp } from "../../support/start-app.js";

/** Runs only where a redis-server binary exists (Debian: `apt-get install redis-server`). */
const hasRedis = spawnSync("redis-server", ["--version"]).status === 0;

let cleanups: Array<() => Promise<unknown>> = [];
beforeAll(async () => {
  if (hasRedis) await buildOnce();
}, 180_000);
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

async function startRedis(): Promise<string> {
  const port = await findFreePort();
  const redis: ChildProcess = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: "ignore" },
  );
  const exited = new Promise((resolve) => redis.once("exit", resolve));
  cleanups.push(async () => {
    redis.kill("SIGTERM");
    await exited;
  });
  for (let attempt = 0; attempt < 100; attempt++) {
    if (spawnSync("redis-cli", ["-p", String(port), "ping"], { encoding: "utf8" }).stdout.trim() === "PONG")
      return `redis://127.0.0.1:${port}`;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("redis-server did not answer PING within 5 s");
}

async function startReplicas(github: FakeGitHub, redisUrl: string): Promise<RunningApp[]> {
  const replicas = await Promise.all([1, 2].map(() => startApp(github.host, { REDIS_URL: redisUrl })));
  for (const replica of replicas) cleanups.push(() => replica.stop());
  return replicas;
}

describe.skipIf(!hasRedis)("two replicas sharing REDIS_URL", () => {
  it("publishes one check for a delivery that reaches both replicas", async () => {
    const github = await startFakeGitHub();
    cleanups.push(() => github.close());
    github.repos.configs.set(REPO, "scope:\n  maxFiles: 10\n");
    const [a, b] = await startReplicas(github, await startRedis());
    const payload = pullRequestEvent();

    const replies = await Promise.all(
      [a!, b!, a!, b!].map((replica) =>
        sendWebhook(replica.url, { event: "pull_request", payload, id: "shared-delivery-1" }),
      ),
    );

    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(github.requests.filter(isCheckRunPost)).toHaveLength(1);
  });

  it("redelivers each delivery missed while both were down once, whichever replica catches up", async () => {
    const github = await startFakeGitHub();
    cleanups.push(() => github.close());
    github.repos.configs.set(REPO, "scope:\n  maxFiles: 10\n");
    const redisUrl = await startRedis();
    const port = await findFreePort();
    github.hook.url = `http://127.0.0.1:${port}`; // the load balancer in front of both, in effect
    const missed = await Promise.all(
      [2, 3, 4].map((number) => github.hook.deliver("pull_request", pullRequestEvent({ number }))),
    );
    const isRedelivery = (r: RecordedRequest) => r.method === "POST" && r.path.endsWith("/attempts");

    // The replica behind the "load balancer" port starts first: a balancer sends only to a replica that
    // listens, and started together the other one's pass could redeliver to a port nobody listens on yet.
    for (const env of [{ PORT: String(port) }, {}]) {
      const replica = await startApp(github.host, { REDIS_URL: redisUrl, CATCHUP_INTERVAL_S: "300", ...env });
      cleanups.push(() => replica.stop());
    }
    await github.waitFor(isCheckRunPost, { count: 3, timeoutMs: 30_000 });
    await new Promise((resolve) => setTimeout(resolve, 2_000)); // both replicas' first passes are over

    expect(
      github.requests
        .filter(isRedelivery)
        .map((r) => r.path)
        .sort(),
    ).toEqual(missed.map((a) => `/app/hook/deliveries/${a.id}/attempts`).sort());
    expect(
      github.requests
        .filter(isCheckRunPost)
        .map((r) => r.body.external_id)
        .sort(),
    ).toEqual(["2", "3", "4"]);
    const remembered = spawnSync(
      "redis-cli",
      ["-u", redisUrl, "--scan", "--pattern", "single-patch-order:redelivered:*"],
      {
        encoding: "utf8",
      },
    )
      .stdout.split("\n")
      .filter(Boolean);
    expect(remembered.sort()).toEqual(missed.map((a) => `single-patch-order:redelivered:${a.guid}`).sort());
    // Two server starts, three paced redeliveries (one a second) and the 2 s above: on a loaded 2-core CI
    // machine this once took 17 s, so it gets more than the default 20 s.
  }, 45_000);

  it("shares the open-heads index: a hotfix noted by one replica keeps the other from passing a sibling blind", async () => {
    const github = await startFakeGitHub();
    cleanups.push(() => github.close());
    github.repos.configs.set(REPO, "scope:\n  maxFiles: 10\n");
    const [a, b] = await startReplicas(github, await startRedis());
    const isOpenList = (r: RecordedRequest) => r.method === "GET" && r.path.startsWith(`/repos/${REPO}/pulls?`);
    const victimSha = "5".repeat(40);
    const send = async (replica: RunningApp, number: number, headSha: string, more: Record<string, string> = {}) => {
      const event = pullRequestEvent({ number, headSha, ...more });
      event.pull_request.updated_at = "2026-01-01T00:00:00Z";
      github.repos.pulls.set(`${REPO}#${number}`, { ...event.pull_request, state: "open" });
      if (more.ref?.startsWith("patch-"))
        Object.assign(event.pull_request.head.repo, { full_name: "mallory/Hello-World" });
      await sendWebhook(replica.url, { event: "pull_request", payload: event });
    };
    github.repos.files.set(`${REPO}#1`, [
      { filename: "src/checkout/discount.ts" },
      { filename: "src/checkout/discount.test.ts", status: "added" },
      { filename: "src/billing/invoice.ts" },
    ]);

    await send(a!, 3, "3".repeat(40)); // the repository's first passing verdict lists the open PRs: seeded, in Redis
    await send(b!, 1, victimSha, { ref: "hotfix/SHOP-42" }); // the failing hotfix, noted by the other replica
    await send(a!, 4, "4".repeat(40)); // alone on its head: no listing
    expect(github.requests.filter(isOpenList)).toHaveLength(1);
    await send(a!, 7, victimSha, { ref: "patch-1", title: "Tidy up" });

    expect(github.requests.filter(isOpenList)).toHaveLength(2);
    expect(github.requests.filter(isCheckRunPost).map((r) => [r.body.external_id, r.body.conclusion])).toEqual([
      ["3", "success"],
      ["1", "failure"],
      ["4", "success"],
      ["7;1", "failure"],
    ]);
  });

  it("judges distinct deliveries on both replicas with Probot's Redis-backed throttling", async () => {
    const github = await startFakeGitHub();
    cleanups.push(() => github.close());
    const redisUrl = await startRedis();
    const [a, b] = await startReplicas(github, redisUrl);

    await Promise.all([
      sendWebhook(a!.url, { event: "pull_request", payload: pullRequestEvent({ installationId: 1, number: 3 }) }),
      sendWebhook(b!.url, { event: "pull_request", payload: pullRequestEvent({ installationId: 2, number: 4 }) }),
    ]);

    expect(github.requests.filter(isCheckRunPost).map((r) => r.body.conclusion)).toEqual(["success", "success"]);
    const writeQueues = spawnSync("redis-cli", ["-u", redisUrl, "--scan", "--pattern", "b_octokit-write-*_settings"], {
      encoding: "utf8",
    })
      .stdout.split("\n")
      .filter(Boolean);
    expect(writeQueues.sort()).toEqual(["b_octokit-write-1_settings", "b_octokit-write-2_settings"]); // one shared queue per installation
  });
});
