/**
 * Who handles a webhook delivery: the first to claim its id. GitHub sends a delivery once, but a
 * proxy or load balancer that retries, or two replicas behind one, can hand the same delivery in
 * twice; judging it twice would publish two check runs.
 *
 * A claim is released when handling fails, so that a redelivery from GitHub's UI (which keeps the
 * delivery id) is handled again; a delivery that succeeded stays claimed for the TTL.
 */
export interface DeliveryClaims {
  /** True when this caller is the first to claim the id (within the TTL). */
  claim(id: string): Promise<boolean>;
  release(id: string): Promise<void>;
}

/** How long a handled delivery id is remembered. */
export const CLAIM_TTL_SECONDS = 60 * 60;
/** Most ids kept in memory; the oldest are forgotten first. */
export const MAX_MEMORY_CLAIMS = 10_000;

/** Claims in this process only: a bounded map in insertion order (oldest first), each id with its expiry. */
export function createMemoryClaims(options: { max?: number; ttlMs?: number; now?: () => number } = {}): DeliveryClaims {
  const { max = MAX_MEMORY_CLAIMS, ttlMs = CLAIM_TTL_SECONDS * 1000, now = Date.now } = options;
  const expiries = new Map<string, number>();
  return {
    async claim(id) {
      const expiry = expiries.get(id);
      if (expiry !== undefined && expiry > now()) return false;
      expiries.delete(id);
      expiries.set(id, now() + ttlMs);
      while (expiries.size > max) expiries.delete(expiries.keys().next().value!);
      return true;
    },
    async release(id) {
      expiries.delete(id);
    },
  };
}
