import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import semver from "semver";
import { parse as parseYaml } from "yaml";
import type { Change, ChangedFile, FileStatus, PreviousRelease } from "../../src/core/change.js";

/**
 * Turns a corpus case (test/corpus/README.md describes the format) into what the engine is given
 * in production: the Change an adapter builds, with the facts adapters gather when the planners
 * ask (core/plan-facts.ts). The fixture is the repository as far as the judgement needs it:
 * `repoFiles` plus the changed files are the base tree, and a text the fixture does not give is a
 * text the adapter could not read (the engine must fall back or fail closed, never guess).
 */

/** The six rules the corpus labels: the ones that read the diff. */
export const CORPUS_RULES = [
  "single-scope",
  "change-size",
  "test-evidence",
  "reversible-migration",
  "dependency-change",
  "semver-patch",
] as const;
export type CorpusRule = (typeof CORPUS_RULES)[number];

export type Label = "pass" | "fail" | "skip";

/**
 * The folders of test/corpus: the main set and the extra set (labelled while the readers were
 * built, so their agreement is in-sample), and the hold-out set (labelled blind, from
 * repositories the readers were never tuned against; scored separately).
 */
export const CORPUS_SETS = ["cases", "cases-extra", "holdout"] as const;
export type CorpusSet = (typeof CORPUS_SETS)[number];

export interface CorpusCase {
  /** `<set>/<repo>/<name>` without `.yml`, e.g. `cases/ripgrep/01-walk-panic-deadlock-cfg-test`. */
  id: string;
  set: CorpusSet;
  ecosystem: string;
  repo: string;
  change: Change;
  labels: Record<CorpusRule, { expect: Label; why: string }>;
}

/**
 * The PR body of every case, as the corpus README says: every section but test evidence and
 * dependencies, with a rollback plan that speaks of the data. So test-evidence and
 * dependency-change are judged on the files alone.
 */
export const CORPUS_BODY = `## Problem
The bug described in the title reaches users in production.

## Root cause
The code path named in the title handles the case wrongly.

## Fix
Correct that code path as the diff shows.

## Rollback plan
Revert this PR and redeploy the previous release. If a migration ran, run its down step or restore
the database from the snapshot taken before the deploy, so the data is as it was.
`;

interface FixtureFile {
  path: string;
  previousPath?: string;
  status: FileStatus;
  additions: number;
  deletions: number;
  binary?: boolean;
  patch?: string;
  base?: string;
  head?: string;
  patchOmitted?: boolean;
}

interface Fixture {
  source: { repo: string; commit: string; ecosystem: string; summary: string };
  title: string;
  headBranch: string;
  baseBranch: string;
  previousReleaseTag?: string | number;
  repoFiles?: Record<string, string>;
  files: FixtureFile[];
  previousReleaseFiles?: string[];
  labels: Record<CorpusRule, { expect: Label; why: string }>;
  relabelled?: string;
}

export function loadCorpusCase(root: string, file: string): CorpusCase {
  const fixture = parseYaml(readFileSync(file, "utf8")) as Fixture;
  const id = relative(root, file).replace(/\.yml$/, "");
  const set = CORPUS_SETS.find((name) => id.startsWith(`${name}/`)) ?? "cases";
  return {
    id,
    set,
    ecosystem: fixture.source.ecosystem,
    repo: fixture.source.repo,
    change: toChange(fixture),
    labels: fixture.labels,
  };
}

/** Every case under `root` (test/corpus), set by set, in path order. */
export function loadCorpus(root: string): CorpusCase[] {
  return CORPUS_SETS.flatMap((set) =>
    listYaml(join(root, set))
      .sort()
      .map((file) => loadCorpusCase(root, file)),
  );
}

function toChange(fixture: Fixture): Change {
  const files: ChangedFile[] = fixture.files.map((f) => ({
    path: f.path,
    ...(f.previousPath === undefined ? {} : { previousPath: f.previousPath }),
    status: f.status,
    additions: f.additions,
    deletions: f.deletions,
    ...(f.patch === undefined ? {} : { patch: f.patch.replace(/\n$/, "") }),
  }));
  const base: Record<string, string | null> = {};
  const head: Record<string, string | null> = {};
  const repoFiles = fixture.repoFiles ?? {};
  const changed = new Set(fixture.files.flatMap((f) => [f.path, f.previousPath ?? f.path]));
  for (const [path, text] of Object.entries(repoFiles)) {
    base[path] = text;
    if (!changed.has(path)) head[path] = text;
  }
  for (const f of fixture.files) {
    const basePath = f.previousPath ?? f.path;
    if (f.status === "added") base[f.path] = null;
    else if (f.base !== undefined) base[basePath] = f.base;
    if (f.status === "removed") head[f.path] = null;
    else if (f.head !== undefined) head[f.path] = f.head;
    if (f.previousPath !== undefined && f.status === "renamed") head[f.previousPath] = null;
  }
  const treePaths = new Set(Object.keys(repoFiles));
  for (const f of fixture.files) if (f.status !== "added") treePaths.add(f.previousPath ?? f.path);
  return {
    repository: fixture.source.repo,
    title: fixture.title,
    body: CORPUS_BODY,
    labels: [],
    headBranch: fixture.headBranch,
    baseBranch: fixture.baseBranch,
    files,
    changedFiles: files.length,
    commitCount: 1,
    contents: { base, head },
    baseTree: { paths: [...treePaths].sort(), complete: true },
    ...withPreviousRelease(fixture),
  };
}

/**
 * The fixture's release facts. A tag names the previous release and `previousReleaseFiles` the
 * migrations it holds. Files without a tag model a repository that deploys its base branch
 * continuously and tags nothing (hexpm): the adapter finds no release tag (`null`). A case with
 * neither names no release fact its judgement depends on: it is left ungathered.
 */
function toPreviousRelease(fixture: Fixture): PreviousRelease | null | undefined {
  const files = fixture.previousReleaseFiles;
  if (fixture.previousReleaseTag === undefined) return files ? null : undefined;
  const tag = String(fixture.previousReleaseTag);
  const version = semver.coerce(tag)?.version ?? tag;
  return { tag, version, paths: files ?? [] };
}

function withPreviousRelease(fixture: Fixture): Pick<Change, "previousRelease"> {
  const release = toPreviousRelease(fixture);
  return release === undefined ? {} : { previousRelease: release };
}

function listYaml(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? listYaml(join(folder, entry.name))
      : entry.name.endsWith(".yml")
        ? [join(folder, entry.name)]
        : [],
  );
}
