import type { Redis } from "ioredis";
import { run, type ApplicationFunction, type Probot, type Server } from "probot";
import { getAppClient } from "../github/get-app-client.js";
import { createAppMetrics, type AppMetrics } from "../metrics/app-metrics.js";
import { completeInterruptedChecks } from "./complete-interrupted-checks.js";
import { connectRedis } from "./connect-redis.js";
import { createLog } from "./create-log.js";
import { createMemoryClaims } from "./delivery-claims.js";
import { hardenApp, type Hardening } from "./harden-app.js";
import { DEFAULT_MAX_WEBHOOK_BYTES } from "./limit-webhook-body.js";
import { createPacedOctokit } from "../github/paced-octokit.js";
import { createConditionalReadCache } from "../github/conditional-read-cache.js";
import { readCatchUpSettings } from "./read-catch-up-settings.js";
import { createRedisCatchUpLock, PROCESS_LOCK } from "./redis-catch-up-lock.js";
import { createRedisClaims } from "./redis-delivery-claims.js";
import { type CatchUp, LOCK_TTL_MS, startCatchUp } from "./run-catch-up.js";
import { DEFAULT_SHUTDOWN_GRACE_MS, shutDownOnSignal } from "./shut-down-on-signal.js";
import { createInFlight } from "./track-in-flight.js";

/**
 * Runs the App with Probot's `run()` (environment, HTTP server, `/ping`) plus its hardening
 * (README, "Operations"): logs with credentials redacted, per-installation write pacing, conditional
 * repeated reads (one bounded cache per process), the delivery guard, a webhook body limit,
 * `/metrics`, the catch-up on missed deliveries once it listens, and a
 * graceful shutdown on SIGTERM and SIGINT in place of Probot's SIGINT handler (which exits without
 * waiting for judgements that outlive their webhook response). Without APP_ID and a key, `run()`
 * serves Probot's setup page instead of the App. `withMetrics` hands the App the metrics its
 * evidence writes report to (spo_hotfix_lead_time_seconds, failed writes).
 */
export async function startServer(
  given: ApplicationFunction | { withMetrics: (metrics: AppMetrics) => ApplicationFunction },
  env: NodeJS.ProcessEnv,
): Promise<Server> {
  const inFlight = createInFlight();
  const metrics = createAppMetrics(() => inFlight.size);
  const app = typeof given === "function" ? given : given.withMetrics(metrics);
  const redis = env.REDIS_URL ? await connectRedis(env.REDIS_URL) : undefined;
  const hardening: Hardening = {
    metrics,
    inFlight,
    claims: redis ? createRedisClaims(redis) : createMemoryClaims(),
    maxWebhookBytes: readPositiveInt(env.WEBHOOK_MAX_BYTES, DEFAULT_MAX_WEBHOOK_BYTES),
  };
  const probotSigint = new Set(process.listeners("SIGINT"));
  const server = await run(hardenApp(app, hardening), {
    Octokit: createPacedOctokit(metrics, createConditionalReadCache()),
    log: await createLog(env),
  });
  for (const listener of process.listeners("SIGINT")) if (!probotSigint.has(listener)) process.off("SIGINT", listener);
  const probot = hardening.probot;
  if (!probot) return server;
  const catchUp = catchUpOnDeliveries(probot, env, metrics, redis);
  const log = probot.log.child({ name: "shutdown" });
  shutDownOnSignal({
    server,
    inFlight,
    log,
    graceMs: readPositiveInt(env.SHUTDOWN_GRACE_MS, DEFAULT_SHUTDOWN_GRACE_MS),
    interrupt: (left) => completeInterruptedChecks(probot, left, log),
    stopBackground: () => catchUp.stop(),
  });
  return server;
}

/**
 * The catch-up (SPEC §10): with Redis, the replicas share the guids they redelivered and a lock;
 * without, this process remembers them (and the delivery list shows every redelivery anyway).
 * The remembered guids outlive the window, past which a delivery is left alone.
 */
function catchUpOnDeliveries(probot: Probot, env: NodeJS.ProcessEnv, metrics: AppMetrics, redis?: Redis): CatchUp {
  const settings = readCatchUpSettings(env);
  if ("problem" in settings) throw new Error(settings.problem); // checked by the entry before the server starts
  const rememberMs = settings.windowMs + 3_600_000;
  return startCatchUp({
    settings,
    appClient: () => getAppClient(probot),
    lock: redis ? createRedisCatchUpLock(redis, LOCK_TTL_MS) : PROCESS_LOCK,
    redelivered: redis
      ? createRedisClaims(redis, Math.ceil(rememberMs / 1000), "single-patch-order:redelivered:")
      : createMemoryClaims({ ttlMs: rememberMs }),
    metrics,
    log: probot.log.child({ name: "catch-up" }),
  });
}

function readPositiveInt(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : fallback;
}
