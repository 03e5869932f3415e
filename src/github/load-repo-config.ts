import deepmerge from "deepmerge";
import { YAMLParseError } from "yaml";
import { CONFIG_PATH } from "../config/config-path.js";
import type { Config } from "../config/schema.js";
import { DEFAULT_CONFIG, parseConfig } from "../config/parse-config.js";
import { ConfigError } from "../config/config-error.js";
import { enforceFloor, type Floor } from "../config/org-floor.js";
import { listSetPaths } from "../config/setting-paths.js";
import { type ConfigLayer, withoutFloor } from "../config/config-layer.js";
import { toSourceError } from "./describe-github-error.js";
import { loadOrgFloor } from "./load-org-floor.js";
import type { GitHubClient, RepoRef } from "./github-client.js";

/** What the App reads from a repository's default branch before judging anything. */
export interface RepoSettings {
  config: Config;
  /** Where the config came from, for error messages and the report (`(defaults)` when none). */
  configSource: string;
  /** The files the config was read from, nearest first, and the org floor put under it. */
  layers?: { chain: ConfigLayer[]; floor?: Floor; orgLayer?: ConfigLayer };
}

type Configuration = Record<string, unknown>;

/**
 * Reads the config from the repository's default branch, falling back to the org's `.github`
 * repository, never from a PR's head (a PR cannot relax its own rules). Uses Probot's config
 * plugin, exactly as `context.config` does (org fallback, `_extends` chains), with one change:
 * a list in a closer file replaces the inherited list instead of being appended to it, so a
 * repository can narrow org defaults. One GET when the repository has the file, two when not; on
 * the App's server each is conditional (read-conditionally.ts), so an unchanged file is a free 304.
 *
 * Then the org floor (SPEC §12, load-org-floor.ts): a repository setting looser than the floor is a
 * ConfigError; where the repository sets nothing, a stricter floor value applies. That costs one more
 * GET (the org file) when the repository has its own file whose `_extends` does not reach the org file.
 */
export async function loadRepoSettings(
  octokit: GitHubClient,
  repo: RepoRef,
  defaultBranch: string,
): Promise<RepoSettings> {
  const ownSource = `${repo.owner}/${repo.repo}/${CONFIG_PATH}@${defaultBranch}`;
  try {
    const { config, files } = await octokit.config.get({
      ...repo,
      path: CONFIG_PATH,
      defaults: (configs: Configuration[]) =>
        deepmerge.all<Configuration>([{}, ...configs.map(withoutFloor)], {
          arrayMerge: (_target, source: unknown[]) => source,
        }),
    });
    const found = files.filter((file) => file.config !== null);
    if (!found.length) return { config: DEFAULT_CONFIG, configSource: "(defaults)", layers: { chain: files } };
    const first = found[0]!;
    const source =
      first.repo === repo.repo && first.owner === repo.owner ? ownSource : `${first.owner}/${first.repo}/${first.path}`;
    const configSource = found.length > 1 ? `${source} (with _extends)` : source;
    const { floor, orgLayer } = await loadOrgFloor(octokit, repo, files);
    const parsed = parseConfig(config, configSource);
    return {
      config: floor ? enforceFloor(parsed, listSetPaths(config), floor, configSource) : parsed,
      configSource,
      layers: { chain: files, ...(floor ? { floor } : {}), ...(orgLayer ? { orgLayer } : {}) },
    };
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw toConfigError(error, ownSource) ?? toSourceError(error, "reading the config");
  }
}

/** The config plugin's own errors (bad YAML, `_extends` loops, a directory) are config errors. */
function toConfigError(error: unknown, source: string): ConfigError | undefined {
  const message = error instanceof Error ? error.message : "";
  if (!message.startsWith("[@probot/octokit-plugin-config]")) return undefined;
  const cause = (error as { cause?: unknown }).cause;
  const plain = message.replace("[@probot/octokit-plugin-config] ", "");
  if (cause instanceof YAMLParseError) {
    const where = cause.linePos?.[0] ? `line ${cause.linePos[0].line}, column ${cause.linePos[0].col}` : "(yaml)";
    return new ConfigError(source, [`${where}: invalid YAML: ${cause.message.split("\n")[0]}`]);
  }
  if (cause instanceof Error) return new ConfigError(source, [`(yaml): invalid YAML: ${cause.message.split("\n")[0]}`]);
  return new ConfigError(source, [`_extends: ${plain}`]);
}
