import nock from "nock";
import { describe, expect, it } from "vitest";
import { publishCompletedCheck } from "../../src/github/check-runs.js";
import type { Annotation } from "../../src/render/build-annotations.js";
import { API, expectAllMocksDone } from "../helpers/github-nock.js";
import { FIXED_NOW, TestOctokit } from "../helpers/probot.js";

const repo = { owner: "octo", repo: "shop" };

function annotation(i: number): Annotation {
  return {
    path: `src/f${i}.ts`,
    start_line: 1,
    end_line: 1,
    annotation_level: "failure",
    title: "single-scope",
    message: `finding ${i}`,
  };
}

describe("publishCompletedCheck", () => {
  it("creates the check completed in one request, with the output's annotations", async () => {
    const bodies: Array<Record<string, any>> = [];
    nock(API)
      .post("/repos/octo/shop/check-runs", (body) => bodies.push(body) > 0)
      .reply(201, { id: 7 });
    const octokit = new TestOctokit({ auth: "test" });
    const output = {
      conclusion: "failure" as const,
      title: "t",
      summary: "s",
      annotations: Array.from({ length: 3 }, (_, i) => annotation(i)),
    };

    const id = await publishCompletedCheck(octokit, repo, {
      name: "single-patch-order",
      headSha: "a".repeat(40),
      output,
      completedAt: FIXED_NOW,
      externalId: "12",
    });

    expectAllMocksDone();
    expect(id).toBe(7);
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toMatchObject({
      name: "single-patch-order",
      head_sha: "a".repeat(40),
      status: "completed",
      conclusion: "failure",
      completed_at: FIXED_NOW.toISOString(),
      external_id: "12",
    });
    expect(bodies[0]!.output).toEqual({ title: "t", summary: "s", annotations: output.annotations });
  });

  it("sends no annotations key when there are none", async () => {
    let sent: Record<string, any> = {};
    nock(API)
      .post("/repos/octo/shop/check-runs", (body) => ((sent = body), true))
      .reply(201, { id: 8 });
    const octokit = new TestOctokit({ auth: "test" });
    await publishCompletedCheck(octokit, repo, {
      name: "single-patch-order",
      headSha: "b".repeat(40),
      output: { conclusion: "success", title: "All rules pass", summary: "ok", annotations: [] },
      completedAt: FIXED_NOW,
    });
    expectAllMocksDone();
    expect(sent.output).toEqual({ title: "All rules pass", summary: "ok" });
  });
});
