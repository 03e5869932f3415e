import { execFileSync } from "node:child_process";
import nock from "nock";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ChangedFile } from "../../src/core/change.js";
import { listPullFiles } from "../../src/github/list-pull-files.js";
import { findBaseRef } from "../../src/sources/find-base-ref.js";
import { findHeadRef } from "../../src/sources/find-head-ref.js";
import { openLocalRepo, readLocalChange } from "../../src/sources/local-git-source.js";
import listed from "../fixtures/api/pulls.listFiles.change-types.json" with { type: "json" };
import { createChangeTypesRepo } from "../helpers/change-types-repo.js";
import type { TempRepo } from "../helpers/git-repo.js";
import { API, expectAllMocksDone } from "../helpers/github-nock.js";
import { TestOctokit } from "../helpers/probot.js";

/**
 * Every kind of change git knows, through both sources: the local source on a real repository
 * (test/helpers/change-types-repo.ts), and the GitHub source on the `pulls.listFiles` answer for
 * the same change (test/fixtures/api/pulls.listFiles.change-types.json, in GitHub's `diff-entry`
 * shape). Both must give the engine these files, field for field.
 *
 * What GitHub sends, and where we read it: a binary file has no `patch` and counts 0/0 (e.g. a
 * removed PNG in https://github.com/47degrees/github4s/issues/180); a submodule is one entry whose
 * patch is a `Subproject commit <sha>` line per side (as public GitHub App tests record it); a 100%
 * rename is `renamed`, `changes: 0`, no patch. GitHub's REST description lists the `changed`
 * status without defining it; the fixture gives it to type changes, git's `T`, whose patch is the
 * old side's hunks then the new side's, as git prints them.
 */
const EXPECTED: ChangedFile[] = [
  // Binary files: no patch, 0 and 0.
  { path: "assets/icon.png", status: "added", additions: 0, deletions: 0 },
  { path: "assets/logo.png", status: "modified", additions: 0, deletions: 0 },
  // Type changes: symlink → file, file → symlink (one file each, two sections in git's patch).
  {
    path: "bin/tool",
    status: "changed",
    additions: 2,
    deletions: 1,
    patch:
      "@@ -1 +0,0 @@\n-../scripts/run.sh\n\\ No newline at end of file\n@@ -0,0 +1,2 @@\n+#!/bin/sh\n+exec ../scripts/run.sh",
  },
  {
    path: "config/current.yml",
    status: "changed",
    additions: 1,
    deletions: 2,
    patch: "@@ -1,2 +0,0 @@\n-env: production\n-replicas: 3\n@@ -0,0 +1 @@\n+prod.yml\n\\ No newline at end of file",
  },
  // Unchanged renames: renamed, no patch, 0 and 0 — never new files.
  {
    path: "db/migrate/001_init.sql",
    previousPath: "db/migrations/001_init.sql",
    status: "renamed",
    additions: 0,
    deletions: 0,
  },
  {
    path: "db/migrate/002_rate.sql",
    previousPath: "db/migrations/002_rate.sql",
    status: "renamed",
    additions: 0,
    deletions: 0,
  },
  // Paths with a quote, a backslash, a newline, a tab, a space and non-ASCII letters.
  { path: 'docs/"quoted".md', status: "added", additions: 1, deletions: 0, patch: "@@ -0,0 +1 @@\n+x" },
  { path: "docs/back\\slash.md", status: "added", additions: 1, deletions: 0, patch: "@@ -0,0 +1 @@\n+x" },
  { path: "docs/new\nline.md", status: "added", additions: 1, deletions: 0, patch: "@@ -0,0 +1 @@\n+x" },
  { path: "docs/tab\there.md", status: "added", additions: 1, deletions: 0, patch: "@@ -0,0 +1 @@\n+x" },
  { path: "docs/with space.md", status: "added", additions: 1, deletions: 0, patch: "@@ -0,0 +1 @@\n+x" },
  { path: "docs/ünïcödé.md", status: "added", additions: 1, deletions: 0, patch: "@@ -0,0 +1 @@\n+x" },
  // A rename with an edit.
  {
    path: "lib/new name.ts",
    previousPath: "lib/old name.ts",
    status: "renamed",
    additions: 1,
    deletions: 0,
    patch: "@@ -3,3 +3,4 @@ two\n three\n four\n five\n+six",
  },
  // A mode change only (chmod +x): no hunks.
  { path: "scripts/run.sh", status: "modified", additions: 0, deletions: 0 },
  // A copy of a changed file: added, as rename detection (not copy detection) lists it.
  {
    path: "src/app-copy.ts",
    status: "added",
    additions: 3,
    deletions: 0,
    patch: "@@ -0,0 +1,3 @@\n+export const a = 1;\n+\n+export const b = 3;",
  },
  {
    path: "src/app.ts",
    status: "modified",
    additions: 1,
    deletions: 1,
    patch: "@@ -1,3 +1,3 @@\n export const a = 1;\n \n-export const b = 2;\n+export const b = 3;",
  },
  // An empty file: added, no hunks.
  { path: "src/empty.ts", status: "added", additions: 0, deletions: 0 },
  {
    path: "src/gone.ts",
    status: "removed",
    additions: 0,
    deletions: 1,
    patch: "@@ -1 +0,0 @@\n-export const gone = true;",
  },
  {
    path: "src/new.ts",
    status: "added",
    additions: 3,
    deletions: 0,
    patch: "@@ -0,0 +1,3 @@\n+export function fresh(): number {\n+  return 42;\n+}",
  },
  // Submodules: added, moved to another commit, turned into a file, into a symlink, and a file turned into one.
  {
    path: "vendor/added",
    status: "added",
    additions: 1,
    deletions: 0,
    patch: "@@ -0,0 +1 @@\n+Subproject commit 5555555555555555555555555555555555555555",
  },
  {
    path: "vendor/dep",
    status: "modified",
    additions: 1,
    deletions: 1,
    patch:
      "@@ -1 +1 @@\n-Subproject commit 2222222222222222222222222222222222222222\n+Subproject commit 4444444444444444444444444444444444444444",
  },
  {
    path: "vendor/lib",
    status: "changed",
    additions: 1,
    deletions: 1,
    patch:
      "@@ -1 +0,0 @@\n-Subproject commit 1111111111111111111111111111111111111111\n@@ -0,0 +1 @@\n+a vendored copy instead of the submodule",
  },
  {
    path: "vendor/linked",
    status: "changed",
    additions: 1,
    deletions: 1,
    patch:
      "@@ -1 +0,0 @@\n-Subproject commit 6666666666666666666666666666666666666666\n@@ -0,0 +1 @@\n+lib\n\\ No newline at end of file",
  },
  {
    path: "vendor/other",
    status: "changed",
    additions: 1,
    deletions: 1,
    patch:
      "@@ -1 +0,0 @@\n-not yet a submodule\n@@ -0,0 +1 @@\n+Subproject commit 3333333333333333333333333333333333333333",
  },
];

