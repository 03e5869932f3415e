import semver from "semver";
import type { Config } from "../config/schema.js";
import type { Change, ChangedFile } from "./change.js";
import { listManifestFiles } from "./readers/find-dependency-changes.js";
import { needsUnits } from "./readers/find-scope.js";
import { findVersionChanges, listVersionFiles, normalize } from "./readers/find-version-changes.js";
import { listMigrationFiles, listRequiredCounterparts, listShippableMigrations } from "./readers/judge-migrations.js";
import { pathOn, readFileText, type Side } from "./readers/read-file-text.js";
import { planUnitReads } from "./readers/scopes/find-units.js";
import { CODEOWNERS_PATHS } from "./readers/scopes/read-codeowners.js";
import { listTestCodeFiles } from "./readers/tests/find-test-changes.js";

/** What an adapter must still gather for the rules to judge a change. */
export interface FactRequest {
  /** List the base tree (`change.baseTree`). */
  baseTree: boolean;
  /** Paths whose text is needed, per side (`change.contents`). */
  base: string[];
  head: string[];
  /** Find the previous release and which of these base paths it holds (`change.previousRelease`). */
  previousRelease?: { paths: string[] };
}

/** Most file texts one evaluation asks for: a larger need is judged without them (fail closed). */
export const MAX_TEXT_READS = 100;

/**
 * The facts the rules still need, or undefined when the change has all of them. Pure. An adapter
 * gathers what it names, merges it into the change and asks again: a need can depend on an earlier
 * answer (the descriptors to read depend on the base tree; the previous release on whether a base
 * version is a pre-release), so a change is complete after at most three rounds. Only files whose
 * verdict depends on them are asked for, one side where the patch rebuilds the other (SPEC §15).
 */
export function planFacts(change: Change, config: Config): FactRequest | undefined {
  const request: FactRequest = { baseTree: false, base: [], head: [] };
  const want = (side: Side, path: string) => {
    if (readFileText(change, side, path) === undefined) request[side].push(path);
  };
  const wantFile = (file: ChangedFile, sides: readonly Side[]) => {
    const missing = sides.filter((side) => readFileText(change, side, pathOn(file, side)) === undefined);
    // One side and the patch rebuild the other: ask for the head (the base of a removed file) first.
    const first: Side = file.status === "removed" ? "base" : "head";
    const unknownBoth = ["base", "head"].every(
      (side) => readFileText(change, side as Side, pathOn(file, side as Side)) === undefined,
    );
    const asked = file.patch !== undefined && unknownBoth && missing.includes(first) ? [first] : missing;
    for (const side of asked) want(side, pathOn(file, side));
  };

  for (const file of listManifestFiles(change)) wantFile(file, ["base", "head"]);
  for (const file of listVersionFiles(change, config)) wantFile(file, ["base", "head"]);
  for (const file of listMigrationFiles(change, config)) if (file.status !== "removed") wantFile(file, ["head"]);
  for (const path of listRequiredCounterparts(change, config)) if (!isChanged(change, path)) want("head", path);
  for (const file of listTestCodeFiles(change, config)) wantFile(file, ["head"]);

  if (config.scope.from === "codeowners" && Object.keys(config.scope.scopes ?? {}).length === 0)
    for (const path of CODEOWNERS_PATHS) want("base", path);
  else if (needsUnits(change.files, config)) {
    const units = planUnitReads(change);
    request.baseTree = units.baseTree;
    for (const path of units.base) want("base", path);
  }

  if (change.previousRelease === undefined) {
    const shippable = listShippableMigrations(change, config);
    const preRelease = findVersionChanges(change, config).edits.some(
      (e) => (semver.parse(normalize(e.base), { loose: true })?.prerelease.length ?? 0) > 0,
    );
    if (shippable.length > 0 || preRelease) request.previousRelease = { paths: shippable };
  }

  request.base = [...new Set(request.base)];
  request.head = [...new Set(request.head)];
  const budget =
    MAX_TEXT_READS - Object.keys(change.contents?.base ?? {}).length - Object.keys(change.contents?.head ?? {}).length;
  request.head = request.head.slice(0, Math.max(0, budget));
  request.base = request.base.slice(0, Math.max(0, budget - request.head.length));
  const empty = !request.baseTree && request.base.length === 0 && request.head.length === 0 && !request.previousRelease;
  return empty ? undefined : request;
}

function isChanged(change: Change, path: string): boolean {
  return change.files.some((f) => f.path === path);
}
