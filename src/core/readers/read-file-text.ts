import type { Change, ChangedFile } from "../change.js";
import { applyPatch, revertPatch } from "./apply-patch.js";
import { hasBasePath } from "./base-tree.js";

export type Side = "base" | "head";

/**
 * The text of `path` on one side of a change: a string; `null` when the file does not exist on
 * that side; `undefined` when nobody read it and it cannot be rebuilt. Reads what the adapter
 * gathered (`change.contents`), and otherwise rebuilds it: from the other side and the patch for a
 * changed file, from the other side for an unchanged one, and as absent for a path a complete
 * base tree does not list. Pure; memoized per change.
 */
export function readFileText(change: Change, side: Side, path: string): string | null | undefined {
  const memo = memoOf(change);
  const key = `${side}\0${path}`;
  if (memo.texts.has(key)) return memo.texts.get(key);
  const text = rebuild(change, memo, side, path);
  memo.texts.set(key, text);
  return text;
}

/** The changed file that has `path` on `side`, if any. */
export function findChangedFile(change: Change, side: Side, path: string): ChangedFile | undefined {
  return memoOf(change).files[side].get(path);
}

/** The path a file has on `side`: a renamed file's base path is its previous path. */
export function pathOn(file: ChangedFile, side: Side): string {
  return side === "base" ? (file.previousPath ?? file.path) : file.path;
}

interface Memo {
  texts: Map<string, string | null | undefined>;
  files: Record<Side, Map<string, ChangedFile>>;
}

const memos = new WeakMap<Change, Memo>();

function memoOf(change: Change): Memo {
  let memo = memos.get(change);
  if (!memo) {
    const files: Memo["files"] = { base: new Map(), head: new Map() };
    for (const file of change.files)
      for (const side of ["base", "head"] as const) files[side].set(pathOn(file, side), file);
    memo = { texts: new Map(), files };
    memos.set(change, memo);
  }
  return memo;
}

function rebuild(change: Change, memo: Memo, side: Side, path: string): string | null | undefined {
  const known = change.contents?.[side][path];
  if (known !== undefined) return known;
  const other: Side = side === "base" ? "head" : "base";
  const file = memo.files[side].get(path);
  if (file) {
    if (side === "base" ? file.status === "added" : file.status === "removed") return null;
    const from = side === "base" ? file.status === "removed" : file.status === "added";
    // An added file's head (a removed file's base) is its patch applied to nothing.
    const otherText = from ? "" : change.contents?.[other][pathOn(file, other)];
    if (typeof otherText !== "string") return undefined;
    if (file.patch === undefined) return isUnchanged(file) ? otherText : undefined;
    return side === "head" ? applyPatch(otherText, file.patch) : revertPatch(otherText, file.patch);
  }
  // A rename's old path on the head side, or its new path (a copy's too) on the base side.
  if (memo.files[other].has(path)) return null;
  const same = change.contents?.[other][path];
  if (same !== undefined) return same;
  return hasBasePath(change, path) === false ? null : undefined;
}

/** A rename or copy with no content change carries no patch: both sides hold the same text. */
function isUnchanged(file: ChangedFile): boolean {
  const moved = file.status === "renamed" || file.status === "copied" || file.status === "unchanged";
  return moved && file.additions === 0 && file.deletions === 0;
}
