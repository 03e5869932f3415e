import type { Config } from "../../config/schema.js";
import type { ChangedFile } from "../change.js";
import { classifyFile, matchesAny } from "./classify-file.js";

/** The scope of files at the top level of the repository. */
export const ROOT_SCOPE = "(root)";

/**
 * The scope a file belongs to. With declared `scope.scopes`: the first scope whose globs match,
 * or undefined when none does. Otherwise: the workspace package folder holding the file,
 * else `container/child` for a file below a container folder (`src/checkout`), else the first
 * path segment, else `(root)`.
 */
export function findScope(
  path: string,
  scope: Pick<Config["scope"], "scopes" | "containers">,
  workspaces: readonly string[],
): string | undefined {
  const declared = Object.entries(scope.scopes ?? {});
  if (declared.length > 0) return declared.find(([, globs]) => matchesAny(path, globs))?.[0];

  const segments = path.split("/");
  const folder = findWorkspaceFolder(segments, workspaces);
  if (folder !== undefined) return folder;
  const [first, second] = segments;
  if (first === undefined || segments.length === 1) return ROOT_SCOPE;
  if (scope.containers.includes(first) && segments.length >= 3 && second !== undefined) return `${first}/${second}`;
  return first;
}

/**
 * Whether findScope can need the repository's workspaces for these files: only without declared
 * scopes, and only when the production files lie in more than one folder. Sources read the
 * workspace manifests only then.
 */
export function needsWorkspaces(
  files: readonly ChangedFile[],
  config: Pick<Config, "scope" | "tests" | "docs">,
): boolean {
  if (config.scope.scopes) return false;
  const folders = new Set(
    files.filter((f) => classifyFile(f.path, config) === "production").map((f) => f.path.replace(/\/?[^/]*$/, "")),
  );
  return folders.size > 1;
}

/**
 * The workspace package folder holding a file. Globs are read as package managers write them
 * (`./packages/*`, a trailing slash, `!packages/private` to exclude). The deepest folder matching a
 * glob without `**` wins; a `**` glob matches every folder below it, so for those the shallowest
 * matching folder is the package (`apps/**` puts `apps/web/src/x.ts` in `apps/web`).
 */
function findWorkspaceFolder(segments: string[], workspaces: readonly string[]): string | undefined {
  const normalized = workspaces
    .map((w) =>
      w
        .trim()
        .replace(/^(!?)\.\//, "$1")
        .replace(/\/+$/, ""),
    )
    .filter((w) => w.replace(/^!/, "") !== "" && w !== ".");
  const included = normalized.filter((w) => !w.startsWith("!"));
  const excluded = normalized.filter((w) => w.startsWith("!")).map((w) => w.slice(1));
  const exact = included.filter((w) => !w.includes("**"));
  const deep = included.filter((w) => w.includes("**"));
  const folders = segments.slice(0, -1).map((_, i) => segments.slice(0, i + 1).join("/"));
  const isPackage = (folder: string, globs: string[]) => matchesAny(folder, globs) && !matchesAny(folder, excluded);
  return folders.findLast((folder) => isPackage(folder, exact)) ?? folders.find((folder) => isPackage(folder, deep));
}
