import type { Config } from "../../config/schema.js";
import type { ChangedFile } from "../change.js";
import { classifyFile, matchesAny } from "./classify-file.js";
import type { Unit } from "./scopes/unit.js";

/** The scope of files at the top level of the repository, and of a root unit. */
export const ROOT_SCOPE = "(root)";

export interface FileScope {
  name: string;
  /** The file lies in a migration environment that joins the change's one other scope. */
  attached?: boolean;
}

/**
 * The scope a file belongs to. With declared `scope.scopes`: the first scope whose globs match,
 * or undefined when none does. Otherwise the deepest unit the build declares that holds the file
 * (scopes/find-units.ts), else `container/child` below a container folder (`src/checkout`), else
 * the first path segment, else `(root)`.
 */
export function findScope(
  path: string,
  scope: Pick<Config["scope"], "scopes" | "containers">,
  units: readonly Unit[],
): FileScope | undefined {
  const declared = Object.entries(scope.scopes ?? {});
  if (declared.length > 0) {
    const name = declared.find(([, globs]) => matchesAny(path, globs))?.[0];
    return name === undefined ? undefined : { name };
  }
  const unit = findUnit(path, units);
  if (unit) return { name: unit.folder || ROOT_SCOPE, ...(unit.attached ? { attached: true } : {}) };
  const segments = path.split("/");
  const [first, second] = segments;
  if (first === undefined || segments.length === 1) return { name: ROOT_SCOPE };
  if (scope.containers.includes(first) && segments.length >= 3 && second !== undefined)
    return { name: `${first}/${second}` };
  return { name: first };
}

/**
 * Whether scopes may depend on the build's units for these files: only without declared scopes or
 * CODEOWNERS, and only when production files lie in more than one folder. Sources read the base
 * tree and the build descriptors only then.
 */
export function needsUnits(files: readonly ChangedFile[], config: Pick<Config, "scope" | "tests" | "docs">): boolean {
  if (Object.keys(config.scope.scopes ?? {}).length > 0 || config.scope.from === "codeowners") return false;
  const folders = new Set(
    files
      .flatMap((f) => [f.path, ...(f.previousPath ? [f.previousPath] : [])])
      .filter((path) => classifyFile(path, config) === "production")
      .map((path) => path.replace(/\/?[^/]*$/, "")),
  );
  return folders.size > 1;
}

/** The deepest unit holding `path`, as a unit with a concrete folder. */
function findUnit(path: string, units: readonly Unit[]): Unit | undefined {
  const folders = path
    .split("/")
    .slice(0, -1)
    .map((_, i, segments) => segments.slice(0, i + 1).join("/"));
  let best: { unit: Unit; depth: number } | undefined;
  for (const unit of units) {
    const folder = unit.pattern ? matchPattern(unit, folders) : holds(unit.folder, path) ? unit.folder : undefined;
    if (folder === undefined) continue;
    const depth = folder === "" ? 0 : folder.split("/").length;
    if (!best || depth > best.depth || (depth === best.depth && best.unit.pattern && !unit.pattern))
      best = { unit: { ...unit, folder, pattern: false }, depth };
  }
  return best?.unit;
}

function holds(folder: string, path: string): boolean {
  return folder === "" || path.startsWith(`${folder}/`);
}

/**
 * The folder a pattern unit gives a file: the deepest ancestor matching a glob without `**`; for a
 * `**` glob, every folder below matches, so the shallowest one is the package (`apps/**` puts
 * `apps/web/src/x.ts` in `apps/web`).
 */
function matchPattern(unit: Unit, folders: readonly string[]): string | undefined {
  const isMember = (folder: string) => matchesAny(folder, [unit.folder]) && !matchesAny(folder, unit.except ?? []);
  return unit.folder.includes("**") ? folders.find(isMember) : folders.findLast(isMember);
}
