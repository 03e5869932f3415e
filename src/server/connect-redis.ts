import { Redis } from "ioredis";

const clients = new Map<string, Redis>();

/**
 * One Redis connection per URL for the whole process, shared by the delivery claims and the
 * reply limiter. Commands fail fast (one retry, 2 s) and their callers fall back (a delivery is
 * handled anyway; a reply is limited in memory), so Redis being down never stops a judgement.
 */
export function connectRedis(url: string): Redis {
  let client = clients.get(url);
  if (!client) {
    client = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: 2_000, lazyConnect: false });
    client.on("error", () => undefined); // reported per command by the callers
    clients.set(url, client);
  }
  return client;
}
