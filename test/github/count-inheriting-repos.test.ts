import nock from "nock";
import { describe, expect, it } from "vitest";
import { countInheritingRepos, MAX_REPOS_SCANNED } from "../../src/github/count-inheriting-repos.js";
import { API, expectAllMocksDone } from "../helpers/github-nock.js";
import { TestOctokit } from "../helpers/probot.js";

const repo = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  node_id: `R_${name}`,
  archived: false,
  owner: { login: "octo" },
  ...extra,
});

describe("countInheritingRepos", () => {
  it("looks at the first 1,000 repositories: 10 pages of the list and 10 GraphQL queries, no more", async () => {
    const scope = nock(API);
    for (let page = 1; page <= 10; page++)
      scope
        .get("/installation/repositories")
        .query({ per_page: "100", page: String(page) })
        .reply(200, {
          total_count: 1500,
          repositories: Array.from({ length: 100 }, (_, i) => repo(`r${page}-${i}`)),
        });
    scope
      .post("/graphql")
      .times(10)
      .reply(200, (_uri, body) => ({
        data: { nodes: (body as { variables: { ids: string[] } }).variables.ids.map((id) => ({ id, object: null })) },
      }));

    const count = await countInheritingRepos(new TestOctokit({ auth: "t" }), "octo");

    expectAllMocksDone();
    expect(count).toEqual({
      withoutFile: 1000,
      viaExtends: 0,
      scanned: 1000,
      total: 1500,
      bound: MAX_REPOS_SCANNED,
      unreadable: 0,
    });
  });

  it("keeps a partial GraphQL answer, ends an _extends loop, and counts what it cannot read apart", async () => {
    const scope = nock(API);
    scope
      .get("/installation/repositories")
      .query(true)
      .reply(200, { total_count: 4, repositories: [repo("a"), repo("b"), repo("broken"), repo("gone")] });
    scope.post("/graphql").reply(200, {
      data: {
        nodes: [
          { id: "R_a", object: { text: "_extends: b\n" } },
          { id: "R_b", object: { text: "_extends: a\n" } },
          { id: "R_broken", object: { text: "scope: [\n" } },
          null,
        ],
      },
      errors: [{ type: "NOT_FOUND", path: ["nodes", 3], message: "Could not resolve to a node" }],
    });

    const count = await countInheritingRepos(new TestOctokit({ auth: "t" }), "octo");

    expectAllMocksDone();
    // a and b extend each other: neither reaches the org file. "gone" GraphQL did not answer for: not counted.
    expect(count).toMatchObject({ withoutFile: 0, viaExtends: 0, unreadable: 2, scanned: 4 });
  });
});
