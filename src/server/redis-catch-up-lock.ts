import { randomUUID } from "node:crypto";

/** Lets one replica at a time run a catch-up pass. `acquire` gives the release, or undefined when another holds it. */
export interface CatchUpLock {
  acquire(): Promise<(() => Promise<void>) | undefined>;
}

/** The two commands the lock needs; ioredis' client has them. */
export interface RedisLockClient {
  set(key: string, value: string, px: "PX", milliseconds: number, nx: "NX"): Promise<string | null>;
  eval(script: string, keys: number, ...args: string[]): Promise<unknown>;
}

const KEY = "single-patch-order:catch-up:lock";
/** Deletes the key only while it still holds this holder's token: a lock that expired and was taken by another replica stays theirs. */
const RELEASE = 'if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end';

/**
 * A lock in Redis shared by every replica: `SET key token PX ttl NX`, released by compare-and-delete
 * (https://redis.io/docs/latest/commands/set/, "Patterns"). The expiry frees it when a replica
 * dies during a pass; it must outlast one pass (run-catch-up.ts stops asking for redeliveries
 * half-way through it).
 */
export function createRedisCatchUpLock(redis: RedisLockClient, ttlMs: number): CatchUpLock {
  return {
    async acquire() {
      const token = randomUUID();
      if ((await redis.set(KEY, token, "PX", ttlMs, "NX")) !== "OK") return undefined;
      return async () => void (await redis.eval(RELEASE, 1, KEY, token));
    },
  };
}

/** Without Redis there is one process, whose passes never overlap (run-catch-up.ts): nothing to lock. */
export const PROCESS_LOCK: CatchUpLock = { acquire: async () => async () => undefined };
