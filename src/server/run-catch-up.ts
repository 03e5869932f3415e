import type { Logger } from "probot";
import { catchUpDeliveries, type Redelivery, type RedeliveredGuids } from "../flows/catch-up-deliveries.js";
import type { GitHubClient } from "../github/github-client.js";
import type { AppMetrics } from "../metrics/app-metrics.js";
import type { CatchUpSettings } from "./read-catch-up-settings.js";
import type { CatchUpLock } from "./redis-catch-up-lock.js";

/** A pass stops asking for redeliveries after this long (GitHub paces them one a second); the next pass goes on. */
export const PASS_BUDGET_MS = 5 * 60_000;
/** The replicas' lock outlives a pass, so that two never run at once; it frees itself if its holder dies. */
export const LOCK_TTL_MS = 2 * PASS_BUDGET_MS;

export interface CatchUpDeps {
  settings: CatchUpSettings;
  /** The App's JWT client. */
  appClient: () => Promise<GitHubClient>;
  lock: CatchUpLock;
  redelivered: RedeliveredGuids;
  metrics: Pick<AppMetrics, "countCatchUpPass" | "countRedelivery" | "setUnrepairedDeliveries">;
  log: Logger;
  now?: () => number;
}

export interface CatchUp {
  /** Stops the schedule; a pass under way asks for no further redelivery. */
  stop(): void;
  /** Resolves when no pass is running. */
  idle(): Promise<void>;
}

/**
 * Runs the catch-up pass (flows/catch-up-deliveries.ts) now, once the server listens, and then
 * every `intervalMs`; never when it is 0. A pass never overlaps the previous one (that tick is
 * skipped), never crashes the server (its errors are logged and counted), and with Redis runs on
 * one replica at a time. Each redelivery is logged with the delivery's guid as `id`, like every
 * line about that delivery.
 */
export function startCatchUp(deps: CatchUpDeps): CatchUp {
  if (!deps.settings.intervalMs) {
    deps.log.info("catch-up is off (CATCHUP_INTERVAL_S=0): deliveries missed while the App was down stay missed");
    return { stop: () => undefined, idle: async () => undefined };
  }
  let stopped = false;
  let running: Promise<void> | undefined;
  const tick = () => {
    if (stopped) return;
    if (running) {
      deps.metrics.countCatchUpPass("skipped");
      deps.log.warn("catch-up pass skipped: the previous pass is still running");
      return;
    }
    running = runPass(deps, () => !stopped).finally(() => (running = undefined));
  };
  const timer = setInterval(tick, deps.settings.intervalMs);
  timer.unref();
  tick();
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
    },
    idle: async () => running,
  };
}

async function runPass(deps: CatchUpDeps, keepGoing: () => boolean): Promise<void> {
  const { log, metrics, now = Date.now } = deps;
  let release: (() => Promise<void>) | undefined;
  try {
    release = await deps.lock.acquire();
  } catch (error) {
    metrics.countCatchUpPass("error");
    log.warn({ err: error }, "catch-up pass skipped: its lock in Redis could not be taken");
    return;
  }
  if (!release) {
    metrics.countCatchUpPass("skipped");
    log.debug("catch-up pass skipped: another replica is running one");
    return;
  }
  const startedAt = now();
  try {
    const since = new Date(startedAt - deps.settings.windowMs);
    const report = await catchUpDeliveries(await deps.appClient(), {
      since,
      redelivered: deps.redelivered,
      keepGoing: () => keepGoing() && now() - startedAt < PASS_BUDGET_MS,
      onRedelivery: (redelivery) => {
        metrics.countRedelivery(redelivery.outcome);
        logRedelivery(log, redelivery);
      },
    });
    metrics.setUnrepairedDeliveries(report.unrepaired);
    metrics.countCatchUpPass("done");
    const summary = `catch-up pass: ${report.attempts} delivery attempts since ${since.toISOString()} on ${report.pages} pages; ${report.unrepaired} without a 2xx answer, ${report.redeliveries.length} redelivered now, ${report.alreadyRedelivered} redelivered before${report.postponed ? `, ${report.postponed} left for the next pass` : ""}`;
    const { redeliveries, ...counts } = report;
    if (report.unrepaired) log.info({ ...counts, redelivered: redeliveries.length }, summary);
    else log.debug({ ...counts }, summary);
  } catch (error) {
    metrics.countCatchUpPass("error");
    log.error({ err: error }, "catch-up pass failed; the next pass tries again");
  } finally {
    await release().catch((error: unknown) => log.warn({ err: error }, "could not release the catch-up lock"));
  }
}

function logRedelivery(log: Logger, redelivery: Redelivery): void {
  const name = redelivery.action ? `${redelivery.event}.${redelivery.action}` : redelivery.event;
  const fields = {
    id: redelivery.guid,
    attempt: redelivery.id,
    event: redelivery.event,
    action: redelivery.action,
    installation: redelivery.installationId,
    firstAttemptAt: redelivery.firstAttemptAt,
    statusCodes: redelivery.statusCodes,
    outcome: redelivery.outcome,
  };
  if (redelivery.outcome === "accepted") {
    log.info(fields, `catch-up: GitHub redelivers ${name}, which no attempt answered 2xx`);
    return;
  }
  const why = `${"status" in redelivery && redelivery.status ? `${redelivery.status}: ` : ""}${"reason" in redelivery ? redelivery.reason : ""}`;
  log.warn(
    fields,
    redelivery.outcome === "refused"
      ? `catch-up: GitHub refused to redeliver ${name} (${why}); it is not asked again`
      : `catch-up: could not ask GitHub to redeliver ${name} (${why}); the next pass asks again`,
  );
}
