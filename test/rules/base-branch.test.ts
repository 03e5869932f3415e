import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, parseConfig } from "../../src/config/parse-config.js";
import type { Config } from "../../src/config/schema.js";
import { readBodySections } from "../../src/core/readers/body-sections.js";
import type { Change } from "../../src/core/change.js";
import { baseBranch } from "../../src/rules/base-branch.js";
import { buildChange } from "../../support/build-change.js";

const evaluate = (change: Change, config: Config = DEFAULT_CONFIG) =>
  baseBranch.evaluate({ change, config, sections: readBodySections(change.body) });

describe("base-branch", () => {
  it("passes the default change, which targets main", () => {
    expect(evaluate(buildChange())).toEqual({
      verdict: "pass",
      message: "The base branch `main` is an allowed hotfix base.",
      facts: { "Base branch": "`main`" },
    });
  });

  it.each(["master", "release/1.4", "release/2025/q1"])("passes a hotfix into %s", (base) => {
    expect(evaluate(buildChange({ baseBranch: base })).verdict).toBe("pass");
  });

  it.each(["develop", "release", "feature/main", "Main"])(
    "fails a hotfix into %s, naming it and the allowed bases",
    (base) => {
      expect(evaluate(buildChange({ baseBranch: base }))).toEqual({
        verdict: "fail",
        message: `The base branch \`${base}\` is not an allowed hotfix base (\`main\`, \`master\`, \`release/**\`).`,
        fix: "Retarget this PR to one of the allowed bases: `main`, `master`, `release/**`.",
        facts: { "Base branch": `\`${base}\`` },
      });
    },
  );

  it("uses the configured bases", () => {
    const config = parseConfig({ base: { branches: ["production", "support/*"] } }, "test");
    expect(evaluate(buildChange({ baseBranch: "support/3.x" }), config).verdict).toBe("pass");
    const result = evaluate(buildChange({ baseBranch: "main" }), config);
    expect(result.verdict).toBe("fail");
    expect(result.fix).toBe("Retarget this PR to one of the allowed bases: `production`, `support/*`.");
  });
});
