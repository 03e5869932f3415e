import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, parseConfig } from "../../src/config/parse-config.js";
import type { Config } from "../../src/config/schema.js";
import { readBodySections } from "../../src/core/readers/body-sections.js";
import { problemStatement } from "../../src/rules/problem-statement.js";
import { buildChange, GOOD_BODY } from "../../support/build-change.js";

function judge(body: string, config: Config = DEFAULT_CONFIG) {
  const change = buildChange({ body });
  return problemStatement.evaluate({ change, config, sections: readBodySections(change.body) });
}

const PASS = { verdict: "pass", message: "The description states the problem, the root cause and the fix." };
const WHY = "(the description must state the problem, its root cause and the fix)";
const SAY = "say in a sentence or two what broke, why, and what this patch changes.";

describe("problem-statement", () => {
  it("passes the default body", () => {
    expect(judge(GOOD_BODY)).toEqual(PASS);
  });

  it.each([
    ["aliases at any level and case", "# BUG\nIt breaks.\n#### cause:\nA typo.\n**Solution:**\nFix the typo."],
    ["setext headings", "What is broken\n===\nIt breaks.\n\nWhy\n===\nA typo.\n\nThe fix\n===\nFix the typo."],
    [
      "sections nested under a summary heading",
      "# Hotfix\n## Symptoms\nIt breaks.\n## Root cause analysis\nA typo.\n## Changes\nFix the typo.",
    ],
  ])("passes with %s", (_, body) => {
    expect(judge(body)).toEqual(PASS);
  });

  it.each([
    [
      "an empty body",
      "",
      `Missing: Problem, Root cause, Fix ${WHY}.`,
      `Add \`## Problem\`, \`## Root cause\` and \`## Fix\` sections to the PR description: ${SAY}`,
    ],
    [
      "a body without headings",
      "Fixes the checkout crash.",
      `Missing: Problem, Root cause, Fix ${WHY}.`,
      `Add \`## Problem\`, \`## Root cause\` and \`## Fix\` sections to the PR description: ${SAY}`,
    ],
    [
      "no root cause and no fix",
      "## Problem\nIt breaks.",
      `Missing: Root cause, Fix ${WHY}.`,
      `Add \`## Root cause\` and \`## Fix\` sections to the PR description: ${SAY}`,
    ],
    [
      "only the fix missing",
      "## Problem\nIt breaks.\n## Root cause\nA typo.",
      `Missing: Fix ${WHY}.`,
      `Add a \`## Fix\` section to the PR description: ${SAY}`,
    ],
    [
      "a placeholder root cause",
      "## Problem\nIt breaks.\n## Cause\nTBD\n## Fix\nThis.",
      `Empty or a placeholder: Root cause ${WHY}.`,
      `Fill in \`## Cause\`: ${SAY}`,
    ],
    [
      "a template left with its hints",
      "## Problem\n<!-- what broke? -->\n## Root cause\nA typo.\n## Fix\nThis.",
      `Empty or a placeholder: Problem ${WHY}.`,
      `Fill in \`## Problem\`: ${SAY}`,
    ],
    [
      "one missing and one placeholder",
      "## Problem\nIt breaks.\n## Root cause\nN/A",
      `Missing: Fix; empty or a placeholder: Root cause ${WHY}.`,
      `Add a \`## Fix\` section to the PR description and fill in \`## Root cause\`: ${SAY}`,
    ],
  ])("fails with %s", (_, body, message, fix) => {
    expect(judge(body)).toEqual({ verdict: "fail", message, fix });
  });

  it("uses the configured headings, and names the first alias in the fix", () => {
    const config = parseConfig({ sections: { rootCause: ["Five whys"] } }, "test");
    expect(judge("## Problem\nIt breaks.\n## Five whys\nA typo.\n## Fix\nThis.", config)).toEqual(PASS);
    expect(judge(GOOD_BODY, config)).toEqual({
      verdict: "fail",
      message: `Missing: Root cause ${WHY}.`,
      fix: `Add a \`## Five whys\` section to the PR description: ${SAY}`,
    });
  });

  it("does not read a `## Fix` line inside fenced code", () => {
    expect(judge("## Problem\nIt breaks.\n## Root cause\nA typo.\n```md\n## Fix\nexample\n```")).toMatchObject({
      verdict: "fail",
      message: `Missing: Fix ${WHY}.`,
    });
  });

  it("reads a 1 MB body full of `#` and `*` characters", () => {
    const body = `${"#*#*** ## #\n*#**\n".repeat(70_000)}## Problem\nIt breaks.\n## Root cause\nA typo.\n## Fix\nThis.`;
    expect(body.length).toBeGreaterThan(1_000_000);
    expect(judge(body)).toEqual(PASS);
  });
});