/** Settings of a user's git config that change what `git diff` and `git log` print. */
const USER_SETTINGS: Record<string, string> = {
  "diff.noprefix": "true",
  "diff.mnemonicPrefix": "true",
  "color.ui": "always",
  "color.diff": "always",
  "diff.external": "/bin/false",
  "diff.renames": "copies",
  "diff.algorithm": "patience",
  "diff.context": "10",
  "diff.interHunkContext": "10",
  "diff.submodule": "log",
  "diff.ignoreSubmodules": "all",
  "diff.suppressBlankEmpty": "true",
  "diff.relative": "true",
  "core.quotePath": "false",
  "log.showSignature": "true",
};

let repo: TempRepo;
beforeAll(async () => {
  repo = await createChangeTypesRepo();
}, 30_000);
afterAll(() => repo.remove());

async function readLocalFiles(): Promise<ChangedFile[]> {
  const local = await openLocalRepo(repo.dir);
  const change = await readLocalChange(local, await findBaseRef(local), await findHeadRef(local), {
    labels: [],
  });
  expect(change.changedFiles).toBe(EXPECTED.length);
  return change.files;
}

describe("every git change type", () => {
  it("comes through the local source", async () => {
    expect(await readLocalFiles()).toEqual(EXPECTED);
  });

  it("comes through the local source the same whatever the user's git config and environment say", async () => {
    const orderFile = `${repo.dir}/.git/order`;
    await repo.write({ ".git/order": "vendor/*\n" });
    // Plain git: simple-git refuses to set diff.external, rightly.
    const config = (...args: string[]) => execFileSync("git", ["config", ...args], { cwd: repo.dir });
    for (const [key, value] of Object.entries({ ...USER_SETTINGS, "diff.orderFile": orderFile })) config(key, value);
    vi.stubEnv("GIT_EXTERNAL_DIFF", "/bin/false");
    vi.stubEnv("GIT_DIFF_OPTS", "--unified=9");
    try {
      expect(await readLocalFiles()).toEqual(EXPECTED);
    } finally {
      for (const key of [...Object.keys(USER_SETTINGS), "diff.orderFile"]) config("--unset", key);
    }
  });

  it("comes through the GitHub source, from GitHub's listFiles entries", async () => {
    nock(API).get("/repos/octo/shop/pulls/7/files").query({ per_page: "100", page: "1" }).reply(200, listed);

    const files = await listPullFiles(
      new TestOctokit({ auth: "t" }),
      { owner: "octo", repo: "shop" },
      { number: 7, changed_files: listed.length },
    );

    expectAllMocksDone();
    expect(files).toEqual(EXPECTED);
  });
});
