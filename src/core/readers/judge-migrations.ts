import type { Config } from "../../config/schema.js";
import type { Change, ChangedFile } from "../change.js";
import { classifyFile, matchesAny } from "./classify-file.js";
import { migrationJudges } from "./migrations/index.js";
import { counterpartPaths } from "./migrations/sql-migrations.js";
import { isSupportFile } from "./migrations/support-files.js";
import { pathOn, readFileText } from "./read-file-text.js";

export interface JudgedMigration {
  file: ChangedFile;
  reversible: boolean;
  /** `` `def down` ``, or why there is no way back. */
  reason: string;
  fix?: string;
  /** The judge's framework, when one judged it. */
  framework?: string;
}

/**
 * Every changed migration, judged (SPEC §9): a migration already in a release that is edited or
 * deleted fails whatever its text; a deleted migration that never shipped is not judged; an
 * unchanged rename is not judged; every other migration is judged from its whole text at the head
 * by its framework's judge (./migrations/).
 */
export function judgeMigrations(
  change: Change,
  config: Pick<Config, "migrations" | "tests" | "docs">,
): JudgedMigration[] {
  const judged: JudgedMigration[] = [];
  for (const file of listMigrationFiles(change, config)) {
    const shipped = findRelease(change, file);
    if (shipped) {
      const verb = file.status === "removed" ? "deletes" : "edits";
      judged.push({
        file,
        reversible: false,
        reason: `this change ${verb} a migration that already shipped (${shipped}): databases that ran it never see the change`,
        fix: "leave the shipped migration as it is and add a new migration that makes the change",
      });
      continue;
    }
    if (file.status === "removed") continue;
    const known = readFileText(change, "head", file.path);
    const text = known ?? (file.patch === undefined ? undefined : readHeadSide(file.patch));
    if (text === undefined) {
      judged.push({
        file,
        reversible: false,
        reason: "its text could not be read, so its way back could not be checked",
        fix: "re-run the check (`/spo recheck`)",
      });
      continue;
    }
    const judge = migrationJudges.find((j) => j.claims(file.path, text));
    if (!judge) continue;
    const verdict = judge.judge({ path: file.path, text, headText: (path) => readFileText(change, "head", path) });
    judged.push({
      file,
      reversible: verdict.reversible,
      reason:
        known === undefined ? `${verdict.reason} (judged from the diff: the file could not be read)` : verdict.reason,
      framework: judge.framework,
      ...(verdict.fix === undefined ? {} : { fix: verdict.fix }),
    });
  }
  return judged;
}

/**
 * The changed files that are migrations: under `migrations.paths` (either case), production files,
 * not a framework's support file, and not a rename that left the file unchanged.
 */
export function listMigrationFiles(
  change: Change,
  config: Pick<Config, "migrations" | "tests" | "docs">,
): ChangedFile[] {
  return change.files.filter((file) => {
    const paths = [file.path, ...(file.previousPath ? [file.previousPath] : [])];
    if (!paths.some((p) => matchesAny(p, config.migrations.paths, { caseless: true }))) return false;
    if (classifyFile(file.path, config) !== "production") return false;
    if (isUnchangedMove(file)) return false;
    const text = file.status === "removed" ? undefined : readFileText(change, "head", file.path);
    return !isSupportFile(file.path, text ?? undefined);
  });
}

/** Down counterparts a framework requires (golang-migrate `.down.sql`, Flyway `U…`): planners ask for their head text. */
export function listRequiredCounterparts(
  change: Change,
  config: Pick<Config, "migrations" | "tests" | "docs">,
): string[] {
  return listMigrationFiles(change, config)
    .filter(
      (f) => f.status !== "removed" && (/\.up\.sql$/i.test(f.path) || /(?:^|\/)V\d[\w.]*__[^/]*\.sql$/.test(f.path)),
    )
    .flatMap((f) => counterpartPaths(f.path));
}

/** Edited or deleted migrations: whether they are in the previous release is a fact the verdict needs. */
export function listShippableMigrations(
  change: Change,
  config: Pick<Config, "migrations" | "tests" | "docs">,
): string[] {
  return listMigrationFiles(change, config)
    .filter((f) => f.status !== "added" && f.status !== "copied")
    .map((f) => pathOn(f, "base"));
}

/** The release a base migration shipped in, when the change edits or deletes it. */
function findRelease(change: Change, file: ChangedFile): string | undefined {
  if (file.status === "added" || file.status === "copied") return undefined;
  const release = change.previousRelease;
  if (release === undefined) return undefined;
  if (release === null) return "the repository has no release tag, so what is on the base branch counts as shipped";
  return release.paths.includes(pathOn(file, "base")) ? `it is in ${release.tag}` : undefined;
}

function isUnchangedMove(file: ChangedFile): boolean {
  return (
    (file.status === "renamed" || file.status === "copied" || file.status === "unchanged") &&
    file.additions === 0 &&
    file.deletions === 0
  );
}

/** The head lines a diff shows: added and context lines. */
function readHeadSide(patch: string): string {
  return patch
    .split("\n")
    .filter((line) => line.startsWith("+") || line.startsWith(" "))
    .map((line) => line.slice(1))
    .join("\n");
}
