import { describe, expect, it } from "vitest";
import {
  EXIT,
  toCheckConclusion,
  toDeployStatusState,
  toExitCode,
  toReviewState,
} from "../../src/core/to-conclusion.js";
import type { Verdict } from "../../src/core/rule-result.js";

describe("the single switch to GitHub's and the shell's words", () => {
  it.each<[Verdict, boolean, string, number]>([
    ["pass", false, "success", EXIT.pass],
    ["skip", false, "success", EXIT.pass],
    ["warn", false, "success", EXIT.pass],
    ["fail", false, "failure", EXIT.fail],
    ["fail", true, "success", EXIT.fail],
  ])("verdict %s (overridden: %s) → check %s, exit %i", (verdict, overridden, conclusion, exit) => {
    expect(toCheckConclusion({ verdict }, overridden)).toBe(conclusion);
    expect(toExitCode({ verdict })).toBe(exit);
  });

  it.each([
    [true, "approved", "success"],
    [false, "rejected", "failure"],
  ])("deployment allowed %s → review %s, status %s", (allowed, review, status) => {
    expect(toReviewState({ allowed })).toBe(review);
    expect(toDeployStatusState({ allowed })).toBe(status);
  });

  it("uses 2 for usage and config errors", () => {
    expect(EXIT.usage).toBe(2);
  });
});
