import type { AppDeps } from "../app/app-deps.js";
import { createMemoryReplyLimiter } from "../app/reply-limiter.js";
import { createRecordSeal } from "../github/override-store.js";
import { connectRedis } from "./connect-redis.js";
import { readRecordKey } from "./read-record-key.js";
import { createRedisReplyLimiter } from "./redis-reply-limiter.js";

/** What the App takes from the server's secrets and shared state: the record key, and the reply limit in Redis. */
export async function readServerDeps(
  env: NodeJS.ProcessEnv,
  now = () => new Date(),
): Promise<Pick<AppDeps, "recordSeal" | "replyLimiter">> {
  const key = readRecordKey(env);
  return {
    ...(key ? { recordSeal: createRecordSeal(key) } : {}),
    ...(env.REDIS_URL
      ? { replyLimiter: createRedisReplyLimiter(await connectRedis(env.REDIS_URL), createMemoryReplyLimiter(now)) }
      : {}),
  };
}
