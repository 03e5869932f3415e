import { describe, expect, it } from "vitest";
import { MAX_OUTPUT_BYTES, MAX_TITLE } from "../../src/render/check-run-output.js";
import { renderMergeGroup } from "../../src/render/merge-group-output.js";

const passing = { conclusion: "success" as const, title: "All rules pass", summary: "", annotations: [] };
const failing = { conclusion: "failure" as const, title: "1 rule fails: …", summary: "", annotations: [] };

describe("renderMergeGroup", () => {
  it("fails a group whose PRs could not be found: the queue never passes unjudged work", () => {
    expect(renderMergeGroup([])).toMatchObject({
      conclusion: "failure",
      title: "Could not find the pull requests in this merge group",
    });
  });

  it("passes only when every PR passes, and names each PR in one table", () => {
    const out = renderMergeGroup([
      { number: 1, title: "a | b", output: passing },
      { number: 2, title: "c", output: failing },
    ]);
    expect(out.conclusion).toBe("failure");
    expect(out.title).toBe("1 of 2 pull requests in the group fail the gate");
    expect(out.summary).toContain("| #1 | a \\| b | success | All rules pass |");
    expect(renderMergeGroup([{ number: 1, title: "a", output: passing }]).conclusion).toBe("success");
  });

  it("stays within GitHub's limits for a huge group", () => {
    const prs = Array.from({ length: 3_000 }, (_, i) => ({ number: i, title: "é".repeat(200), output: passing }));
    const out = renderMergeGroup(prs);
    expect(Buffer.byteLength(out.summary)).toBeLessThanOrEqual(MAX_OUTPUT_BYTES);
    expect(out.title.length).toBeLessThanOrEqual(MAX_TITLE);
  });
});
