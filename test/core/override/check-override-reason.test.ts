import { describe, expect, it } from "vitest";
import { checkOverrideReason, MAX_REASON_CHARS } from "../../../src/core/override/check-override-reason.js";

describe("checkOverrideReason", () => {
  it.each([
    ["", { kind: "missing" }],
    ["   ", { kind: "missing" }],
    ["urgent", { kind: "too-short", words: 1, chars: 6 }],
    ["fix it", { kind: "too-short", words: 2, chars: 6 }],
    ["a b c", { kind: "too-short", words: 3, chars: 5 }],
    ["INC-42 — !!!", { kind: "too-short", words: 1, chars: 12 }],
    ["outage-in-progress-please-merge", { kind: "too-short", words: 1, chars: 31 }],
    ["x".repeat(MAX_REASON_CHARS + 1), { kind: "too-long", chars: MAX_REASON_CHARS + 1 }],
  ])("refuses %j", (reason, problem) => {
    expect(checkOverrideReason(reason)).toStrictEqual(problem);
  });

  it.each([
    "fix it now",
    "INC-42 checkout down, rollback tested",
    "  Störung im Checkout seit 10:00  ",
    `${"word ".repeat(99)}end`,
  ])("accepts %j", (reason) => {
    expect(checkOverrideReason(reason)).toBeUndefined();
  });
});
