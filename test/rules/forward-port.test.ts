import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, parseConfig } from "../../src/config/parse-config.js";
import type { Config } from "../../src/config/schema.js";
import type { Change } from "../../src/core/change.js";
import { evaluatePolicy } from "../../src/core/evaluate-policy.js";
import { needsTwinFacts } from "../../src/core/forward-port/needs-twin-facts.js";
import { readBodySections } from "../../src/core/readers/body-sections.js";
import { forwardPort } from "../../src/rules/forward-port.js";
import { rules } from "../../src/rules/index.js";
import { buildChange } from "../../support/build-change.js";
import { buildTwinFacts, SHA } from "../../support/build-twin-facts.js";

const upstreamFirst = parseConfig({ forwardPort: { mode: "upstream-first" } }, "test");
const evaluate = (change: Change, config: Config = upstreamFirst) =>
  forwardPort.evaluate({ change, config, sections: readBodySections(change.body) });
const intoRelease = (overrides: Partial<Change> = {}) => buildChange({ baseBranch: "release/1.4", ...overrides });

describe("forward-port", () => {
  it("skips with `mode: off`, the default, saying so", () => {
    expect(evaluate(intoRelease(), DEFAULT_CONFIG)).toEqual({
      verdict: "skip",
      message: "Forward ports are not asked for (`forwardPort.mode: off`).",
    });
  });

  it("skips with `mode: after`: the forward-port check follows the merged hotfix up", () => {
    expect(evaluate(intoRelease(), parseConfig({ forwardPort: { mode: "after" } }, "test"))).toEqual({
      verdict: "skip",
      message:
        "`forwardPort.mode: after`: once this merges, the `single-patch-order/forward-port` check asks for its twin on the target.",
    });
  });

  it("skips a hotfix into a branch that is not a forward-port branch", () => {
    expect(evaluate(buildChange({ baseBranch: "main" }))).toEqual({
      verdict: "skip",
      message: "The base `main` is not a forward-port branch (`release/**`).",
    });
  });

  it("skips a hotfix into the target itself, even when `from` matches it", () => {
    const config = parseConfig({ forwardPort: { mode: "upstream-first", from: ["**"] } }, "test");
    expect(evaluate(buildChange({ baseBranch: "main", forwardPort: buildTwinFacts() }), config)).toEqual({
      verdict: "skip",
      message: "The hotfix targets `main`, the forward-port target itself.",
    });
  });

  it("fails a hotfix into a release branch until its twin is merged into the target, saying how", () => {
    const outcome = evaluate(intoRelease({ forwardPort: buildTwinFacts() }));
    expect(outcome).toEqual({
      verdict: "fail",
      message: "No twin of this hotfix is merged into `main` yet: upstream first.",
      fix: `Merge the fix into \`main\` first: on a branch from \`origin/main\`, \`git cherry-pick -x ${SHA.hotfixCommit.slice(0, 12)}\`, open a pull request into \`main\` that names the same ticket, merge it, then re-run this check.`,
      facts: {
        "Forward-port target": "`main`",
        Twin: "none merged yet",
        "Twin search":
          "cherry-pick trailer: No commit of `main` among the 0 read names this hotfix's commit or its merge commit in a `(cherry picked from commit …)` line, and no commit of the hotfix was picked from one `main` contains. ticket: None of the 0 pull requests merged into `main` that were read names `SHOP-42`. patch id: The hotfix's diff could not be read, so no patch was compared.",
      },
    });
  });

  it("says what the search could not cover", () => {
    const facts = buildTwinFacts({ limits: ["only the newest 300 commits of main were read"] });
    expect(evaluate(intoRelease({ forwardPort: facts })).message).toBe(
      "No twin of this hotfix is merged into `main` yet: upstream first (only the newest 300 commits of main were read).",
    );
  });

  it("passes once the twin is merged, naming it and the method", () => {
    const facts = buildTwinFacts({
      candidates: [
        { kind: "pull", number: 57, sha: SHA.twinMerge, title: "SHOP-42: fix on main", body: "", headBranch: "fix/x" },
      ],
    });
    expect(evaluate(intoRelease({ forwardPort: facts }))).toEqual({
      verdict: "pass",
      message:
        "Its twin is merged into `main` (found by ticket): #57 `SHOP-42: fix on main` names the same ticket, `SHOP-42`.",
      facts: { "Forward-port target": "`main`", Twin: "#57 (ticket)" },
    });
  });

  it("fails closed, as a bug, when an adapter did not gather the facts", () => {
    expect(evaluate(intoRelease())).toMatchObject({
      verdict: "fail",
      message: "The forward-port facts of this hotfix were not gathered, so its twin cannot be looked for.",
    });
  });

  it("is the eleventh rule, and `rules.forward-port: warn` turns its failure into a warning", () => {
    const change = intoRelease({ forwardPort: buildTwinFacts() });
    const report = evaluatePolicy(change, upstreamFirst, rules);
    expect(report.results.map((r) => r.ruleId).indexOf("forward-port")).toBe(10);
    expect(report.verdict).toBe("fail");
    const warned = parseConfig({ forwardPort: { mode: "upstream-first" }, rules: { "forward-port": "warn" } }, "test");
    expect(evaluatePolicy(change, warned, rules).results.at(-1)?.verdict).toBe("warn");
  });
});

describe("needsTwinFacts", () => {
  it("asks the adapters for facts only for a hotfix into a `from` branch under upstream-first", () => {
    const hotfix = { headBranch: "hotfix/SHOP-42", labels: [], baseBranch: "release/1.4" };
    expect(needsTwinFacts(hotfix, upstreamFirst)).toBe(true);
    expect(needsTwinFacts(hotfix, DEFAULT_CONFIG)).toBe(false);
    expect(needsTwinFacts(hotfix, parseConfig({ forwardPort: { mode: "after" } }, "test"))).toBe(false);
    expect(needsTwinFacts({ ...hotfix, baseBranch: "main" }, upstreamFirst)).toBe(false);
    expect(needsTwinFacts({ ...hotfix, headBranch: "feature/x" }, upstreamFirst)).toBe(false);
    expect(needsTwinFacts({ ...hotfix, headBranch: "feature/x", labels: ["hotfix"] }, upstreamFirst)).toBe(true);
  });
});
