import { spawn, spawnSync } from "node:child_process";
import { Redis } from "ioredis";
import { findFreePort } from "../../support/start-app.js";

/** Whether a redis-server binary exists here (`.ci/run` installs it); tests that need one skip without. */
export const hasRedis = spawnSync("redis-server", ["--version"]).status === 0;

/** A redis-server of its own on a free loopback port (no snapshots), and a client connected to it. */
export async function startTestRedis(): Promise<{ redis: Redis; stop: () => Promise<void> }> {
  const port = await findFreePort();
  const server = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", ""], {
    stdio: "ignore",
  });
  const exited = new Promise((resolve) => server.once("exit", resolve));
  const redis = new Redis(port, "127.0.0.1", {
    maxRetriesPerRequest: 1,
    retryStrategy: (times) => (times > 50 ? null : 50),
  });
  redis.on("error", () => undefined); // refused until redis-server listens; retried
  await redis.ping();
  const stop = async () => {
    redis.disconnect();
    server.kill("SIGTERM");
    await exited;
  };
  return { redis, stop };
}
