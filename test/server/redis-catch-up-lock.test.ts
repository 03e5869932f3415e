import { spawn, spawnSync } from "node:child_process";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedisCatchUpLock } from "../../src/server/redis-catch-up-lock.js";
import { findFreePort } from "../../support/start-app.js";

/** Runs only where a redis-server binary exists (`.ci/run` installs it). */
const hasRedis = spawnSync("redis-server", ["--version"]).status === 0;

describe.skipIf(!hasRedis)("the catch-up lock in Redis", () => {
  let redis: Redis;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    const port = await findFreePort();
    const server = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", ""], {
      stdio: "ignore",
    });
    const exited = new Promise((resolve) => server.once("exit", resolve));
    stop = async () => {
      redis.disconnect();
      server.kill("SIGTERM");
      await exited;
    };
    redis = new Redis(port, "127.0.0.1", {
      maxRetriesPerRequest: 1,
      retryStrategy: (times) => (times > 50 ? null : 50),
    });
    redis.on("error", () => undefined); // refused until redis-server listens; retried
    await redis.ping();
  });
  afterAll(() => stop());

  it("is held by one replica at a time, and free again once released", async () => {
    const [a, b] = [createRedisCatchUpLock(redis, 10_000), createRedisCatchUpLock(redis, 10_000)];
    const release = await a.acquire();
    expect(release).toBeTypeOf("function");
    expect(await b.acquire()).toBeUndefined();
    await release!();
    const again = await b.acquire();
    expect(again).toBeTypeOf("function");
    await again!();
  });

  it("frees itself when its holder dies, and a late release leaves the next holder's lock alone", async () => {
    const [dead, next] = [createRedisCatchUpLock(redis, 100), createRedisCatchUpLock(redis, 10_000)];
    const lateRelease = await dead.acquire();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const release = await next.acquire();
    expect(release).toBeTypeOf("function");

    await lateRelease!();

    expect(await createRedisCatchUpLock(redis, 10_000).acquire()).toBeUndefined();
    expect(await redis.pttl("single-patch-order:catch-up:lock")).toBeGreaterThan(9_000);
    await release!();
  });
});
