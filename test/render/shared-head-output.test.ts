import { describe, expect, it } from "vitest";
import type { CheckRunOutput } from "../../src/render/check-run-output.js";
import { findStrictest, renderSharedHead, type HeadVerdict } from "../../src/render/shared-head-output.js";

const output = (conclusion: "success" | "failure", title: string): CheckRunOutput => ({
  conclusion,
  title,
  summary: `summary of ${title}`,
  annotations: [],
});
const verdict = (
  number: number,
  hotfix: boolean,
  conclusion: "success" | "failure",
  title = `#${number}`,
): HeadVerdict => ({
  number,
  title: `PR ${number}`,
  hotfix,
  output: output(conclusion, title),
});

describe("findStrictest", () => {
  it("carries a failure first, then a passing hotfix, then the judged PR", () => {
    const judged = verdict(7, false, "success");
    expect(findStrictest(judged, [verdict(1, true, "success"), verdict(2, true, "failure")]).number).toBe(2);
    expect(findStrictest(judged, [verdict(1, true, "success")]).number).toBe(1);
    expect(findStrictest(judged, [verdict(1, false, "success")]).number).toBe(7);
  });
});

describe("renderSharedHead", () => {
  it("keeps the judged PR's title when every PR passes and it is the one carried", () => {
    const rendered = renderSharedHead(verdict(7, true, "success", "All rules pass"), [verdict(1, false, "success")]);
    expect(rendered.conclusion).toBe("success");
    expect(rendered.title).toBe("All rules pass");
    expect(rendered.summary).toContain("#7's, because every pull request on this commit passes.");
    expect(rendered.summary).not.toContain("An override holds only");
  });

  it("renders a title that cannot break the table out of the cell", () => {
    const sibling = { ...verdict(1, true, "failure", "1 rule fails"), title: "a | b\n<img>" };
    const rendered = renderSharedHead(verdict(7, false, "success"), [sibling]);
    expect(rendered.summary).toContain("| #1 | a \\| b<br>&lt;img&gt; | yes | ❌ 1 rule fails |");
    expect(rendered.title).toBe("#1 on this commit: 1 rule fails");
  });
});
