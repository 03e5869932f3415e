import { type ConfigLayer, withoutFloor } from "./config-layer.js";
import { ConfigError } from "./config-error.js";
import { applyFloor, FLOOR_KEY, type Floor, type FloorViolation, parseFloor } from "./org-floor.js";
import { parseConfig, parseYamlText } from "./parse-config.js";
import { type ExtendsTarget, isSameTarget, resolveExtends } from "./resolve-extends.js";
import type { Config } from "./schema.js";
import { isRecord, listSetPaths } from "./setting-paths.js";

/** What a proposed config file is judged against: the repository and what its default branch reads today. */
export interface ProposedConfigContext {
  owner: string;
  /** The file is the owner's shared one (`<owner>/.github`): it may set a floor, and its floor binds it. */
  isOrgFile: boolean;
  /** Names the file in errors, e.g. `octo/shop/.github/single-patch-order.yml@1a2b3c4`. */
  source: string;
  /** The default branch's config chain as the loader read it, nearest first: files already trusted. */
  chain: readonly ConfigLayer[];
  /** The owner's shared file, when the loader read it for the floor outside the chain (its `_extends` not followed). */
  orgLayer?: ConfigLayer;
  /**
   * The floor that binds the repository today. For the org file it applies only when the text sets
   * none, and the App passes none (removing the floor removes it).
   */
  floor?: Floor;
}

/** A valid proposed file, as it would apply. */
export interface ProposedConfig {
  /** The config the repository would get: the file over what it inherits, the floor under it. */
  config: Config;
  /** The floor that would bind it. */
  floor?: Floor;
  /** Settings the file sets below the floor: the config check fails on each. */
  violations: FloorViolation[];
  /** The file's `_extends`, and whether what it names was taken into account (never read for a PR). */
  extends?: { value: string; followed: boolean };
}

/**
 * Judges a config file proposed by a pull request from its text alone (SPEC §12). Pure: nothing
 * the text names is read. Its `_extends` counts only when it names a file the default branch's
 * config already reads (`context.chain`): then that file's settings, as read from its own default
 * branch, are inherited; otherwise it is not followed, and the file's own settings are judged over
 * the defaults. Throws one ConfigError with every problem (settings, `floor:`, `_extends`).
 */
export function evaluateProposedConfig(text: string, context: ProposedConfigContext): ProposedConfig {
  const raw = parseYamlText(text, context.source) ?? {};
  if (!isRecord(raw)) throw new ConfigError(context.source, ["(root): expected a mapping of keys"]);
  const { _extends: extendsValue, ...withFloor } = raw;
  const own = withoutFloor(withFloor);
  const problems: string[] = [];
  const collect = <T>(read: () => T): T | undefined => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(...error.problems);
      return undefined;
    }
  };
  collect(() => parseConfig(own, context.source));
  const ownFloor = context.isOrgFile ? collect(() => parseFloor(raw[FLOOR_KEY], context.source)) : undefined;
  const floor = ownFloor ?? context.floor;
  if (!context.isOrgFile && Object.hasOwn(raw, FLOOR_KEY))
    problems.push(
      `${FLOOR_KEY}: only the ${context.owner}/.github repository's .github/single-patch-order.yml may set a floor; remove it here`,
    );
  const target = extendsValue === undefined ? undefined : resolveExtends(extendsValue, context.owner);
  if (extendsValue !== undefined && !target)
    problems.push(`_extends: expected repo, owner/repo or owner/repo:path.yml, got ${JSON.stringify(extendsValue)}`);
  if (problems.length) throw new ConfigError(context.source, problems);

  const inherited = target ? findInherited(context, target) : undefined;
  const merged = mergeLayers([own, ...(inherited ?? [])]);
  const parsed = parseConfig(merged, context.source);
  const { config, violations } = floor
    ? applyFloor(parsed, listSetPaths(merged), floor)
    : { config: parsed, violations: [] };
  return {
    config,
    ...(floor ? { floor } : {}),
    violations,
    ...(typeof extendsValue === "string"
      ? { extends: { value: extendsValue, followed: inherited !== undefined } }
      : {}),
  };
}

/**
 * The settings `_extends` brings in, when it names a file already read from its default branch:
 * the default branch's chain after the repository's own file (chain[0]), or the owner's shared file
 * read for the floor when it extends nothing itself. Undefined: not followed.
 */
function findInherited(context: ProposedConfigContext, target: ExtendsTarget): Record<string, unknown>[] | undefined {
  const at = context.chain.findIndex((layer, i) => i > 0 && layer.config !== null && isSameTarget(layer, target));
  if (at > 0) return context.chain.slice(at).flatMap((layer) => (layer.config ? [withoutFloor(layer.config)] : []));
  const org = context.orgLayer?.config;
  if (org && !Object.hasOwn(org, "_extends") && context.orgLayer && isSameTarget(context.orgLayer, target))
    return [withoutFloor(org)];
  return undefined;
}

/**
 * Merges config objects, nearest first, as the loader does: maps merge key by key, and a list or
 * a value in a nearer file replaces the inherited one.
 */
export function mergeLayers(layers: readonly Record<string, unknown>[]): Record<string, unknown> {
  return layers.reduceRight<Record<string, unknown>>((inherited, nearer) => mergeTwo(inherited, nearer), {});
}

function mergeTwo(inherited: Record<string, unknown>, nearer: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...inherited };
  for (const [key, value] of Object.entries(nearer)) {
    const base = merged[key];
    merged[key] = isRecord(base) && isRecord(value) ? mergeTwo(base, value) : value;
  }
  return merged;
}
