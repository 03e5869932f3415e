import { afterEach, describe, expect, it } from "vitest";
import { findBaseRef } from "../../src/sources/find-base-ref.js";
import { findHeadRef } from "../../src/sources/find-head-ref.js";
import { openLocalRepo, readLocalChange } from "../../src/sources/local-git-source.js";
import { createGitRepo, type TempRepo } from "../helpers/git-repo.js";

const cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((remove) => remove()));
});

async function repoWithBranch(
  base: Record<string, string>,
  branch: Record<string, string | null>,
  message = "Change",
): Promise<TempRepo> {
  const repo = await createGitRepo(base);
  cleanup.push(repo.remove);
  await repo.branch("hotfix/x");
  await repo.commitFiles(message, branch);
  return repo;
}

async function readChange(repo: TempRepo, baseRef?: string) {
  const local = await openLocalRepo(repo.dir);
  return readLocalChange(local, await findBaseRef(local, baseRef), await findHeadRef(local), { labels: [] });
}

describe("the local-git source", () => {
  it("lists every kind of change with counts and GitHub-shaped patches", async () => {
    const lines = Array.from({ length: 20 }, (_, i) => `line ${i}`).join("\n");
    const repo = await repoWithBranch(
      { "a.txt": "one\ntwo\n", "gone.txt": "bye\n", "old name.txt": `${lines}\n`, "logo.bin": "\u0000\u0001" },
      {
        "a.txt": "one\n2\n",
        "gone.txt": null,
        "old name.txt": null,
        "new name.txt": `${lines}\nline 20\n`,
        "logo.bin": "\u0000\u0002",
        "added.txt": "new\n",
      },
    );

    const change = await readChange(repo);

    expect(change.files).toEqual([
      { path: "a.txt", status: "modified", additions: 1, deletions: 1, patch: "@@ -1,2 +1,2 @@\n one\n-two\n+2" },
      { path: "added.txt", status: "added", additions: 1, deletions: 0, patch: "@@ -0,0 +1 @@\n+new" },
      { path: "gone.txt", status: "removed", additions: 0, deletions: 1, patch: "@@ -1 +0,0 @@\n-bye" },
      { path: "logo.bin", status: "modified", additions: 0, deletions: 0 },
      {
        path: "new name.txt",
        previousPath: "old name.txt",
        status: "renamed",
        additions: 1,
        deletions: 0,
        patch: "@@ -18,3 +18,4 @@ line 16\n line 17\n line 18\n line 19\n+line 20",
      },
    ]);
    expect(change.changedFiles).toBe(5);
  });

  it("reads commits, head and base, and takes the title and body from the last commit", async () => {
    const repo = await repoWithBranch({ "a.txt": "1\n" }, { "a.txt": "2\n" }, "First");
    await repo.commitFiles("SHOP-1: second\n\n## Problem\nBroken.\n", { "a.txt": "3\n" });

    const change = await readChange(repo, "main");

    expect(change).toMatchObject({
      title: "SHOP-1: second",
      body: "## Problem\nBroken.",
      headBranch: "hotfix/x",
      baseBranch: "main",
      commitCount: 2,
    });
    expect(change.commits.map((c) => [c.message, c.parents])).toEqual([
      ["SHOP-1: second\n\n## Problem\nBroken.", 1],
      ["First", 1],
    ]);
  });

  it("judges against origin/HEAD's branch and names it without the remote", async () => {
    const repo = await repoWithBranch({ "a.txt": "1\n" }, { "a.txt": "2\n" });
    await repo.git.raw(["update-ref", "refs/remotes/origin/release/1.4", "main"]);
    await repo.git.raw(["symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/release/1.4"]);
    await repo.git.raw(["branch", "-m", "main", "trunk"]);

    const local = await openLocalRepo(repo.dir);
    const base = await findBaseRef(local);

    expect(base).toMatchObject({ ref: "origin/release/1.4", branch: "release/1.4" });
  });
});
