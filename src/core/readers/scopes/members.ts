import { matchesAny } from "../classify-file.js";
import { toFolder, type BaseView, type Unit } from "./unit.js";

/**
 * Member globs of a workspace (npm/yarn/pnpm `packages/*`, Cargo `crates/*`) as units. A member
 * is a folder that matches and holds the member manifest. When the base was listed, the listed
 * manifests say which folders those are; a glob without `**` also stays a pattern, so a folder
 * the listing lacks is still a member. Without a listing, `**` cannot be told from folder names:
 * a bare `**` (every folder) is the root package alone, and `apps/**` the shallowest folder below.
 * Negated globs (`!packages/legacy`) exclude folders.
 */
export function resolveMembers(globs: readonly string[], base: BaseView, manifest: string, by: string): Unit[] {
  const units: Unit[] = [];
  const excluded: string[] = [];
  for (const raw of globs) {
    const negated = raw.trim().startsWith("!");
    const glob = toFolder(raw.trim().replace(/^!/, ""));
    if (negated) {
      excluded.push(glob);
      continue;
    }
    if (glob === "" || glob === "**") {
      units.push({ folder: "", by });
      if (glob === "") continue;
    }
    if (!/[*?[{]/.test(glob)) {
      units.push({ folder: glob, by });
      continue;
    }
    for (const path of base.find(`${glob}/${manifest}`))
      units.push({ folder: path.slice(0, -manifest.length - 1), by });
    if (glob !== "**") units.push({ folder: glob, pattern: true, by });
  }
  const isExcluded = (folder: string) => excluded.some((e) => e === folder || matchesAny(folder, [e]));
  return units
    .filter((unit) => unit.pattern || !isExcluded(unit.folder))
    .map((unit) => (unit.pattern && excluded.length ? { ...unit, except: excluded } : unit));
}
