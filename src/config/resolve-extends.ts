import { CONFIG_PATH } from "./config-path.js";

/** The file an `_extends` value names. */
export interface ExtendsTarget {
  owner: string;
  repo: string;
  path: string;
}

// Probot's config plugin reads `_extends` with this expression (octokit-plugin-config,
// util/extends-to-get-content-params.js): `repo`, `owner/repo`, `owner/repo:path.yml`.
const EXTENDS = /^(?:([a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38})\/)?([-_.\w\d]+)(?::([-_./\w\d]+\.ya?ml))?$/i;

/**
 * The file `_extends: value` names, as Probot resolves it: the owner defaults to the repository's,
 * the path to the config file's. Undefined when the value is not one Probot accepts.
 */
export function resolveExtends(value: unknown, owner: string): ExtendsTarget | undefined {
  if (typeof value !== "string") return undefined;
  const match = EXTENDS.exec(value);
  if (!match) return undefined;
  return { owner: match[1] ?? owner, repo: match[2] ?? "", path: match[3] ?? CONFIG_PATH };
}

/** Whether two targets are the same file (owner and repository names are case-insensitive on GitHub). */
export function isSameTarget(a: ExtendsTarget, b: ExtendsTarget): boolean {
  return (
    a.owner.toLowerCase() === b.owner.toLowerCase() &&
    a.repo.toLowerCase() === b.repo.toLowerCase() &&
    a.path === b.path
  );
}
