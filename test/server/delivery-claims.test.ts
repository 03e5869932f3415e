import { describe, expect, it } from "vitest";
import { createMemoryClaims } from "../../src/server/delivery-claims.js";
import { createRedisClaims, type RedisLike } from "../../src/server/redis-delivery-claims.js";

/** SET … EX … NX and DEL, as Redis answers them. */
function fakeRedis(): RedisLike & { keys: Map<string, number> } {
  const keys = new Map<string, number>();
  return {
    keys,
    async set(key, _value, _ex, seconds) {
      if (keys.has(key)) return null;
      keys.set(key, seconds);
      return "OK";
    },
    async del(key) {
      return keys.delete(key) ? 1 : 0;
    },
  };
}

describe("delivery claims", () => {
  it.each([
    ["in memory", () => createMemoryClaims()],
    ["in Redis", () => createRedisClaims(fakeRedis())],
  ])("%s: the first claim wins, a released id can be claimed again", async (_name, create) => {
    const claims = create();
    expect(await claims.claim("a")).toBe(true);
    expect(await claims.claim("a")).toBe(false);
    expect(await claims.claim("b")).toBe(true);
    await claims.release("a");
    expect(await claims.claim("a")).toBe(true);
  });

  it("in memory: forgets an id after the TTL, and the oldest ids past the bound", async () => {
    let now = 0;
    const claims = createMemoryClaims({ max: 2, ttlMs: 1000, now: () => now });
    await claims.claim("a");
    now = 1001;
    expect(await claims.claim("a")).toBe(true);
    await claims.claim("b");
    await claims.claim("c");
    expect(await claims.claim("a")).toBe(true);
    expect(await claims.claim("c")).toBe(false);
  });

  it("in Redis: sets a namespaced key with an expiry", async () => {
    const redis = fakeRedis();
    await createRedisClaims(redis, 60).claim("abc");
    expect([...redis.keys]).toEqual([["single-patch-order:delivery:abc", 60]]);
  });
});
