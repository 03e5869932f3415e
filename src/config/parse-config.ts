import { parse as parseYaml, YAMLParseError } from "yaml";
import type { z } from "zod";
import { ConfigError } from "./config-error.js";
import { RULE_IDS } from "./rule-ids.js";
import { configSchema, type Config } from "./schema.js";

/** The config that applies when a repository has none. */
export const DEFAULT_CONFIG: Config = configSchema.parse({});

/**
 * Validates an already-decoded config object (Probot's `context.config` returns one).
 * Throws ConfigError naming `source` and every key path that is wrong; never fills a bad value
 * with a default.
 */
export function parseConfig(raw: unknown, source: string): Config {
  if (raw === null || raw === undefined) return DEFAULT_CONFIG;
  if (!isRecord(raw)) throw new ConfigError(source, [`(root): expected a mapping of keys, got ${describe(raw)}`]);
  // `_extends` is resolved by the loader (Probot's config plugin) before the object gets here.
  const { _extends: _resolvedByLoader, ...rest } = raw;
  const result = configSchema.safeParse(rest);
  if (result.success) return result.data;
  throw new ConfigError(source, toProblems(result.error.issues));
}

/** `key.path: what was expected` for each issue; `prefix` names where the object sits (`floor`). */
export function toProblems(issues: readonly z.core.$ZodIssue[], prefix?: string): string[] {
  return issues.map((issue) =>
    formatIssue(prefix ? ({ ...issue, path: [prefix, ...issue.path] } as z.core.$ZodIssue) : issue),
  );
}

/** Parses YAML text, then validates it. A YAML syntax error is a ConfigError with its line. */
export function parseConfigText(text: string, source: string): Config {
  return parseConfig(parseYamlText(text, source), source);
}

/** YAML text → the object it holds. A YAML syntax error is a ConfigError with its line. */
export function parseYamlText(text: string, source: string): unknown {
  let raw: unknown;
  try {
    raw = parseYaml(text, { maxAliasCount: 100 });
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const where = error.linePos?.[0] ? `line ${error.linePos[0].line}, column ${error.linePos[0].col}` : "(yaml)";
      throw new ConfigError(source, [`${where}: invalid YAML: ${error.message.split("\n")[0]}`]);
    }
    throw new ConfigError(source, [`(yaml): invalid YAML: ${error instanceof Error ? error.message : String(error)}`]);
  }
  return raw;
}

function formatIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.length ? issue.path.map(String).join(".") : "(root)";
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys.map((k) => `"${k}"`).join(", ");
    const expected = path === "rules" || path.endsWith(".rules") ? `; rule ids are ${RULE_IDS.join(", ")}` : "";
    return `${path}: unknown key${issue.keys.length > 1 ? "s" : ""} ${keys}${expected}`;
  }
  return `${path}: ${issue.message}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  return typeof value === "string" ? `the text "${value.slice(0, 40)}"` : typeof value;
}
