import { compareValues } from "./compare-strictness.js";
import { ConfigError } from "./config-error.js";
import { formatSetting } from "./format-setting.js";
import { toProblems } from "./parse-config.js";
import { configSchema, type Config } from "./schema.js";
import { orderingOf } from "./setting-orderings.js";
import { isRecord, listSetPaths, readSetting, type SettingPath, writeSetting } from "./setting-paths.js";

/** The key of the org file that holds the floor (SPEC §12). */
export const FLOOR_KEY = "floor";

/**
 * Minimums for every repository of an owner, set under `floor:` in the file of the owner's
 * `.github` repository. Only the settings the floor sets are minimums.
 */
export interface Floor {
  /** The file that sets it, e.g. `octo/.github/.github/single-patch-order.yml`. */
  source: string;
  /** The floor, validated with the config schema (defaults filled in where it sets nothing). */
  config: Config;
  /** The settings the floor sets. */
  paths: SettingPath[];
}

/** A repository setting below the floor. */
export interface FloorViolation {
  path: SettingPath;
  /** The repository's value. */
  value: unknown;
  /** The floor's value. */
  floor: unknown;
  /** `changed`: a setting with no order (a pattern, scopes) that differs from the floor, which counts as looser. */
  verdict: "looser" | "changed";
}

/**
 * Validates the value of `floor:` like a config (the same schema: unknown keys, wrong types and
 * unsafe patterns are errors, with `floor.` key paths). Undefined when there is no floor.
 */
export function parseFloor(raw: unknown, source: string): Floor | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isRecord(raw))
    throw new ConfigError(source, [`${FLOOR_KEY}: expected a mapping of settings, got ${typeof raw}`]);
  const result = configSchema.safeParse(raw);
  if (!result.success) throw new ConfigError(source, toProblems(result.error.issues, FLOOR_KEY));
  return { source, config: result.data, paths: listSetPaths(raw) };
}

/**
 * Puts a config over the floor. Where the repository sets nothing, the floor's value applies when
 * it is stricter than the default (or only different from it: fail closed). Where the repository
 * sets a value looser than the floor, or different from it for a setting with no order, that is a
 * violation; the repository's value is kept so the caller can name it.
 */
export function applyFloor(
  config: Config,
  setPaths: readonly SettingPath[],
  floor: Floor,
): { config: Config; violations: FloorViolation[] } {
  const set = new Set(setPaths);
  const violations: FloorViolation[] = [];
  let floored = config;
  for (const path of floor.paths) {
    const value = readSetting(config, path);
    const minimum = readSetting(floor.config, path);
    const verdict = compareValues(orderingOf(path), value, minimum);
    if (verdict === "same" || verdict === "tighter") continue;
    if (set.has(path)) violations.push({ path, value, floor: minimum, verdict });
    else floored = writeSetting(floored, path, minimum);
  }
  return { config: floored, violations };
}

/**
 * The config with the floor applied, or a ConfigError from `source` naming each setting below the
 * floor: the key, the repository's value and the floor.
 */
export function enforceFloor(config: Config, setPaths: readonly SettingPath[], floor: Floor, source: string): Config {
  const { config: floored, violations } = applyFloor(config, setPaths, floor);
  if (violations.length)
    throw new ConfigError(
      source,
      violations.map((v) => describeFloorViolation(v, floor.source)),
    );
  return floored;
}

/** `scope.maxFiles: 30 is looser than the org floor 20 (floor.scope.maxFiles in octo/.github/…)`. */
export function describeFloorViolation(violation: FloorViolation, floorSource: string): string {
  const { path } = violation;
  const value = formatSetting(path, violation.value);
  const floor = formatSetting(path, violation.floor);
  const where = `${FLOOR_KEY}.${path} in ${floorSource}`;
  return violation.verdict === "looser"
    ? `${path}: ${value} is looser than the org floor ${floor} (${where})`
    : `${path}: ${value} differs from the org floor ${floor}, and this setting has no looser or tighter, so it must equal the floor (${where})`;
}

/** The error for `floor:` in a file that is not the owner's `.github` repository's config. */
export function misplacedFloorError(source: string, owner: string): ConfigError {
  return new ConfigError(source, [
    `${FLOOR_KEY}: only the ${owner}/.github repository's .github/single-patch-order.yml may set a floor; remove it here (a floor there applies to every repository of ${owner})`,
  ]);
}
