import type { z } from "zod";
import { configSchema, type Config } from "./schema.js";

/**
 * The dotted path of every setting a config file can hold (`scope.maxFiles`, `rules.single-scope`):
 * the leaves of the schema. Lists and maps (`scope.scopes`) are one setting each.
 */
export type SettingPath = LeafPaths<Config>;

type LeafPaths<T> = {
  [K in keyof T & string]-?: NonNullable<T[K]> extends readonly unknown[]
    ? K
    : NonNullable<T[K]> extends Record<string, unknown>
      ? string extends keyof NonNullable<T[K]>
        ? K
        : `${K}.${LeafPaths<NonNullable<T[K]>>}`
      : K;
}[keyof T & string];

const WRAPPERS = new Set(["default", "prefault", "optional", "nullable"]);

/** Every setting path, walked from the zod schema itself (a key added to the schema is listed here). */
export const SETTING_PATHS: readonly SettingPath[] = listLeaves(configSchema, "") as SettingPath[];

function listLeaves(schema: z.ZodType, prefix: string): string[] {
  const inner = unwrap(schema);
  if (inner.def.type !== "object") return [prefix];
  const shape = (inner as unknown as z.ZodObject).shape as Record<string, z.ZodType>;
  return Object.entries(shape).flatMap(([key, child]) => listLeaves(child, prefix ? `${prefix}.${key}` : key));
}

/** The schema under `.default()`, `.prefault()` and `.optional()`. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (WRAPPERS.has(current.def.type)) current = (current.def as unknown as { innerType: z.ZodType }).innerType;
  return current;
}

/** The value at `path` in a config (or a raw config object); undefined where it is absent. */
export function readSetting(config: unknown, path: string): unknown {
  let current: unknown = config;
  for (const key of path.split(".")) {
    if (!isRecord(current) || !Object.hasOwn(current, key)) return undefined;
    current = current[key];
  }
  return current;
}

/** A copy of `config` with `value` at `path`; the objects on the way are copied, nothing else. */
export function writeSetting(config: Config, path: SettingPath, value: unknown): Config {
  const [key, ...rest] = path.split(".") as [string, ...string[]];
  return writeAt(config, key, rest, value) as Config;
}

function writeAt(target: unknown, key: string, rest: string[], value: unknown): Record<string, unknown> {
  const copy = isRecord(target) ? { ...target } : {};
  const [next, ...tail] = rest;
  copy[key] = next === undefined ? value : writeAt(copy[key], next, tail, value);
  return copy;
}

/**
 * The settings a raw config object (the YAML as written, before defaults) sets. A setting that is
 * absent, or set to null, is left to the defaults.
 */
export function listSetPaths(raw: unknown): SettingPath[] {
  return SETTING_PATHS.filter((path) => readSetting(raw, path) != null);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
