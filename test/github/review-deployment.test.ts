import { describe, expect, it } from "vitest";
import { parseRunId } from "../../src/github/review-deployment.js";

describe("parseRunId", () => {
  it.each([
    ["https://api.github.com/repos/o/r/actions/runs/1234567890/deployment_protection_rule", 1234567890],
    ["https://ghe.example.com/api/v3/repos/o/r/actions/runs/42/deployment_protection_rule/", 42],
    ["https://api.github.com/repos/o/r/actions/runs/42/deployment_protection_rule?x=1", 42],
    ["https://api.github.com/repos/o/r/actions/runs//deployment_protection_rule", undefined],
    ["https://api.github.com/repos/o/r/actions/runs/0/deployment_protection_rule", undefined],
    ["https://api.github.com/repos/o/r/actions/runs/42/approvals", undefined],
    ["https://api.github.com/repos/o/r/actions/runs/99999999999999999999/deployment_protection_rule", undefined],
    [undefined, undefined],
  ])("%s → %s", (url, id) => {
    expect(parseRunId(url)).toBe(id);
  });
});
