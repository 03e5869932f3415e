import type { Logger } from "probot";
import type { TicketTrackers } from "../core/ticket-facts.js";
import { createTicketTrackers } from "../trackers/create-ticket-trackers.js";
import { readTrackerSettings } from "../trackers/read-tracker-settings.js";

/** What the App's handlers take from outside, so tests can inject a clock and an app id. */
export interface AppDeps {
  /** The current time. */
  now: () => Date;
  /** This App's id: check events from other apps' checks with the same name are ignored. */
  appId?: number;
  /** `GATE_TOKEN`: the bearer token of `GET /api/gate/…`. Unset, the endpoint is not served (404). */
  gateToken?: string;
  /**
   * The Jira and Linear clients for `ticket.verify`, built once per process from the environment
   * (src/trackers/read-tracker-settings.ts), each with its short cache. Absent: none is configured.
   */
  trackers?: TicketTrackers;
}

export type Log = Pick<Logger, "info" | "warn" | "error" | "debug">;

/**
 * The App's dependencies from the process environment (`APP_ID`, `GATE_TOKEN`, the tracker
 * variables) and the real clock. Read by the entry, after findStartupProblem accepted the environment.
 */
export function readAppDeps(env: Readonly<Record<string, string | undefined>>): AppDeps {
  return {
    now: () => new Date(),
    ...(env.APP_ID ? { appId: Number(env.APP_ID) } : {}),
    ...(env.GATE_TOKEN ? { gateToken: env.GATE_TOKEN } : {}),
    trackers: createTicketTrackers(readTrackerSettings(env)),
  };
}

/** Whether a check or suite belongs to this App; without a known app id, every one does. */
export function isOurs(appId: number | null | undefined, deps: AppDeps): boolean {
  return deps.appId === undefined || appId === deps.appId;
}
