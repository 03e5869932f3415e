import { parseDuration as parseConfigDuration } from "../config/parse-duration.js";
import { UsageError } from "./usage-error.js";

/** `30m`, `2h`, `1d` in milliseconds, read as the config reads durations; anything else is a usage error of `command`'s `option`. */
export function parseDuration(text: string, option: string, command: string): number {
  const ms = parseConfigDuration(text.trim());
  if (ms === undefined)
    throw new UsageError(`${option} expects a duration such as 30m, 2h or 1d, got "${text}"`, command);
  return ms;
}
