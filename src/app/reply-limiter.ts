/**
 * At most one reply per person per pull request per window, for the replies anyone can ask for:
 * `/spo help`, an unknown command, a refused override, `/spo explain` from a non-writer (SPEC §8
 * "Bounded work"). Each reply is a comment, and comments share the installation's
 * content-creation limit with check runs, so unbounded replies let anyone on a public repository
 * spend the App's write budget.
 */
export interface ReplyLimiter {
  /** True when the caller may reply for `key` now; the window starts with that reply. */
  claim(key: string): Promise<boolean>;
}

/** The window: at most one reply per person per PR per 10 minutes. */
export const REPLY_WINDOW_SECONDS = 10 * 60;
/** Most keys kept in memory; the oldest are forgotten first (a forgotten key only allows a reply early). */
export const MAX_MEMORY_REPLY_KEYS = 10_000;

/** In this process only (the default without REDIS_URL): a bounded map of key → end of its window. */
export function createMemoryReplyLimiter(
  now: () => Date,
  options: { windowSeconds?: number; max?: number } = {},
): ReplyLimiter {
  const { windowSeconds = REPLY_WINDOW_SECONDS, max = MAX_MEMORY_REPLY_KEYS } = options;
  const until = new Map<string, number>();
  return {
    async claim(key) {
      const at = now().getTime();
      const end = until.get(key);
      if (end !== undefined && end > at) return false;
      until.delete(key);
      until.set(key, at + windowSeconds * 1000);
      while (until.size > max) until.delete(until.keys().next().value!);
      return true;
    },
  };
}

/** The key of one person on one pull request (logins are case-insensitive). */
export function toReplyKey(repo: { owner: string; repo: string }, number: number, login: string): string {
  return `${repo.owner}/${repo.repo}#${number}@${login}`.toLowerCase();
}
