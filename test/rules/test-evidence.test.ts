import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, parseConfig } from "../../src/config/parse-config.js";
import type { Config } from "../../src/config/schema.js";
import { readBodySections } from "../../src/core/readers/body-sections.js";
import type { Change, HeadCheck } from "../../src/core/change.js";
import { testEvidence } from "../../src/rules/test-evidence.js";
import { buildChange, file, GOOD_BODY } from "../../support/build-change.js";

const NO_EVIDENCE_BODY = GOOD_BODY.replace(/## Test evidence\n.*\n/, "");
const CODE_ONLY = [file("src/checkout/discount.ts")];
const CHECKS = parseConfig({ tests: { requiredChecks: ["ci/unit", "ci/lint"] } }, "test");

function judge(overrides: Partial<Change>, config: Config = DEFAULT_CONFIG) {
  const change = buildChange(overrides);
  return testEvidence.evaluate({ change, config, sections: readBodySections(change.body) });
}

const done = (name: string, conclusion = "success"): HeadCheck => ({ name, status: "completed", conclusion });
const running = (name: string, status: HeadCheck["status"] = "in_progress"): HeadCheck => ({
  name,
  status,
  conclusion: null,
});

describe("test-evidence", () => {
  it("passes the default change: a test file changed", () => {
    expect(judge({})).toEqual({ verdict: "pass", message: "1 test file changed.", facts: { "Test files": "1" } });
  });

  it("passes a test-only change", () => {
    const files = [file("test/checkout.spec.ts"), file("src/checkout/__tests__/total.ts", { status: "added" })];
    expect(judge({ files, body: NO_EVIDENCE_BODY })).toEqual({
      verdict: "pass",
      message: "2 test files changed.",
      facts: { "Test files": "2" },
    });
  });

  it("passes with the evidence only as a section", () => {
    expect(judge({ files: CODE_ONLY })).toEqual({
      verdict: "pass",
      message: "The `Test evidence` section describes how the fix was tested.",
      facts: { "Test files": "0" },
    });
  });

  it("finds the section under an alias", () => {
    const body = NO_EVIDENCE_BODY.replace(
      "## Rollback plan",
      "### How was this tested?\nReplayed the failing request on staging.\n\n## Rollback plan",
    );
    expect(judge({ files: CODE_ONLY, body })).toMatchObject({
      verdict: "pass",
      message: "The `How was this tested?` section describes how the fix was tested.",
    });
  });

  it.each<[string, Partial<Change>, string]>([
    [
      "no test file and no section",
      { files: CODE_ONLY, body: NO_EVIDENCE_BODY },
      "No test file changed and the description has no `Test evidence` section.",
    ],
    [
      "a placeholder section",
      { files: CODE_ONLY, body: GOOD_BODY.replace(/(## Test evidence\n).*\n/, "$1N/A\n") },
      "No test file changed and the description has only a placeholder under `Test evidence`.",
    ],
    [
      "only a removed test file",
      { files: [...CODE_ONLY, file("src/checkout/discount.test.ts", { status: "removed" })], body: NO_EVIDENCE_BODY },
      "No test file changed and the description has no `Test evidence` section.",
    ],
    [
      "a test-looking doc file",
      { files: [...CODE_ONLY, file("docs/testing.md")], body: NO_EVIDENCE_BODY },
      "No test file changed and the description has no `Test evidence` section.",
    ],
  ])("fails with %s", (_, overrides, message) => {
    expect(judge(overrides)).toEqual({
      verdict: "fail",
      message,
      fix: "Add or update a test for the bug, or describe under `## Test evidence` how you verified the fix.",
      facts: { "Test files": "0" },
    });
  });

  it("reads a 1 MB body full of `#` and `*` characters", () => {
    const body = `${"# * ** #x *y* ##\n**\n".repeat(60_000)}## Test evidence\nReplayed the failing request on staging.`;
    expect(body.length).toBeGreaterThan(1_000_000);
    expect(judge({ files: CODE_ONLY, body })).toMatchObject({
      verdict: "pass",
      message: "The `Test evidence` section describes how the fix was tested.",
    });
  });

  it("uses the configured test paths", () => {
    const config = parseConfig({ tests: { paths: ["qa/**"] } }, "test");
    expect(judge({ body: NO_EVIDENCE_BODY }, config)).toMatchObject({ verdict: "fail" });
    expect(judge({ files: [...CODE_ONLY, file("qa/discount.py")], body: NO_EVIDENCE_BODY }, config)).toMatchObject({
      verdict: "pass",
      facts: { "Test files": "1" },
    });
  });

  describe("required checks", () => {
    it("passes when every required check succeeded", () => {
      expect(judge({ checks: [done("ci/unit"), done("ci/lint"), done("other", "failure")] }, CHECKS)).toEqual({
        verdict: "pass",
        message: "1 test file changed and `ci/unit` and `ci/lint` succeeded.",
        facts: { "Test files": "1", "Required checks": "`ci/unit`: success, `ci/lint`: success" },
      });
    });

    it.each<[string, HeadCheck[], string, string, string]>([
      [
        "still running",
        [running("ci/unit"), done("ci/lint")],
        "Waiting for `ci/unit`.",
        "Wait for `ci/unit` to finish: this check is judged again when it completes.",
        "`ci/unit`: in progress, `ci/lint`: success",
      ],
      [
        "queued",
        [running("ci/unit", "queued"), done("ci/lint")],
        "Waiting for `ci/unit`.",
        "Wait for `ci/unit` to finish: this check is judged again when it completes.",
        "`ci/unit`: queued, `ci/lint`: success",
      ],
      [
        "missing",
        [done("ci/lint")],
        "Waiting for `ci/unit` (not started yet).",
        "Wait for `ci/unit` to finish: this check is judged again when it completes.",
        "`ci/unit`: not started, `ci/lint`: success",
      ],
      [
        "failed",
        [done("ci/unit", "failure"), done("ci/lint")],
        "Required check `ci/unit` concluded `failure`.",
        "Make `ci/unit` pass on the head commit.",
        "`ci/unit`: failure, `ci/lint`: success",
      ],
      [
        "neutral (not a success)",
        [done("ci/unit", "neutral"), done("ci/lint")],
        "Required check `ci/unit` concluded `neutral`.",
        "Make `ci/unit` pass on the head commit.",
        "`ci/unit`: neutral, `ci/lint`: success",
      ],
      [
        "failed as a status while its check run succeeded",
        [done("ci/unit"), done("ci/unit", "failure"), done("ci/lint")],
        "Required check `ci/unit` concluded `failure`.",
        "Make `ci/unit` pass on the head commit.",
        "`ci/unit`: failure, `ci/lint`: success",
      ],
      [
        "failed and pending",
        [done("ci/unit", "timed_out"), running("ci/lint")],
        "Required check `ci/unit` concluded `timed_out`; waiting for `ci/lint`.",
        "Make `ci/unit` pass on the head commit; wait for `ci/lint` to finish: this check is judged again when it completes.",
        "`ci/unit`: timed_out, `ci/lint`: in progress",
      ],
      [
        "both missing",
        [],
        "Waiting for `ci/unit` (not started yet) and `ci/lint` (not started yet).",
        "Wait for `ci/unit` and `ci/lint` to finish: this check is judged again when they complete.",
        "`ci/unit`: not started, `ci/lint`: not started",
      ],
    ])("fails when a required check is %s", (_, checks, message, fix, conclusions) => {
      expect(judge({ checks }, CHECKS)).toEqual({
        verdict: "fail",
        message,
        fix,
        facts: { "Test files": "1", "Required checks": conclusions },
      });
    });

    it("fails when the checks on the head commit could not be read", () => {
      expect(judge({}, CHECKS)).toEqual({
        verdict: "fail",
        message: "The checks on the head commit could not be read.",
        fix: "Re-run this check with `/spo recheck`.",
        facts: { "Test files": "1" },
      });
    });

    it("names both problems when evidence is missing and a check failed", () => {
      expect(
        judge(
          { files: CODE_ONLY, body: NO_EVIDENCE_BODY, checks: [done("ci/unit", "failure"), done("ci/lint")] },
          CHECKS,
        ),
      ).toMatchObject({
        verdict: "fail",
        message:
          "No test file changed and the description has no `Test evidence` section; required check `ci/unit` concluded `failure`.",
        fix: "Add or update a test for the bug, or describe under `## Test evidence` how you verified the fix; make `ci/unit` pass on the head commit.",
      });
    });

    it("ignores checks when none are required", () => {
      expect(judge({ checks: [done("ci/unit", "failure")] })).toMatchObject({
        verdict: "pass",
        facts: { "Test files": "1" },
      });
    });
  });
});
