import type { Change } from "../../change.js";
import { hasBasePath, listBasePaths } from "../base-tree.js";
import { matchesAny } from "../classify-file.js";
import { readFileText } from "../read-file-text.js";
import { unitReaders } from "./index.js";
import type { BaseView, Unit } from "./unit.js";

/** The units the base's build declares, from every registered reader. Memoized per change. */
export function findUnits(change: Change): readonly Unit[] {
  let units = memo.get(change);
  if (!units) {
    const base = viewBase(change);
    units = unitReaders.flatMap((reader) => reader.read(base));
    memo.set(change, units);
  }
  return units;
}

/**
 * What the unit readers still need from the base: the listing first (several descriptors have no
 * fixed name), then the descriptors' texts, then, without a listing, the markers' presence.
 */
export function planUnitReads(change: Change): { baseTree: boolean; base: string[] } {
  if (!change.baseTree) return { baseTree: true, base: [] };
  const base = viewBase(change);
  const paths = unitReaders.flatMap((reader) => [
    ...reader.descriptors(base).filter((path) => base.has(path) !== false),
    ...(reader.markers?.(base) ?? []).filter((path) => base.has(path) === undefined),
  ]);
  return { baseTree: false, base: [...new Set(paths)].filter((path) => base.text(path) === undefined) };
}

const memo = new WeakMap<Change, readonly Unit[]>();

function viewBase(change: Change): BaseView {
  return {
    has: (path) => hasBasePath(change, path),
    find: (glob) => listBasePaths(change).filter((path) => matchesAny(path, [glob])),
    text: (path) => readFileText(change, "base", path),
  };
}
