import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedisCatchUpLock } from "../../src/server/redis-catch-up-lock.js";
import { hasRedis, startTestRedis } from "../helpers/redis-server.js";

describe.skipIf(!hasRedis)("the catch-up lock in Redis", () => {
  let redis: Redis;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    ({ redis, stop } = await startTestRedis());
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
