import { compareFloors } from "../../config/compare-floors.js";
import { compareStrictness } from "../../config/compare-strictness.js";
import type { ConfigChangeReport, ConfigFileStatus } from "../../config/config-change-report.js";
import { ConfigError } from "../../config/config-error.js";
import { CONFIG_PATH } from "../../config/config-path.js";
import { ORG_CONFIG_REPO } from "../../config/config-layer.js";
import { evaluateProposedConfig } from "../../config/evaluate-proposed-config.js";
import { DEFAULT_CONFIG } from "../../config/parse-config.js";
import { countInheritingRepos } from "../../github/count-inheriting-repos.js";
import { describeFailure } from "../../render/describe-failure.js";
import { loadOrgFloor } from "../../github/load-org-floor.js";
import { loadRepoSettings, type RepoSettings } from "../../github/load-repo-config.js";
import type { PullRequestData } from "../../github/pull-request-data.js";
import { readPullConfigText } from "../../github/read-pull-config-text.js";
import type { JudgeTarget } from "./judge-target.js";

/** A config file bigger than this is not judged: no policy needs it, and the check must stay small. */
export const MAX_CONFIG_BYTES = 256 * 1024;

/**
 * Assesses a pull request that changes the config file (SPEC §12): what applies today (the default
 * branch, with the org floor), what would apply after merge (the PR's file judged from its text at
 * the head SHA; for a removed file, what the repository falls back to), every setting that changes,
 * and for the org file how the floor changes and how many repositories inherit it. Writes nothing.
 * Throws SourceError when GitHub cannot be read; a broken config on either side is part of the report.
 */
export async function assessConfigChange(
  target: JudgeTarget,
  pr: PullRequestData,
  status: ConfigFileStatus,
  known?: RepoSettings,
): Promise<ConfigChangeReport> {
  const { octokit, repo, defaultBranch } = target;
  const isOrgFile = repo.repo.toLowerCase() === ORG_CONFIG_REPO;
  const current = known ?? (await loadRepoSettings(octokit, repo, defaultBranch).catch(keepConfigError));
  const before =
    current instanceof ConfigError
      ? { source: current.source, error: current }
      : {
          source: current.configSource,
          config: current.config,
          ...(current.layers?.floor ? { floor: current.layers.floor } : {}),
        };
  const after =
    status === "removed" ? await readFallback(target, isOrgFile) : await readProposed(target, pr, isOrgFile, current);
  const beforeConfig = "config" in before ? before.config : DEFAULT_CONFIG;
  const settings =
    "proposed" in after
      ? compareStrictness(after.proposed.config, beforeConfig).filter((s) => s.verdict !== "same")
      : [];
  const floorChanges =
    isOrgFile && "proposed" in after
      ? compareFloors(after.proposed.floor, "floor" in before ? before.floor : undefined)
      : [];
  return {
    repository: `${repo.owner}/${repo.repo}`,
    status,
    headSha: pr.head.sha,
    isOrgFile,
    baseBranch: pr.base.ref,
    defaultBranch,
    before,
    after,
    settings,
    floorChanges,
    ...(isOrgFile ? { inheriting: await countInheriting(target) } : {}),
  };
}

/** The PR's file, judged from its text: never through the config loader, and nothing it names is read. */
async function readProposed(
  target: JudgeTarget,
  pr: PullRequestData,
  isOrgFile: boolean,
  current: RepoSettings | ConfigError,
): Promise<ConfigChangeReport["after"]> {
  const { octokit, repo } = target;
  const source = `${repo.owner}/${repo.repo}/${CONFIG_PATH}@${pr.head.sha.slice(0, 7)}`;
  const text = await readPullConfigText(octokit, repo, pr);
  if (text === undefined)
    return { source, error: new ConfigError(source, [`(file): ${CONFIG_PATH} is not a file at ${pr.head.sha}`]) };
  if (Buffer.byteLength(text) > MAX_CONFIG_BYTES)
    return { source, error: new ConfigError(source, [`(file): larger than ${MAX_CONFIG_BYTES / 1024} KiB`]) };
  try {
    // The floor binds the proposed file even when today's config is broken: read it on its own then.
    const layers =
      current instanceof ConfigError ? (isOrgFile ? undefined : await loadOrgFloor(octokit, repo, [])) : current.layers;
    const proposed = evaluateProposedConfig(text, {
      owner: repo.owner,
      isOrgFile,
      source,
      chain: current instanceof ConfigError ? [] : (current.layers?.chain ?? []),
      ...(layers && "orgLayer" in layers && layers.orgLayer ? { orgLayer: layers.orgLayer } : {}),
      // The org file's floor is the one in its text: removing it removes the floor.
      ...(layers?.floor && !isOrgFile ? { floor: layers.floor } : {}),
    });
    return { source, proposed };
  } catch (error) {
    if (error instanceof ConfigError) return { source: error.source, error };
    throw error;
  }
}

/**
 * What applies once the file is gone: for a repository, the org file (with its `_extends` and
 * floor) read as the loader reads it; for the org file itself, the defaults.
 */
async function readFallback(target: JudgeTarget, isOrgFile: boolean): Promise<ConfigChangeReport["after"]> {
  if (isOrgFile) return { source: "(defaults)", proposed: { config: DEFAULT_CONFIG, violations: [] } };
  const org = { owner: target.repo.owner, repo: ORG_CONFIG_REPO };
  const settings = await loadRepoSettings(target.octokit, org, "HEAD").catch(keepConfigError);
  if (settings instanceof ConfigError) return { source: settings.source, error: settings };
  const floor = settings.layers?.floor;
  return {
    source: settings.configSource,
    proposed: { config: settings.config, violations: [], ...(floor ? { floor } : {}) },
  };
}

/** Best effort: the count informs, it never decides the check; a failure is shown as such. */
async function countInheriting(target: JudgeTarget): Promise<NonNullable<ConfigChangeReport["inheriting"]>> {
  try {
    return await countInheritingRepos(target.octokit, target.repo.owner);
  } catch (error) {
    target.log.warn({ err: error }, "could not count the repositories that inherit the org config");
    return { error: describeFailure(error).reason };
  }
}

function keepConfigError(error: unknown): ConfigError {
  if (error instanceof ConfigError) return error;
  throw error;
}
