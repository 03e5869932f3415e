import nock from "nock";
import { describe, expect, it } from "vitest";
import { listOpenPullsByHead } from "../../src/github/list-open-pulls-by-head.js";
import { API, expectAllMocksDone } from "../helpers/github-nock.js";
import { TestOctokit } from "../helpers/probot.js";

const REPO = { owner: "o", repo: "r" };
const SHA = "a".repeat(40);
const pull = (number: number, sha: string, headRepo = "o/r") => ({
  number,
  title: `PR ${number}`,
  head: { ref: `b${number}`, sha, repo: { full_name: headRepo } },
  labels: [{ name: "x" }],
  updated_at: `2026-12-0${(number % 9) + 1}T10:00:00Z`,
});

function mockPage(scope: nock.Scope, page: number, pulls: unknown[]) {
  scope
    .get("/repos/o/r/pulls")
    .query({ state: "open", sort: "updated", direction: "desc", per_page: "100", page: String(page) })
    .reply(200, pulls);
}

describe("listOpenPullsByHead", () => {
  it("finds fork and same-repository PRs on the commit in one page", async () => {
    const scope = nock(API);
    mockPage(scope, 1, [pull(3, SHA, "fork/r"), pull(4, "b".repeat(40)), pull(2, SHA)]);

    const found = await listOpenPullsByHead(new TestOctokit({ auth: "test" }), REPO, SHA);

    expectAllMocksDone();
    expect(found).toEqual({
      truncated: false,
      pulls: [
        { number: 2, title: "PR 2", headRef: "b2", labels: ["x"], headRepo: "o/r" },
        { number: 3, title: "PR 3", headRef: "b3", labels: ["x"], headRepo: "fork/r" },
      ],
      // Every open PR read, for the open-heads index to be seeded with.
      listed: [
        { number: 3, sha: SHA, updatedAt: Date.parse("2026-12-04T10:00:00Z") },
        { number: 4, sha: "b".repeat(40), updatedAt: Date.parse("2026-12-05T10:00:00Z") },
        { number: 2, sha: SHA, updatedAt: Date.parse("2026-12-03T10:00:00Z") },
      ],
    });
  });

  it("stops after 10 pages and then adds the commit's own open PRs", async () => {
    const scope = nock(API);
    const full = Array.from({ length: 100 }, (_, i) => pull(1000 + i, "c".repeat(40)));
    for (let page = 1; page <= 10; page++) mockPage(scope, page, full);
    scope
      .get(`/repos/o/r/commits/${SHA}/pulls`)
      .query({ per_page: "100" })
      .reply(200, [
        { ...pull(5, SHA), state: "open" },
        { ...pull(6, SHA), state: "closed" },
      ]);

    const found = await listOpenPullsByHead(new TestOctokit({ auth: "test" }), REPO, SHA);

    expectAllMocksDone();
    expect(found.truncated).toBe(true);
    expect(found.pulls.map((p) => p.number)).toEqual([5]);
    expect(found.listed).toHaveLength(1_000); // truncated: not a seed (the caller seeds only a whole list)
  });
});
