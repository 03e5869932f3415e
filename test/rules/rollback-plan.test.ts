import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, parseConfig } from "../../src/config/parse-config.js";
import type { Config } from "../../src/config/schema.js";
import { readBodySections } from "../../src/core/readers/body-sections.js";
import { rollbackPlan } from "../../src/rules/rollback-plan.js";
import { buildChange, GOOD_BODY } from "../../support/build-change.js";

const WITHOUT_PLAN = GOOD_BODY.replace(/## Rollback plan[\s\S]*$/, "");
const withPlan = (plan: string) => `${WITHOUT_PLAN}## Rollback plan\n${plan}\n`;
const FIX =
  "Under `## Rollback plan`, write how to undo this patch (e.g. revert the PR and redeploy the previous version), what to watch to decide (errors, metrics), and who makes the call.";

function judge(body: string, config: Config = DEFAULT_CONFIG) {
  const change = buildChange({ body });
  return rollbackPlan.evaluate({ change, config, sections: readBodySections(change.body) });
}

describe("rollback-plan", () => {
  it("passes the default body", () => {
    expect(judge(GOOD_BODY)).toEqual({
      verdict: "pass",
      message: "The `Rollback plan` section has a rollback plan (86 characters).",
    });
  });

  it.each([
    [
      "an alias heading",
      `${WITHOUT_PLAN}**Backout plan:**\nRevert the PR and redeploy 1.4.2; watch the checkout error rate.`,
      "The `Backout plan` section has a rollback plan (64 characters).",
    ],
    [
      "a plan in sub-headed steps",
      withPlan("### Steps\n1. Revert the PR.\n2. Redeploy 1.4.2.\n### Owner\nThe on-call SRE decides."),
      "The `Rollback plan` section has a rollback plan (81 characters).",
    ],
    [
      "exactly the minimum length",
      withPlan("x".repeat(40)),
      "The `Rollback plan` section has a rollback plan (40 characters).",
    ],
  ])("passes with %s", (_, body, message) => {
    expect(judge(body)).toEqual({ verdict: "pass", message });
  });

  it.each([
    ["no section", WITHOUT_PLAN, "The description has no `Rollback plan` section."],
    ["an empty section", withPlan(""), "The `Rollback plan` section is empty."],
    [
      "a section holding only a template hint",
      withPlan("<!-- how do we undo this? -->"),
      "The `Rollback plan` section is empty.",
    ],
    ["`N/A`", withPlan("N/A"), "The rollback plan says only `N/A`."],
    ["`TBD` as a bullet", withPlan("- TBD"), "The rollback plan says only `- TBD`."],
    ["`-`", withPlan("-"), "The rollback plan says only `-`."],
    ["`none`", withPlan("  none.  "), "The rollback plan says only `none.`."],
    [
      "a too-short plan",
      withPlan("Revert the PR and redeploy."),
      "The rollback plan is too short: 27 characters; at least 40 are needed to say how to undo this patch.",
    ],
    [
      "a plan padded with whitespace",
      withPlan("Revert   the\n\n\nPR   and  redeploy."),
      "The rollback plan is too short: 27 characters; at least 40 are needed to say how to undo this patch.",
    ],
    [
      "a plan only inside fenced code",
      withPlan("```\n## Rollback plan\n```"),
      "The rollback plan is too short: 24 characters; at least 40 are needed to say how to undo this patch.",
    ],
  ])("fails with %s", (_, body, message) => {
    expect(judge(body)).toEqual({ verdict: "fail", message, fix: FIX });
  });

  it("counts characters, not UTF-16 units", () => {
    expect(judge(withPlan("🔙".repeat(39)))).toMatchObject({
      verdict: "fail",
      message: expect.stringContaining("39 characters"),
    });
  });

  it("uses rollback.minLength and the configured headings", () => {
    const config = parseConfig({ rollback: { minLength: 10 }, sections: { rollback: ["Undo"] } }, "test");
    expect(judge(`${WITHOUT_PLAN}## Undo\nRevert the PR.`, config)).toEqual({
      verdict: "pass",
      message: "The `Undo` section has a rollback plan (14 characters).",
    });
    expect(judge(GOOD_BODY, config)).toEqual({
      verdict: "fail",
      message: "The description has no `Undo` section.",
      fix: FIX.replace("Rollback plan", "Undo"),
    });
    expect(judge(`${WITHOUT_PLAN}## Undo\nRevert.`, config)).toMatchObject({
      message: "The rollback plan is too short: 7 characters; at least 10 are needed to say how to undo this patch.",
    });
  });

  it("quotes a long placeholder clipped, without breaking the code span", () => {
    const config = parseConfig({ rollback: { minLength: 0 } }, "test");
    expect(judge(withPlan("n/a"), config)).toMatchObject({
      verdict: "fail",
      message: "The rollback plan says only `n/a`.",
    });
    expect(judge(withPlan("`todo`"), config)).toMatchObject({ message: "The rollback plan says only `'todo'`." });
  });

  it("reads a 1 MB body full of `#` and `*` characters", () => {
    const body = `${"# * ## ** ###\n**#**\n".repeat(60_000)}${withPlan("Revert the PR and redeploy 1.4.2; nothing else changed.")}`;
    expect(body.length).toBeGreaterThan(1_000_000);
    expect(judge(body)).toEqual({
      verdict: "pass",
      message: "The `Rollback plan` section has a rollback plan (55 characters).",
    });
  });
});
