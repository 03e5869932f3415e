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
  const key = toCacheKey(raw, source);
  const cached = key === undefined ? undefined : parsed.get(key);
  if (cached) {
    parsed.delete(key!);
    parsed.set(key!, cached);
    if (cached instanceof ConfigError) throw cached;
    return cached;
  }
  try {
    const config = validate(raw, source);
    remember(key, config);
    return config;
  } catch (error) {
    if (error instanceof ConfigError) remember(key, error);
    throw error;
  }
}

// Every event reads the config again (SPEC §15: a changed file applies at once), and validating
// compiles every glob and pattern in it. The same text is validated once: results (a config or
// its ConfigError) are kept by content and source, least recently used first out. Configs are
// small; a huge one is not kept.
const MAX_CACHED_CONFIGS = 200;
const MAX_CACHED_KEY_CHARS = 64 * 1024;
const parsed = new Map<string, Config | ConfigError>();

function toCacheKey(raw: unknown, source: string): string | undefined {
  let text: string;
  try {
    text = JSON.stringify(raw);
  } catch {
    return undefined;
  }
  return text.length > MAX_CACHED_KEY_CHARS ? undefined : `${source}\n${text}`;
}

function remember(key: string | undefined, value: Config | ConfigError): void {
  if (key === undefined) return;
  parsed.set(key, value);
  while (parsed.size > MAX_CACHED_CONFIGS) parsed.delete(parsed.keys().next().value!);
}

function validate(raw: unknown, source: string): Config {
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
    const server = issue.keys.some((key) => namesServerSetting(path, key)) ? SERVER_SETTINGS : "";
    return `${path}: unknown key${issue.keys.length > 1 ? "s" : ""} ${keys}${expected}${server}`;
  }
  return `${path}: ${issue.message}`;
}

/**
 * A repository config can never point the App's tracker credentials at a host: a PR author could
 * otherwise send them to a server of their own (SPEC §14). Such keys are unknown keys anyway (every
 * object is strict); this makes the error say why.
 */
const SERVER_SETTINGS =
  "; hosts and credentials are the server's, never the repository's: the App's operator sets JIRA_URL with JIRA_TOKEN (Data Center) or JIRA_EMAIL and JIRA_API_TOKEN (Cloud), LINEAR_API_KEY and LINEAR_API_URL in its environment";
const HOST_OR_CREDENTIAL =
  /url|uri|host|endpoint|server|domain|site|token|secret|password|email|user|auth|credential|key|jira|linear/i;

function namesServerSetting(path: string, key: string): boolean {
  return path.startsWith("ticket")
    ? HOST_OR_CREDENTIAL.test(key)
    : path === "(root)" && /jira|linear|tracker/i.test(key);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  return typeof value === "string" ? `the text "${value.slice(0, 40)}"` : typeof value;
}
