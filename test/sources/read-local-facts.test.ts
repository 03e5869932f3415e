import { symlink } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findBaseRef } from "../../src/sources/find-base-ref.js";
import { findHeadRef } from "../../src/sources/find-head-ref.js";
import { openLocalRepo, readLocalChange } from "../../src/sources/local-git-source.js";
import { readLocalFacts } from "../../src/sources/read-local-facts.js";
import { createGitRepo, type TempRepo } from "../helpers/git-repo.js";

const cleanup: Array<() => Promise<void>> = [];
afterAll(() => Promise.all(cleanup.map((f) => f())));

/** A repository with releases on main, a commit on main after the branch point, and a hotfix branch. */
async function repoWithReleases(): Promise<TempRepo> {
  const repo = await createGitRepo({
    "db/migrations/001_init.up.sql": "CREATE TABLE a (id int);\n",
    VERSION: "1.4.0\n",
  });
  cleanup.push(repo.remove);
  await repo.git.raw(["tag", "v1.4.0"]);
  await repo.commitFiles("Add 002", { "db/migrations/002_b.up.sql": "CREATE TABLE b (id int);\n", VERSION: "1.4.1\n" });
  await repo.git.raw(["tag", "v1.4.1"]);
  await repo.git.raw(["tag", "v1.5.0-rc.1"]);
  await repo.commitFiles("Add 003", {
    "db/migrations/003_c.up.sql": "CREATE TABLE c (id int);\n",
    VERSION: "1.5.0-dev\n",
  });
  await repo.branch("hotfix/SHOP-1-x");
  await repo.commitFiles("SHOP-1 fix", {
    "db/migrations/003_c.up.sql": "CREATE TABLE c (id bigint);\n",
    "src/a.ts": "a\n",
  });
  await repo.git.raw(["checkout", "-q", "main"]);
  await repo.commitFiles("Later on main", { "db/migrations/004_d.up.sql": "x\n", VERSION: "9.9.9\n" });
  await repo.git.raw(["tag", "v9.9.9"]);
  await repo.git.raw(["checkout", "-q", "hotfix/SHOP-1-x"]);
  return repo;
}

describe("readLocalFacts", () => {
  it("reads texts at the merge base and at the head, null for what a side lacks", async () => {
    const repo = await repoWithReleases();
    await symlink("VERSION", join(repo.dir, "VERSION.link"));
    await repo.commit("SHOP-1 link");
    const local = await openLocalRepo(repo.dir);
    const change = await readLocalChange(local, await findBaseRef(local, "main"), await findHeadRef(local), {
      labels: [],
    });
    const facts = readLocalFacts(local, change);
    expect(await facts.readTexts("base", ["VERSION", "db/migrations/003_c.up.sql", "src/a.ts", "db"])).toEqual({
      VERSION: "1.5.0-dev\n",
      "db/migrations/003_c.up.sql": "CREATE TABLE c (id int);\n",
      "src/a.ts": null,
      db: null,
    });
    expect(await facts.readTexts("head", ["db/migrations/003_c.up.sql", "src/a.ts", "VERSION.link"])).toEqual({
      "db/migrations/003_c.up.sql": "CREATE TABLE c (id bigint);\n",
      "src/a.ts": "a\n",
      "VERSION.link": "VERSION",
    });
  });

  it("lists the merge base's tree, complete", async () => {
    const repo = await repoWithReleases();
    const local = await openLocalRepo(repo.dir);
    const change = await readLocalChange(local, await findBaseRef(local, "main"), await findHeadRef(local), {
      labels: [],
    });
    expect(await readLocalFacts(local, change).listBaseTree()).toEqual({
      paths: ["VERSION", "db/migrations/001_init.up.sql", "db/migrations/002_b.up.sql", "db/migrations/003_c.up.sql"],
      complete: true,
    });
  });

  it("finds the newest release tag the merge base contains (not a pre-release, not one made later), and the paths it holds", async () => {
    const repo = await repoWithReleases();
    const local = await openLocalRepo(repo.dir);
    const change = await readLocalChange(local, await findBaseRef(local, "main"), await findHeadRef(local), {
      labels: [],
    });
    expect(
      await readLocalFacts(local, change).findPreviousRelease([
        "db/migrations/002_b.up.sql",
        "db/migrations/003_c.up.sql",
      ]),
    ).toEqual({
      tag: "v1.4.1",
      version: "1.4.1",
      paths: ["db/migrations/002_b.up.sql"],
    });
  });

  it("says there is no release when no tag is a semantic version", async () => {
    const repo = await createGitRepo({ "a.txt": "a\n" });
    cleanup.push(repo.remove);
    await repo.git.raw(["tag", "nightly"]);
    await repo.branch("hotfix/x");
    await repo.commitFiles("x", { "a.txt": "b\n" });
    const local = await openLocalRepo(repo.dir);
    const change = await readLocalChange(local, await findBaseRef(local, "main"), await findHeadRef(local), {
      labels: [],
    });
    expect(await readLocalFacts(local, change).findPreviousRelease(["a.txt"])).toBeNull();
  });
});
