import { parseDuration } from "./parse-duration.js";
import type { Config } from "./schema.js";
import { LEVEL_ORDER, orderingOf, type Ordering } from "./setting-orderings.js";
import { readSetting, SETTING_PATHS, type SettingPath } from "./setting-paths.js";

/** How a setting compares with a reference: the same, stricter, more lenient, or only different. */
export type Strictness = "same" | "tighter" | "looser" | "changed";

/** One setting of a config next to the same setting of a reference (the default branch's, a floor). */
export interface SettingComparison {
  path: SettingPath;
  ordering: Ordering;
  /** The reference's value (undefined: not set, e.g. no commit limit). */
  before: unknown;
  /** The config's value. */
  after: unknown;
  verdict: Strictness;
}

/**
 * Compares every setting of `config` with the same setting of `reference` (SPEC §12): whether the
 * config is tighter, looser, the same or only different there. Pure. The config check builds its
 * table from it (reference: the default branch's config) and the org floor its errors (reference:
 * the floor).
 */
export function compareStrictness(config: Config, reference: Config): SettingComparison[] {
  return SETTING_PATHS.map((path) => {
    const before = readSetting(reference, path);
    const after = readSetting(config, path);
    const ordering = orderingOf(path);
    return { path, ordering, before, after, verdict: compareValues(ordering, after, before) };
  });
}

/** How `after` compares with `before` under an ordering. */
export function compareValues(ordering: Ordering, after: unknown, before: unknown): Strictness {
  switch (ordering.kind) {
    case "cap":
      return compareNumbers(before ?? Number.POSITIVE_INFINITY, after ?? Number.POSITIVE_INFINITY, "lower");
    case "duration-cap":
      return compareNumbers(toDurationMs(before), toDurationMs(after), "lower");
    case "minimum":
      return compareNumbers(before ?? 0, after ?? 0, "higher");
    case "level":
      return compareRanks(LEVEL_ORDER, before ?? "error", after ?? "error");
    case "enum":
      return compareRanks(ordering.order, before, after);
    case "flag":
      return compareRanks([false, true], Boolean(before), Boolean(after));
    case "allow-list":
      return compareSets(toList(before), toList(after), "subset");
    case "restriction":
      return compareRestrictions(toList(before), toList(after));
    case "judge-list":
      return compareSets(toList(before), toList(after), "superset");
    case "changed":
      return isDeepEqual(before, after) ? "same" : "changed";
  }
}

function compareNumbers(before: unknown, after: unknown, tighter: "lower" | "higher"): Strictness {
  if (typeof before !== "number" || typeof after !== "number") return isDeepEqual(before, after) ? "same" : "changed";
  if (before === after) return "same";
  return after < before === (tighter === "lower") ? "tighter" : "looser";
}

/** Ranks listed loosest first; a value off the list is only "changed". */
function compareRanks(order: readonly unknown[], before: unknown, after: unknown): Strictness {
  const from = order.indexOf(before);
  const to = order.indexOf(after);
  if (from < 0 || to < 0) return isDeepEqual(before, after) ? "same" : "changed";
  if (from === to) return "same";
  return to > from ? "tighter" : "looser";
}

/** Lists compared as sets: `tighterAs` says whether fewer entries (a subset) or more (a superset) is tighter. */
function compareSets(before: unknown[], after: unknown[], tighterAs: "subset" | "superset"): Strictness {
  const beforeKeys = new Set(before.map(toKey));
  const afterKeys = new Set(after.map(toKey));
  const afterWithinBefore = [...afterKeys].every((key) => beforeKeys.has(key));
  const beforeWithinAfter = [...beforeKeys].every((key) => afterKeys.has(key));
  if (afterWithinBefore && beforeWithinAfter) return "same";
  if (afterWithinBefore) return tighterAs === "subset" ? "tighter" : "looser";
  if (beforeWithinAfter) return tighterAs === "superset" ? "tighter" : "looser";
  return "changed";
}

/** An empty restriction lets everything through: any non-empty list is tighter than none. */
function compareRestrictions(before: unknown[], after: unknown[]): Strictness {
  if (!before.length && !after.length) return "same";
  if (!before.length) return "tighter";
  if (!after.length) return "looser";
  return compareSets(before, after, "subset");
}

/** A duration setting in milliseconds; unset or unreadable stays as it is (then only "changed"). */
function toDurationMs(value: unknown): unknown {
  return typeof value === "string" ? (parseDuration(value) ?? value) : value;
}

function toList(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function toKey(value: unknown): string {
  return JSON.stringify(value);
}

/** Structural equality of JSON-like values; object keys in any order. */
export function isDeepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => isDeepEqual(item, b[i]));
  }
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  const aKeys = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const bKeys = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every((k) => isDeepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
