import type { Logger, Server } from "probot";
import type { InFlight, InFlightDelivery } from "./track-in-flight.js";

/** How long a shutdown waits for in-flight judgements by default: under Kubernetes' 30 s grace period. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 25_000;

export interface ShutdownDeps {
  server: Pick<Server, "stop">;
  inFlight: InFlight;
  log: Logger;
  graceMs: number;
  /** Completes what the deadline cut short (see complete-interrupted-checks.ts). */
  interrupt: (left: InFlightDelivery[]) => Promise<void>;
  /** Called once the signal arrives: stops background work (the catch-up asks for no more redeliveries). */
  stopBackground?: () => void;
  exit?: (code: number) => void;
}

/**
 * Stops gracefully on SIGTERM (what container platforms send) and SIGINT (Ctrl-C): the server stops
 * taking connections and new deliveries (503), in-flight judgements get up to `graceMs` to finish,
 * and those still running then have their checks completed as failures to re-run. Exits 0 when
 * everything finished, 1 when something was cut short. A second signal does not hurry it.
 */
export function shutDownOnSignal(deps: ShutdownDeps): (signal: NodeJS.Signals) => Promise<void> {
  const { exit = (code: number) => process.exit(code) } = deps;
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    deps.stopBackground?.();
    deps.log.info(
      { signal, inFlight: deps.inFlight.size },
      `${signal}: stopping; waiting up to ${deps.graceMs} ms for in-flight deliveries`,
    );
    const closed = deps.server
      .stop()
      .catch((error: unknown) => deps.log.warn({ err: error }, "could not close the HTTP server cleanly"));
    const left = await deps.inFlight.drain(deps.graceMs);
    if (left.length) await withDeadline(deps.interrupt(left), 5_000);
    await withDeadline(closed, 1_000);
    deps.log.info(
      { cutShort: left.length },
      left.length ? `stopped; ${left.length} deliveries were cut short` : "stopped; every delivery finished",
    );
    exit(left.length ? 1 : 0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  return stop;
}

function withDeadline(promise: Promise<unknown>, ms: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([promise, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]).finally(() =>
    clearTimeout(timer),
  );
}
