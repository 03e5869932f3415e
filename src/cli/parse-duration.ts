import { UsageError } from "./usage-error.js";

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `30m`, `2h`, `1d` in milliseconds; anything else is a usage error of `command`'s `option`. */
export function parseDuration(text: string, option: string, command: string): number {
  const match = /^(\d+)([mhd])$/.exec(text.trim());
  const ms = match ? Number(match[1]) * UNITS[match[2]!]! : 0;
  if (!ms) throw new UsageError(`${option} expects a duration such as 30m, 2h or 1d, got "${text}"`, command);
  return ms;
}
