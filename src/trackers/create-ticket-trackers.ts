import type { TicketFacts, TicketTracker, TicketTrackers } from "../core/ticket-facts.js";
import { askJira } from "./ask-jira.js";
import { askLinear } from "./ask-linear.js";
import type { TrackerSettings } from "./read-tracker-settings.js";
import { createTicketCache } from "./ticket-cache.js";

export interface TrackerOptions {
  /** The time limit of one look-up, a rate-limit retry included (SPEC §14: 10 s). */
  timeoutMs: number;
  /** Milliseconds since the epoch; for the cache and `Retry-After` dates. */
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_TRACKER_OPTIONS: TrackerOptions = {
  timeoutMs: 10_000,
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** A 429 asking to wait at most this long is retried once, within the time limit; a longer wait is reported. */
export const MAX_RETRY_WAIT_SECONDS = 2;

/**
 * A key the trackers can have: a project or team key, a dash, a number (`SHOP-42`, `ENG-7`). A
 * reference of any other shape (a custom `ticket.patterns` can match anything) is never sent, so
 * it cannot change the request's path on the tracker's host.
 */
const TRACKER_KEY = /^[A-Za-z][A-Za-z0-9_]{0,63}-[0-9]{1,18}$/;

type Ask = (key: string, timeoutMs: number, now: number) => Promise<TicketFacts>;

/**
 * The trackers the server has settings for, each with its own short cache (ticket-cache.ts): at
 * most one request per ticket per cache period, however many evaluations ask. Create them once
 * per process (the App's entry, the Action, the CLI).
 */
export function createTicketTrackers(settings: TrackerSettings, options: Partial<TrackerOptions> = {}): TicketTrackers {
  const resolved = { ...DEFAULT_TRACKER_OPTIONS, ...options };
  const { jira, linear } = settings;
  return {
    ...(jira ? { jira: createTracker("jira", (key, ms, now) => askJira(jira, key, ms, now), resolved) } : {}),
    ...(linear ? { linear: createTracker("linear", (key, ms, now) => askLinear(linear, key, ms, now), resolved) } : {}),
  };
}

function createTracker(name: TicketTracker["name"], ask: Ask, options: TrackerOptions): TicketTracker {
  const cache = createTicketCache(options.now);
  return {
    name,
    lookUp(key) {
      if (!TRACKER_KEY.test(key)) return Promise.resolve({ tracker: name, found: false, error: "invalid-key" });
      return cache.get(key.toUpperCase(), () => askWithinLimit(ask, key, options));
    },
  };
}

/** One request, and one more only when the tracker asks for a short wait that fits in the time limit. */
async function askWithinLimit(ask: Ask, key: string, options: TrackerOptions): Promise<TicketFacts> {
  const started = options.now();
  const first = await ask(key, options.timeoutMs, started);
  if (first.found || first.error !== "rate-limited" || first.retryAfterSeconds === undefined) return first;
  const waitMs = first.retryAfterSeconds * 1000;
  const left = options.timeoutMs - (options.now() - started) - waitMs;
  if (first.retryAfterSeconds > MAX_RETRY_WAIT_SECONDS || left < 500) return first;
  await options.sleep(waitMs);
  return ask(key, left, options.now());
}
