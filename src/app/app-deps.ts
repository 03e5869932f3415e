import type { Logger } from "probot";
import type { EvidenceWatch } from "../core/evidence/evidence-watch.js";
import type { TicketTrackers } from "../core/ticket-facts.js";
import { createTicketTrackers } from "../trackers/create-ticket-trackers.js";
import { readTrackerSettings } from "../trackers/read-tracker-settings.js";
import type { RecordAccess, RecordSeal } from "../github/override-store.js";
import type { OpenHeads } from "./open-heads.js";
import type { ReplyLimiter } from "./reply-limiter.js";

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
  /** `GATE_OWNERS`, lower-cased: the only owners the gate endpoint answers for; unset, every installation's. */
  gateOwners?: ReadonlySet<string>;
  /** Signs and verifies the records in the App's check runs (overrides, pushers); none: no override can be recorded. */
  recordSeal?: RecordSeal;
  /** Bounds the replies anyone can ask for; createApp makes an in-memory one when none is given. */
  replyLimiter?: ReplyLimiter;
  /** This App's bot login (`<slug>[bot]`), or undefined when it cannot be learned; createApp reads it from `GET /app`. */
  botLogin?: () => Promise<string | undefined>;
  /** Told of every evidence record written and every write that failed (the server's metrics). */
  evidenceWatch?: EvidenceWatch;
  /**
   * Evidence keys this process already found or wrote, so that a gate endpoint polled every
   * minute asks GitHub once per decision; createApp makes a bounded one when none is given.
   */
  evidenceKeys?: KeyMemory;
  /**
   * Which open PR has which head, kept from the deliveries (`OPEN_HEADS_INDEX`): a passing verdict
   * whose head no other open PR shares is published without listing the open PRs. None: it lists them.
   */
  openHeads?: OpenHeads;
  /**
   * Told what the index answered each passing verdict (`alone`: published with no look-up; `shared`,
   * `unknown`: looked up) and `late` when, asked again once an `alone` verdict was published, it no
   * longer says alone (published again after the look-up): the server's `spo_open_heads_answers_total`.
   */
  openHeadsWatch?: (answer: "alone" | "shared" | "unknown" | "late") => void;
}

/** A bounded set of keys: the oldest is forgotten first. */
export interface KeyMemory {
  has(key: string): boolean;
  add(key: string): void;
}

/** A KeyMemory of at most `max` keys. */
export function createKeyMemory(max = 10_000): KeyMemory {
  const keys = new Set<string>();
  return {
    has: (key) => keys.has(key),
    add(key) {
      keys.delete(key);
      keys.add(key);
      if (keys.size > max) keys.delete(keys.values().next().value!);
    },
  };
}

export type Log = Pick<Logger, "info" | "warn" | "error" | "debug">;

/**
 * The App's dependencies from the process environment (`APP_ID`, `GATE_TOKEN`, `GATE_OWNERS`, the
 * tracker variables) and the real clock. Read by the entry, after findStartupProblem accepted the environment.
 */
export function readAppDeps(env: Readonly<Record<string, string | undefined>>): AppDeps {
  return {
    now: () => new Date(),
    ...(env.APP_ID ? { appId: Number(env.APP_ID) } : {}),
    ...(env.GATE_TOKEN ? { gateToken: env.GATE_TOKEN } : {}),
    trackers: createTicketTrackers(readTrackerSettings(env)),
    ...(env.GATE_OWNERS?.trim() ? { gateOwners: readOwnerList(env.GATE_OWNERS) } : {}),
  };
}

/** Whether a check or suite belongs to this App; without a known app id, every one does. */
export function isOurs(appId: number | null | undefined, deps: AppDeps): boolean {
  return deps.appId === undefined || appId === deps.appId;
}

/** This App's id and key for the records in its check runs, when both are known. */
export function recordAccess(deps: Pick<AppDeps, "appId" | "recordSeal">): RecordAccess | undefined {
  return deps.appId !== undefined && deps.recordSeal ? { appId: deps.appId, seal: deps.recordSeal } : undefined;
}

/** `GATE_OWNERS`: comma-separated owner logins, compared ignoring case (GitHub logins are). */
export function readOwnerList(value: string): ReadonlySet<string> {
  return new Set(
    value
      .split(",")
      .map((owner) => owner.trim().toLowerCase())
      .filter(Boolean),
  );
}
