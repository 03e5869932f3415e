import { run, type ApplicationFunction, type Server } from "probot";
import { createAppMetrics } from "../metrics/app-metrics.js";
import { completeInterruptedChecks } from "./complete-interrupted-checks.js";
import { connectRedis } from "./connect-redis.js";
import { createLog } from "./create-log.js";
import { createMemoryClaims, type DeliveryClaims } from "./delivery-claims.js";
import { hardenApp, type Hardening } from "./harden-app.js";
import { DEFAULT_MAX_WEBHOOK_BYTES } from "./limit-webhook-body.js";
import { createPacedOctokit } from "../github/paced-octokit.js";
import { createRedisClaims } from "./redis-delivery-claims.js";
import { DEFAULT_SHUTDOWN_GRACE_MS, shutDownOnSignal } from "./shut-down-on-signal.js";
import { createInFlight } from "./track-in-flight.js";

/**
 * Runs the App with Probot's `run()` (environment, HTTP server, `/ping`) plus its hardening
 * (README, "Operations"): logs with credentials redacted, per-installation write pacing, the delivery guard, a
 * webhook body limit, `/metrics`, and a graceful shutdown on SIGTERM and SIGINT in place of
 * Probot's SIGINT handler (which exits without waiting for judgements that outlive their webhook
 * response). Without APP_ID and a key, `run()` serves Probot's setup page instead of the App.
 */
export async function startServer(app: ApplicationFunction, env: NodeJS.ProcessEnv): Promise<Server> {
  const inFlight = createInFlight();
  const metrics = createAppMetrics(() => inFlight.size);
  const hardening: Hardening = {
    metrics,
    inFlight,
    claims: createClaims(env.REDIS_URL),
    maxWebhookBytes: readPositiveInt(env.WEBHOOK_MAX_BYTES, DEFAULT_MAX_WEBHOOK_BYTES),
  };
  const probotSigint = new Set(process.listeners("SIGINT"));
  const server = await run(hardenApp(app, hardening), {
    Octokit: createPacedOctokit(metrics),
    log: await createLog(env),
  });
  for (const listener of process.listeners("SIGINT")) if (!probotSigint.has(listener)) process.off("SIGINT", listener);
  const probot = hardening.probot;
  if (!probot) return server;
  const log = probot.log.child({ name: "shutdown" });
  shutDownOnSignal({
    server,
    inFlight,
    log,
    graceMs: readPositiveInt(env.SHUTDOWN_GRACE_MS, DEFAULT_SHUTDOWN_GRACE_MS),
    interrupt: (left) => completeInterruptedChecks(probot, left, log),
  });
  return server;
}

/** Claims in Redis when replicas share one (REDIS_URL), else in this process. */
function createClaims(redisUrl: string | undefined): DeliveryClaims {
  return redisUrl ? createRedisClaims(connectRedis(redisUrl)) : createMemoryClaims();
}

function readPositiveInt(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : fallback;
}
