/** Minutes, hours and days: the units a config duration (`forwardPort.within`) may use. */
const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** The longest duration a config may give: a year. */
export const MAX_DURATION_MS = 365 * UNIT_MS.d!;

/**
 * A duration as a config writes it, `30m`, `72h` or `7d`, in milliseconds; undefined for anything
 * else (no unit, another unit, zero, more than a year, a fraction, a sign).
 */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d{1,6})([mhd])$/.exec(text);
  if (!match) return undefined;
  const ms = Number(match[1]) * (UNIT_MS[match[2] ?? ""] ?? 0);
  return ms > 0 && ms <= MAX_DURATION_MS ? ms : undefined;
}
