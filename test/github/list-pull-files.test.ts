import nock from "nock";
import { describe, expect, it } from "vitest";
import { listPullFiles } from "../../src/github/list-pull-files.js";
import { API, expectAllMocksDone } from "../helpers/github-nock.js";
import { TestOctokit } from "../helpers/probot.js";

const repo = { owner: "octo", repo: "shop" };

async function listOne(entry: Record<string, unknown>) {
  nock(API)
    .get("/repos/octo/shop/pulls/9/files")
    .query({ per_page: "100", page: "1" })
    .reply(200, [{ sha: "abc", blob_url: "", raw_url: "", contents_url: "", ...entry }]);
  const files = await listPullFiles(new TestOctokit({ auth: "t" }), repo, { number: 9, changed_files: 1 });
  expectAllMocksDone();
  return files[0];
}

describe("listPullFiles maps GitHub's entries faithfully", () => {
  it("keeps the counts of a file whose patch GitHub omitted as too large, without a patch", async () => {
    const file = await listOne({
      filename: "dist/app.min.js",
      status: "modified",
      additions: 2081,
      deletions: 40,
      changes: 2121,
    });

    expect(file).toEqual({ path: "dist/app.min.js", status: "modified", additions: 2081, deletions: 40 });
  });

  it("gives an unchanged rename (changes: 0) no patch and 0/0 lines, with the old path", async () => {
    const file = await listOne({
      filename: "db/migrate/001_init.sql",
      previous_filename: "db/migrations/001_init.sql",
      status: "renamed",
      additions: 0,
      deletions: 0,
      changes: 0,
    });

    expect(file).toEqual({
      path: "db/migrate/001_init.sql",
      previousPath: "db/migrations/001_init.sql",
      status: "renamed",
      additions: 0,
      deletions: 0,
    });
  });

  it.each([
    ["a null patch", { patch: null }],
    ["an empty patch", { patch: "" }],
  ])("reads %s as no patch", async (_, fields) => {
    const file = await listOne({
      filename: "bin/tool",
      status: "changed",
      additions: 0,
      deletions: 0,
      changes: 0,
      ...fields,
    });

    expect(file).toEqual({ path: "bin/tool", status: "changed", additions: 0, deletions: 0 });
  });

  it("counts a status GitHub does not document as modified: a change, never nothing", async () => {
    const file = await listOne({
      filename: "a.ts",
      status: "teleported",
      additions: 1,
      deletions: 1,
      changes: 2,
      patch: "@@ -1 +1 @@\n-a\n+b",
    });

    expect(file).toEqual({
      path: "a.ts",
      status: "modified",
      additions: 1,
      deletions: 1,
      patch: "@@ -1 +1 @@\n-a\n+b",
    });
  });
});
