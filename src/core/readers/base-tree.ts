import type { Change } from "../change.js";

/**
 * Questions about the base tree the adapter listed (`change.baseTree`). A listing is kept as a Set
 * per change, so asking about every changed file stays linear.
 */

/** True or false when the listing answers; undefined when there is none, or it is truncated and lacks the path. */
export function hasBasePath(change: Change, path: string): boolean | undefined {
  const tree = change.baseTree;
  if (!tree) return undefined;
  if (toSet(change).has(path)) return true;
  return tree.complete ? false : undefined;
}

/** The listed base paths (empty when there is no listing). */
export function listBasePaths(change: Change): readonly string[] {
  return change.baseTree?.paths ?? [];
}

const sets = new WeakMap<Change, Set<string>>();

function toSet(change: Change): Set<string> {
  let set = sets.get(change);
  if (!set) {
    set = new Set(change.baseTree?.paths ?? []);
    sets.set(change, set);
  }
  return set;
}
