import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { rules, rulesById } from "../../src/rules/index.js";
import { RULE_IDS } from "../../src/config/rule-ids.js";
import { evaluatePolicy } from "../../src/core/evaluate-policy.js";
import { DEFAULT_CONFIG, parseConfig } from "../../src/config/parse-config.js";
import { buildChange, file } from "../../support/build-change.js";

const NOT_RULES = new Set(["index.ts", "phrases.ts", "verify-ticket.ts", "explain-lookup-error.ts"]);

describe("the rule registry", () => {
  it("registers every rule file under its own id, in RULE_IDS order", () => {
    const files = readdirSync(new URL("../../src/rules/", import.meta.url)).filter((f) => !NOT_RULES.has(f));
    expect(files.map((f) => f.replace(/\.ts$/, "")).sort()).toEqual([...RULE_IDS].sort());
    expect(rules.map((r) => r.id)).toEqual([...RULE_IDS]);
    for (const id of RULE_IDS) expect(rulesById[id].id).toBe(id);
  });

  it("documents every rule in docs/rules.md", () => {
    const docs = readFileSync(new URL("../../docs/rules.md", import.meta.url), "utf8");
    const documented = [...docs.matchAll(/^## (\S+)$/gm)].map((m) => m[1]);
    expect(documented).toEqual([...RULE_IDS]);
  });

  it("has a one-line description for every rule", () => {
    for (const rule of rules) expect(rule.description).toMatch(/^[A-Z].{10,120}\.$/);
  });
});

describe("evaluatePolicy", () => {
  it("judges a good hotfix: every rule passes or is skipped with a reason", () => {
    const report = evaluatePolicy(buildChange(), DEFAULT_CONFIG, rules);
    expect(report.verdict).toBe("pass");
    expect(report.results.map((r) => r.ruleId)).toEqual([...RULE_IDS]);
    for (const result of report.results) {
      expect(["pass", "skip"]).toContain(result.verdict);
      expect(result.message.length).toBeGreaterThan(0);
    }
  });

  it("does not judge a change that is not a hotfix", () => {
    const report = evaluatePolicy(buildChange({ headBranch: "feature/x" }), DEFAULT_CONFIG, rules);
    expect(report).toMatchObject({ hotfix: { hotfix: false }, results: [], verdict: "pass" });
  });

  it("turns a failure into a warning or a skip as the config says", () => {
    const change = buildChange({ files: [file("src/a/x.ts"), file("src/b/y.ts"), file("src/a/x.test.ts")] });
    expect(evaluatePolicy(change, DEFAULT_CONFIG, rules).verdict).toBe("fail");
    const warned = evaluatePolicy(change, parseConfig({ rules: { "single-scope": "warn" } }, "test"), rules);
    expect(warned.verdict).toBe("warn");
    expect(warned.results.find((r) => r.ruleId === "single-scope")?.verdict).toBe("warn");
    const off = evaluatePolicy(change, parseConfig({ rules: { "single-scope": "off" } }, "test"), rules);
    expect(off.results.find((r) => r.ruleId === "single-scope")).toEqual({
      ruleId: "single-scope",
      verdict: "skip",
      message: "Turned off in the config.",
    });
  });

  it("reports a rule that throws as a failure of that rule, never a pass", () => {
    const broken = {
      id: "base-branch" as const,
      description: "Broken.",
      evaluate: () => {
        throw new Error("boom");
      },
    };
    const report = evaluatePolicy(buildChange(), DEFAULT_CONFIG, [broken]);
    expect(report.verdict).toBe("fail");
    expect(report.results[0]).toMatchObject({
      ruleId: "base-branch",
      verdict: "fail",
      message: "The rule could not be evaluated: boom",
    });
  });

  it("collects the facts the rules saw, first writer wins", () => {
    const report = evaluatePolicy(buildChange(), DEFAULT_CONFIG, rules);
    expect(report.facts).toMatchObject({
      "Base branch": expect.any(String),
      Scopes: expect.stringContaining("src/checkout"),
    });
  });
});
