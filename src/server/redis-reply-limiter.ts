import { REPLY_WINDOW_SECONDS, type ReplyLimiter } from "../app/reply-limiter.js";
import type { RedisLike } from "./redis-delivery-claims.js";

const KEY_PREFIX = "single-patch-order:reply:";

/**
 * The reply limit shared by every replica on one Redis: `SET key 1 EX 600 NX` is atomic, so two
 * replicas never both reply within the window. When Redis fails, `fallback` (this process's
 * memory) decides, so replies stay bounded per replica.
 */
export function createRedisReplyLimiter(
  redis: RedisLike,
  fallback: ReplyLimiter,
  windowSeconds = REPLY_WINDOW_SECONDS,
): ReplyLimiter {
  return {
    async claim(key) {
      try {
        return (await redis.set(KEY_PREFIX + key, "1", "EX", windowSeconds, "NX")) === "OK";
      } catch {
        return fallback.claim(key);
      }
    },
  };
}
