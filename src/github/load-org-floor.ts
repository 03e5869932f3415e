import { CONFIG_PATH } from "../config/config-path.js";
import { FLOOR_KEY, misplacedFloorError, parseFloor, type Floor } from "../config/org-floor.js";
import { parseYamlText } from "../config/parse-config.js";
import { isRecord } from "../config/setting-paths.js";
import { type ConfigLayer, describeLayer, isOrgConfigLayer, ORG_CONFIG_REPO } from "../config/config-layer.js";
import type { GitHubClient, RepoRef } from "./github-client.js";
import { readFileText } from "./read-file-text.js";

/**
 * The org floor that binds `repo` (SPEC §12), whatever its `_extends`: the `floor:` of the file of
 * the owner's `.github` repository. Taken from `chain` when the config read already holds that file
 * (a repository without its own file, or one whose `_extends` reaches it); otherwise read with one
 * GET of that file on its default branch (`readOrgConfigLayer`). Undefined when there is none.
 *
 * Throws ConfigError for `floor:` in any other file of the chain, for an org file that is not YAML,
 * and for a floor that is not valid; SourceError when GitHub cannot be read (the floor is never
 * skipped because it could not be read).
 */
export async function loadOrgFloor(
  octokit: GitHubClient,
  repo: RepoRef,
  chain: readonly ConfigLayer[],
): Promise<OrgFloor> {
  for (const layer of chain)
    if (layer.config && Object.hasOwn(layer.config, FLOOR_KEY) && !isOrgConfigLayer(layer, repo.owner))
      throw misplacedFloorError(describeLayer(layer), repo.owner);
  const inChain = chain.find((layer) => isOrgConfigLayer(layer, repo.owner));
  const org = inChain ?? (await readOrgConfigLayer(octokit, repo));
  const floor = org?.config ? parseFloor(org.config[FLOOR_KEY], describeLayer(org)) : undefined;
  return { ...(floor ? { floor } : {}), ...(org && !inChain ? { orgLayer: org } : {}) };
}

/** The floor, and the org file when it was read for it (outside the config chain). */
export interface OrgFloor {
  floor?: Floor;
  orgLayer?: ConfigLayer;
}

/**
 * The owner's shared file (`<owner>/.github`, `.github/single-patch-order.yml`, default branch) as
 * a layer: one GET. Its `_extends` is left in place and not followed: only its own `floor:` counts.
 */
export async function readOrgConfigLayer(octokit: GitHubClient, repo: RepoRef): Promise<ConfigLayer | undefined> {
  const location = { owner: repo.owner, repo: ORG_CONFIG_REPO, path: CONFIG_PATH };
  const text = await readFileText(octokit, { owner: location.owner, repo: location.repo }, CONFIG_PATH);
  if (text === undefined) return undefined;
  const raw = parseYamlText(text, describeLayer(location));
  return { ...location, config: isRecord(raw) ? raw : {} };
}
