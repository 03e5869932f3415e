import type { TicketFacts } from "../core/ticket-facts.js";

/**
 * What a tracker said about a ticket, kept briefly so that a recheck storm (a push, a re-run, a
 * `/spo recheck` and a required check completing at once) asks the tracker once. A look-up in
 * flight is shared too. One cache belongs to one tracker client, that is one host and one
 * credential, so answers are never shared across credentials. Bounded: the least recently used
 * entry goes first.
 *
 * How long an answer is kept (CACHE_SECONDS): a found ticket or refused credentials 60 s, so a
 * reopened ticket is seen within a minute; a missing ticket 30 s; no answer (network, 5xx, timeout,
 * an unexpected answer) 10 s; rate limiting as long as the tracker asked (at most 60 s).
 */
export const CACHE_SECONDS = { found: 60, missing: 30, unavailable: 10, maxRateLimit: 60 } as const;

const MAX_ENTRIES = 1_000;

interface Entry {
  facts: TicketFacts;
  expiresAt: number;
}

export interface TicketCache {
  /** The cached or in-flight answer for `key`, else the result of `ask`, which is then kept. */
  get(key: string, ask: () => Promise<TicketFacts>): Promise<TicketFacts>;
}

export function createTicketCache(now: () => number, maxEntries = MAX_ENTRIES): TicketCache {
  const entries = new Map<string, Entry>();
  const inFlight = new Map<string, Promise<TicketFacts>>();
  return {
    get(key, ask) {
      const entry = entries.get(key);
      if (entry && entry.expiresAt > now()) {
        entries.delete(key);
        entries.set(key, entry);
        return Promise.resolve(withWaitLeft(entry, now()));
      }
      entries.delete(key);
      const pending = inFlight.get(key);
      if (pending) return pending;
      const asked = ask()
        .then((facts) => {
          const seconds = keepSeconds(facts);
          if (seconds > 0) {
            entries.set(key, { facts, expiresAt: now() + seconds * 1000 });
            while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
          }
          return facts;
        })
        .finally(() => inFlight.delete(key));
      inFlight.set(key, asked);
      return asked;
    },
  };
}

/** A rate-limited answer from the cache says how long is left to wait, not how long was asked. */
function withWaitLeft(entry: Entry, now: number): TicketFacts {
  const { facts } = entry;
  if (facts.found || facts.error !== "rate-limited" || facts.retryAfterSeconds === undefined) return facts;
  return { ...facts, retryAfterSeconds: Math.max(1, Math.ceil((entry.expiresAt - now) / 1000)) };
}

function keepSeconds(facts: TicketFacts): number {
  if (facts.found) return CACHE_SECONDS.found;
  switch (facts.error) {
    case "not-found":
      return CACHE_SECONDS.missing;
    case "unauthorized":
      return CACHE_SECONDS.found;
    case "rate-limited":
      return Math.min(Math.max(facts.retryAfterSeconds ?? CACHE_SECONDS.unavailable, 1), CACHE_SECONDS.maxRateLimit);
    case "not-configured":
    case "invalid-key":
      return 0;
    default:
      return CACHE_SECONDS.unavailable;
  }
}
