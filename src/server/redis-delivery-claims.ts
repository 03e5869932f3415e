import { CLAIM_TTL_SECONDS, type DeliveryClaims } from "./delivery-claims.js";

/** The two commands the claims need; ioredis' client has them. */
export interface RedisLike {
  set(key: string, value: string, ex: "EX", seconds: number, nx: "NX"): Promise<string | null>;
  del(key: string): Promise<number>;
}

const KEY_PREFIX = "single-patch-order:delivery:";

/**
 * Claims shared by every replica that uses the same Redis: `SET key 1 EX ttl NX` is atomic. Also
 * the catch-up's record of the guids it redelivered, under another prefix.
 */
export function createRedisClaims(
  redis: RedisLike,
  ttlSeconds = CLAIM_TTL_SECONDS,
  prefix = KEY_PREFIX,
): DeliveryClaims {
  return {
    async claim(id) {
      return (await redis.set(prefix + id, "1", "EX", ttlSeconds, "NX")) === "OK";
    },
    async release(id) {
      await redis.del(prefix + id);
    },
  };
}
