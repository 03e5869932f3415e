import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PullHead } from "../../src/app/open-heads.js";
import {
  createRedisOpenHeads,
  type RedisOpenHeadsClient,
  type RedisOpenHeadsOptions,
} from "../../src/server/redis-open-heads.js";
import { findFreePort } from "../../support/start-app.js";
import { hasRedis, startTestRedis } from "../helpers/redis-server.js";
import { createTestClock, describeOpenHeadsContract } from "../helpers/open-heads-contract.js";

const X = "a".repeat(40);
const REPO = 1296269;
const head = (number: number, sha = X, updatedAt = 1_000, open = true): PullHead => ({ number, sha, updatedAt, open });

let prefixes = 0;
/** A prefix no other test uses: each test's indexes see only each other. */
const freshPrefix = () => `test:heads:${process.pid}:${++prefixes}:`;

describe.skipIf(!hasRedis)("the open-heads index in Redis", () => {
  let redis: Redis;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    ({ redis, stop } = await startTestRedis());
  });
  afterAll(() => stop());

  describeOpenHeadsContract("in Redis", async (clock, limits) =>
    createRedisOpenHeads(redis, { now: clock.now, ...limits, prefix: freshPrefix() }),
  );

  /** A client that fails every command while `down`, and counts the commands it was given. */
  const flaky = () => {
    const client = {
      down: false,
      calls: 0,
      eval: (script: string, keys: number, ...args: string[]) => {
        client.calls++;
        return client.down ? Promise.reject(new Error("Connection is closed.")) : redis.eval(script, keys, ...args);
      },
    };
    return client;
  };
  const replicas = (options: RedisOpenHeadsOptions, client: RedisOpenHeadsClient = redis) =>
    createRedisOpenHeads(client, { prefix: freshPrefix(), ...options });

  it("is shared by the replicas on one Redis: what one notes or seeds, the other sees", async () => {
    const clock = createTestClock();
    const options = { now: clock.now, prefix: freshPrefix() };
    const [a, b] = [await replicas(options), await replicas(options)];
    await a.seed(REPO, [head(1)], clock.now());
    expect(await b.othersOn(REPO, X, 0)).toEqual([1]);
    await b.note(REPO, head(2));
    expect(await a.othersOn(REPO, X, 0)).toEqual([1, 2]);
    await a.note(REPO, head(1, X, 2_000, false));
    expect(await b.othersOn(REPO, X, 0)).toEqual([2]);
    expect(await redis.pttl(`${options.prefix}${REPO}`)).toBeGreaterThan(2 * 3_600_000 - 10_000);
  });

  it("forgets every seed when a replica starts, and refuses a seed whose listing began before", async () => {
    const clock = createTestClock();
    const options = { now: clock.now, prefix: freshPrefix() };
    const [a, b] = [await replicas(options), await replicas(options)];
    await a.seed(REPO, [head(1)], clock.now());
    const listingStarted = clock.now();
    clock.set(listingStarted + 1_000);

    const c = await replicas(options);

    for (const heads of [a, b, c]) expect(await heads.othersOn(REPO, X, 0)).toBeUndefined();
    await b.seed(REPO, [head(1)], listingStarted);
    expect(await a.othersOn(REPO, X, 0)).toBeUndefined();
    await b.seed(REPO, [head(1)], clock.now());
    for (const heads of [a, b, c]) expect(await heads.othersOn(REPO, X, 0)).toEqual([1]);
  });

  it("answers unknown, and never throws, when Redis cannot be reached", async () => {
    const closed = new Redis(await findFreePort(), "127.0.0.1", {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy: () => null,
    });
    closed.on("error", () => undefined);
    const log = { warn: vi.fn() };
    const heads = await createRedisOpenHeads(closed, { log, retryMs: 60_000 });
    await expect(heads.note(REPO, head(1))).resolves.toBeUndefined();
    await expect(heads.seed(REPO, [head(1)], Date.now())).resolves.toBeUndefined();
    expect(await heads.othersOn(REPO, X, 0)).toBeUndefined();
    expect(log.warn).toHaveBeenCalled();
    closed.disconnect();
  });

  it("answers unknown while a read fails, and again from Redis once it answers", async () => {
    const clock = createTestClock();
    const client = flaky();
    const heads = await replicas({ now: clock.now }, client);
    await heads.seed(REPO, [head(1)], clock.now());
    client.down = true;
    expect(await heads.othersOn(REPO, X, 0)).toBeUndefined();
    client.down = false;
    expect(await heads.othersOn(REPO, X, 0)).toEqual([1]);
  });

  it("after a lost note answers unknown without asking, then bumps the epoch: every replica is unknown", async () => {
    const clock = createTestClock();
    const client = flaky();
    const prefix = freshPrefix();
    const log = { warn: vi.fn() };
    const lossy = await createRedisOpenHeads(client, { now: clock.now, prefix, retryMs: 20, log });
    const other = await createRedisOpenHeads(redis, { now: clock.now, prefix });
    await other.seed(REPO, [head(1)], clock.now());
    const listingStarted = clock.now();
    clock.set(listingStarted + 1_000);

    client.down = true;
    await expect(lossy.note(REPO, head(2))).resolves.toBeUndefined();
    const calls = client.calls;
    expect(await lossy.othersOn(REPO, X, 0)).toBeUndefined();
    expect(client.calls).toBe(calls);
    await lossy.seed(REPO, [head(1), head(2)], clock.now());
    expect(client.calls).toBe(calls);

    const epoch = Number(await redis.get(`${prefix}epoch`));
    client.down = false;
    await vi.waitFor(async () => expect(Number(await redis.get(`${prefix}epoch`))).toBe(epoch + 1), { timeout: 2_000 });
    expect(await other.othersOn(REPO, X, 0)).toBeUndefined();
    expect(log.warn).toHaveBeenCalled();

    await other.seed(REPO, [head(1)], listingStarted);
    expect(await other.othersOn(REPO, X, 0)).toBeUndefined();
    await vi.waitFor(async () => {
      await lossy.seed(REPO, [head(1), head(2)], clock.now());
      expect(await lossy.othersOn(REPO, X, 1)).toEqual([2]);
    });
    expect(await other.othersOn(REPO, X, 0)).toEqual([1, 2]);
  });

  it("loses no note of many noted at once by two replicas while a listing is merged", async () => {
    const clock = createTestClock();
    const options = { now: clock.now, prefix: freshPrefix() };
    const [a, b] = [await replicas(options), await replicas(options)];
    const startedAt = clock.now();
    clock.set(startedAt + 1_000);
    const numbers = Array.from({ length: 50 }, (_, i) => i + 1);
    await Promise.all([
      ...numbers.map((n) => (n % 2 ? a : b).note(REPO, head(n))),
      a.seed(REPO, [], startedAt),
      b.seed(REPO, [], startedAt),
    ]);
    expect(await a.othersOn(REPO, X, 0)).toEqual(numbers);
    expect(await b.othersOn(REPO, X, 0)).toEqual(numbers);
  });
});
