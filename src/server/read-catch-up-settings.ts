/** How the server catches up on deliveries it missed (SPEC §10), from the environment. */
export interface CatchUpSettings {
  /** Between two passes; 0: catch-up is off (no deliveries call at all). */
  intervalMs: number;
  /** Deliveries whose first attempt is older are left alone. */
  windowMs: number;
}

export const DEFAULT_CATCHUP_INTERVAL_S = 300;
export const DEFAULT_CATCHUP_WINDOW_H = 24;
/** GitHub keeps an App's deliveries for 3 days: a longer window finds nothing more. */
export const MAX_CATCHUP_WINDOW_H = 72;

/**
 * `CATCHUP_INTERVAL_S` (whole seconds, 0 turns catch-up off; default 300) and `CATCHUP_WINDOW_H`
 * (hours, more than 0 and at most 72; default 24), or what is wrong with them: a mistyped value
 * stops the server rather than silently catching up on another schedule.
 */
export function readCatchUpSettings(env: NodeJS.ProcessEnv): CatchUpSettings | { problem: string } {
  const interval = env.CATCHUP_INTERVAL_S?.trim() || String(DEFAULT_CATCHUP_INTERVAL_S);
  const window = env.CATCHUP_WINDOW_H?.trim() || String(DEFAULT_CATCHUP_WINDOW_H);
  if (!/^\d+$/.test(interval))
    return {
      problem: `CATCHUP_INTERVAL_S must be a whole number of seconds (0 turns catch-up off), got "${interval}".`,
    };
  const hours = /^\d+(\.\d+)?$/.test(window) ? Number(window) : Number.NaN;
  if (!(hours > 0 && hours <= MAX_CATCHUP_WINDOW_H))
    return {
      problem: `CATCHUP_WINDOW_H must be a number of hours above 0 and at most ${MAX_CATCHUP_WINDOW_H} (GitHub keeps deliveries for 3 days), got "${window}".`,
    };
  return { intervalMs: Number(interval) * 1000, windowMs: hours * 3_600_000 };
}
