import type { Redis } from "ioredis";

const clients = new Map<string, Promise<Redis>>();

/**
 * One Redis connection per URL for the whole process, shared by the delivery claims and the
 * reply limiter. Commands fail fast (one retry, 2 s) and their callers fall back (a delivery is
 * handled anyway; a reply is limited in memory), so Redis being down never stops a judgement.
 * ioredis is loaded here, only when REDIS_URL is set: a process without Redis does not keep its
 * modules resident (about 3 MB).
 */
export function connectRedis(url: string): Promise<Redis> {
  let client = clients.get(url);
  if (!client) {
    client = import("ioredis").then(({ Redis }) => {
      const redis = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: 2_000, lazyConnect: false });
      redis.on("error", () => undefined); // reported per command by the callers
      return redis;
    });
    clients.set(url, client);
  }
  return client;
}
