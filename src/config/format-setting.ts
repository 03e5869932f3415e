import { orderingOf } from "./setting-orderings.js";
import type { SettingPath } from "./setting-paths.js";

/**
 * A setting's value as a user would write it, for messages and tables: numbers and words bare,
 * lists and maps as JSON; an absent cap is "no limit" and an unlisted rule "error".
 */
export function formatSetting(path: SettingPath, value: unknown): string {
  if (value === undefined) {
    const { kind } = orderingOf(path);
    if (kind === "cap") return "no limit";
    if (kind === "level") return "error";
    return "(not set)";
  }
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}
