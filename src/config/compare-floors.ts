import { compareValues, type Strictness } from "./compare-strictness.js";
import type { Floor } from "./org-floor.js";
import { orderingOf } from "./setting-orderings.js";
import { readSetting, SETTING_PATHS, type SettingPath } from "./setting-paths.js";

/** A floor setting that a change to the org file adds, removes, raises or lowers. */
export interface FloorChange {
  path: SettingPath;
  /** The floor's value before; absent: no floor for this setting. */
  before?: { value: unknown };
  after?: { value: unknown };
  /** A new minimum is tighter, a removed one looser. */
  verdict: Exclude<Strictness, "same">;
}

/** How the org floor changes, setting by setting (the ones that stay the same are left out). Pure. */
export function compareFloors(after: Floor | undefined, before: Floor | undefined): FloorChange[] {
  const inAfter = new Set(after?.paths);
  const inBefore = new Set(before?.paths);
  return SETTING_PATHS.flatMap((path): FloorChange[] => {
    const was = before && inBefore.has(path) ? { value: readSetting(before.config, path) } : undefined;
    const is = after && inAfter.has(path) ? { value: readSetting(after.config, path) } : undefined;
    if (!was && !is) return [];
    const verdict = !was ? "tighter" : !is ? "looser" : compareValues(orderingOf(path), is.value, was.value);
    if (verdict === "same") return [];
    return [{ path, ...(was ? { before: was } : {}), ...(is ? { after: is } : {}), verdict }];
  });
}
