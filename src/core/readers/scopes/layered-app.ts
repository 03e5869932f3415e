import type { BaseView, Unit } from "./unit.js";
import { exists, folderOf } from "./unit.js";

/**
 * A framework application laid out by layer (models, views and config in separate folders) is one
 * unit, the whole repository, except the parts the framework itself treats as separate: engines,
 * packs, local packages, umbrella apps. `marker` is the file that says which framework it is.
 */
export function readLayeredApp(base: BaseView, marker: string, by: string, parts: readonly string[]): Unit[] {
  if (exists(base, marker) !== true) return [];
  const separate = parts.flatMap((glob) => base.find(glob).map((path) => partFolder(path, glob)));
  return [{ folder: "", by }, ...[...new Set(separate)].map((folder) => ({ folder, by: `${by} part` }))];
}

/** `engines/billing/billing.gemspec` found by `engines/*\/*.gemspec` → `engines/billing`. */
function partFolder(path: string, glob: string): string {
  const depth = glob.split("/").length - 1;
  return path.split("/").slice(0, depth).join("/") || folderOf(path);
}
