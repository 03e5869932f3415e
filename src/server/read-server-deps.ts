import type { AppDeps } from "../app/app-deps.js";
import { createMemoryOpenHeads, type OpenHeads } from "../app/open-heads.js";
import { createMemoryReplyLimiter } from "../app/reply-limiter.js";
import { createRecordSeal } from "../github/override-store.js";
import { connectRedis } from "./connect-redis.js";
import { createLog } from "./create-log.js";
import { readOpenHeadsMode } from "./read-open-heads-mode.js";
import { readRecordKey } from "./read-record-key.js";
import { createRedisOpenHeads } from "./redis-open-heads.js";
import { createRedisReplyLimiter } from "./redis-reply-limiter.js";

/**
 * What the App takes from the server's secrets and shared state: the record key, the reply limit
 * in Redis, and the open-heads index (`OPEN_HEADS_INDEX`: in Redis, in memory, or none).
 */
export async function readServerDeps(
  env: NodeJS.ProcessEnv,
  now = () => new Date(),
): Promise<Pick<AppDeps, "recordSeal" | "replyLimiter" | "openHeads">> {
  const key = readRecordKey(env);
  const openHeads = await createOpenHeads(env);
  return {
    ...(key ? { recordSeal: createRecordSeal(key) } : {}),
    ...(env.REDIS_URL
      ? { replyLimiter: createRedisReplyLimiter(await connectRedis(env.REDIS_URL), createMemoryReplyLimiter(now)) }
      : {}),
    ...(openHeads ? { openHeads } : {}),
  };
}

async function createOpenHeads(env: NodeJS.ProcessEnv): Promise<OpenHeads | undefined> {
  const mode = readOpenHeadsMode(env);
  if (mode === "memory") return createMemoryOpenHeads();
  if (mode === "redis" && env.REDIS_URL) {
    const log = (await createLog(env)).child({ name: "open-heads" });
    return createRedisOpenHeads(await connectRedis(env.REDIS_URL), { log });
  }
  return undefined; // "off", or a problem the entry reported before the server started
}
