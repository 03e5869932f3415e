import nock from "nock";
import { describe, expect, it } from "vitest";
import { createTokenClient } from "../../src/github/create-token-client.js";
import { listEnvironmentDeployments } from "../../src/github/list-environment-deployments.js";
import { listEvidenceRuns } from "../../src/github/list-evidence-runs.js";
import { listPullReviews } from "../../src/github/list-pull-reviews.js";
import { API, expectAllMocksDone } from "../helpers/github-nock.js";
import { TestOctokit } from "../helpers/token-octokit.js";

const REPO = { owner: "octo", repo: "shop" };
const SHA = "f".repeat(40);
const octokit = () => createTokenClient("t", API, TestOctokit);

describe("the evidence reads page through GitHub's lists", () => {
  it("listPullReviews reads every page of 100", async () => {
    const review = (id: number) => ({
      id,
      state: "APPROVED",
      user: { login: `u${id}` },
      submitted_at: "2026-11-21T09:00:00Z",
    });
    nock(API)
      .get("/repos/octo/shop/pulls/12/reviews")
      .query({ per_page: "100", page: "1" })
      .reply(
        200,
        Array.from({ length: 100 }, (_, i) => review(i + 1)),
      )
      .get("/repos/octo/shop/pulls/12/reviews")
      .query({ per_page: "100", page: "2" })
      .reply(200, [review(101), { id: 102, state: "COMMENTED", user: null }]);

    const reviews = await listPullReviews(octokit(), REPO, 12);

    expectAllMocksDone();
    expect(reviews).toHaveLength(102);
    expect(reviews.at(-1)).toEqual({ id: 102, state: "COMMENTED" });
  });

  it("listEvidenceRuns reads every page, keeps the App that wrote each, and drops runs of another commit or name", async () => {
    const run = (id: number, over: Record<string, unknown> = {}) => ({
      id,
      name: "single-patch-order/evidence",
      head_sha: SHA,
      external_id: `k${id}`,
      app: { id: 1, slug: "single-patch-order" },
      output: { text: "t" },
      html_url: `https://github.com/octo/shop/runs/${id}`,
      ...over,
    });
    const query = { check_name: "single-patch-order/evidence", filter: "all", per_page: "100" };
    nock(API)
      .get(`/repos/octo/shop/commits/${SHA}/check-runs`)
      .query({ ...query, page: "1" })
      .reply(200, { total_count: 102, check_runs: Array.from({ length: 100 }, (_, i) => run(i + 1)) })
      .get(`/repos/octo/shop/commits/${SHA}/check-runs`)
      .query({ ...query, page: "2" })
      .reply(200, {
        total_count: 102,
        check_runs: [run(101, { app: { id: 9, slug: "evil" } }), run(102, { head_sha: "e".repeat(40) })],
      });

    const runs = await listEvidenceRuns(octokit(), REPO, SHA);

    expectAllMocksDone();
    expect(runs).toHaveLength(101);
    expect(runs.at(-1)).toEqual({
      id: 101,
      externalId: "k101",
      appId: 9,
      appSlug: "evil",
      text: "t",
      htmlUrl: "https://github.com/octo/shop/runs/101",
    });
  });

  it("listEnvironmentDeployments stops at the first page that reaches before the range", async () => {
    const deployment = (id: number, created: string) => ({
      id,
      sha: SHA,
      environment: "production",
      created_at: created,
      creator: { login: "github-actions[bot]" },
    });
    const newer = Array.from({ length: 100 }, (_, i) => deployment(1000 - i, "2026-11-20T00:00:00Z"));
    const scope = nock(API)
      .get("/repos/octo/shop/deployments")
      .query({ environment: "production", per_page: "100", page: "1" })
      .reply(200, newer)
      .get("/repos/octo/shop/deployments")
      .query({ environment: "production", per_page: "100", page: "2" })
      .reply(200, [
        deployment(900, "2026-11-10T00:00:00Z"),
        ...Array.from({ length: 99 }, (_, i) => deployment(899 - i, "2026-10-01T00:00:00Z")),
      ]);
    for (const d of [...newer.map((n) => n.id), 900])
      scope.get(`/repos/octo/shop/deployments/${d}/statuses`).query({ per_page: "100" }).reply(200, []);

    const listed = await listEnvironmentDeployments(octokit(), REPO, {
      environment: "production",
      since: new Date("2026-11-01T00:00:00Z"),
      until: new Date("2026-12-01T00:00:00Z"),
      maxPages: 20,
    });

    expectAllMocksDone();
    expect(listed.complete).toBe(true);
    expect(listed.deployments).toHaveLength(101);
  });
});
