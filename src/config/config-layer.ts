import { CONFIG_PATH } from "./config-path.js";
import { FLOOR_KEY } from "./org-floor.js";

/** One file of a config chain (the repository's file, the org fallback, `_extends` targets), as read. */
export interface ConfigLayer {
  owner: string;
  repo: string;
  path: string;
  /** The file's YAML as an object (`_extends` already followed and removed); null when there is no file. */
  config: Record<string, unknown> | null;
}

/** The repository that holds an owner's shared config and floor: `<owner>/.github`. */
export const ORG_CONFIG_REPO = ".github";

/** Whether a layer is the owner's shared file: `.github/single-patch-order.yml` of `<owner>/.github`. */
export function isOrgConfigLayer(layer: Pick<ConfigLayer, "owner" | "repo" | "path">, owner: string): boolean {
  return (
    layer.owner.toLowerCase() === owner.toLowerCase() &&
    layer.repo.toLowerCase() === ORG_CONFIG_REPO &&
    layer.path === CONFIG_PATH
  );
}

/** Where a layer lives, as config errors name it: `octo/.github/.github/single-patch-order.yml`. */
export function describeLayer(layer: Pick<ConfigLayer, "owner" | "repo" | "path">): string {
  return `${layer.owner}/${layer.repo}/${layer.path}`;
}

/** A layer's settings without its floor: the floor is a minimum, never a setting that is merged. */
export function withoutFloor(config: Record<string, unknown>): Record<string, unknown> {
  if (!Object.hasOwn(config, FLOOR_KEY)) return config;
  const { [FLOOR_KEY]: _floor, ...settings } = config;
  return settings;
}
