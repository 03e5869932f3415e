import { describe, expect, it } from "vitest";
import { ConfigError } from "../../src/config/config-error.js";
import { SourceError } from "../../src/core/errors.js";
import { renderJson } from "../../src/render/render-json.js";
import { renderTerminal, renderTerminalError } from "../../src/render/terminal.js";
import {
  allPass,
  buildReport,
  hugeReport,
  notHotfix,
  oneFail,
  reports,
  severalFailWithFindings,
  tooLarge,
  warnOnly,
} from "../fixtures/reports.js";

const ANSI = /\u001b\[/;

describe("renderTerminal snapshots", () => {
  const readable = { allPass, oneFail, severalFailWithFindings, warnOnly, notHotfix, tooLarge };
  it.each(Object.entries(readable))("%s", async (name, report) => {
    await expect(renderTerminal(report, { color: false })).toMatchFileSnapshot(`./__snapshots__/terminal/${name}.txt`);
  });

  it("hugeReport (its first lines; the full output is 3,000+ lines)", async () => {
    const output = renderTerminal(hugeReport, { color: false });
    const lines = output.split("\n");
    const shape = [`${lines.length} lines`, ...lines.slice(0, 5).map((line) => line.slice(0, 160))].join("\n");
    await expect(`${shape}\n`).toMatchFileSnapshot("./__snapshots__/terminal/hugeReport.txt");
  });
});

describe("renderTerminal", () => {
  it("heads the output with PASS or FAIL and the title", () => {
    expect(renderTerminal(allPass, { color: false }).split("\n")[0]).toBe("PASS  All rules pass");
    expect(renderTerminal(warnOnly, { color: false }).split("\n")[0]).toBe("PASS  All rules pass, 1 warning");
    expect(renderTerminal(oneFail, { color: false }).split("\n")[0]).toBe(
      "FAIL  1 rule fails: Production files span 2 scopes: src/checkout and src/billing.",
    );
    expect(renderTerminal(notHotfix, { color: false }).split("\n")[0]).toBe(
      "PASS  Not a hotfix: no single-patch rules apply",
    );
  });

  it("lists every rule with its verdict tag, and the fixes, findings and facts, without backticks", () => {
    const output = renderTerminal(severalFailWithFindings, { color: false });
    expect(output).toContain(
      "  FAIL  single-scope          Production files span 3 scopes: src/checkout, src/billing and db.",
    );
    expect(output).toContain("  WARN  dependency-change     package.json changes a dependency");
    expect(output).toContain("  SKIP  semver-patch          No version changed.");
    expect(output).toContain("How to fix\n  single-scope          Move the src/billing change to its own hotfix");
    expect(output).toContain("  dependency-change     (warning) Add a ## Dependencies section");
    expect(output).toContain(
      "  db/migrations/0042_discount.sql:3-9  reversible-migration  ALTER TABLE with no down/rollback counterpart.",
    );
    expect(output).toContain("  Title          SHOP-42 | SHOP-43: fix <script>alert(1)</script> totals");
    expect(output).not.toContain("`");
  });

  it("uses ANSI colours only when asked", () => {
    for (const report of Object.values(reports)) expect(renderTerminal(report, { color: false })).not.toMatch(ANSI);
    const coloured = renderTerminal(oneFail, { color: true });
    expect(coloured).toContain("\u001b[31mFAIL\u001b[0m");
    expect(coloured).toContain("\u001b[32mPASS\u001b[0m");
    expect(coloured).toContain("\u001b[36msrc/checkout\u001b[0m");
  });

  it("keeps control characters in user text from reaching the terminal", () => {
    const report = buildReport(allPass.hotfix, [
      { ruleId: "linked-ticket", verdict: "pass", message: "ok", facts: { Title: "fix\u001b[2J totals\nsecond line" } },
    ]);
    const output = renderTerminal(report, { color: false });
    expect(output).not.toMatch(ANSI);
    expect(output).toContain("  Title  fix[2J totals second line\n");
  });
});

describe("renderTerminalError", () => {
  it("lists the config file and every problem", async () => {
    const error = new ConfigError(".github/single-patch-order.yml", [
      "scope.maxFiles: expected number, received string",
      'rules: unknown key "single-scop"',
    ]);
    const output = renderTerminalError(error);
    expect(output).toBe(
      'ERROR  Invalid config in .github/single-patch-order.yml\n  - scope.maxFiles: expected number, received string\n  - rules: unknown key "single-scop"\nFix the file and run spo again.\n',
    );
    expect(renderTerminalError(error, { color: true })).toMatch(ANSI);
  });

  it("says what went wrong without a stack, with the request id, and whether to retry", () => {
    const output = renderTerminalError(
      new SourceError("git diff failed: bad revision 'main...HEAD'\n    at x (y.js:1:1)", false, "R:1"),
    );
    expect(output).toBe(
      "ERROR  Could not evaluate: git diff failed: bad revision 'main...HEAD'\n  GitHub request id: R:1\nFix the cause above, then run spo again.\n",
    );
    expect(renderTerminalError(new SourceError("network down", true))).toContain(
      "This looks temporary: run spo again.",
    );
    expect(renderTerminalError(new Error("boom"))).not.toMatch(/\bat .*:\d+:\d+/);
  });
});

describe("renderJson", () => {
  it("is parseable and has a stable shape with every key present", async () => {
    const parsed = JSON.parse(renderJson(oneFail)) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(["conclusion", "verdict", "hotfix", "rules", "facts"]);
    expect(parsed).toMatchObject({ conclusion: "failure", verdict: "fail", hotfix: { hotfix: true } });
    const rules = parsed.rules as Record<string, unknown>[];
    expect(rules).toHaveLength(10);
    for (const rule of rules)
      expect(Object.keys(rule)).toEqual(["id", "verdict", "message", "fix", "facts", "findings"]);
    expect(rules[0]).toMatchObject({ id: "base-branch", fix: null, findings: [] });
    expect(rules[1]).toMatchObject({
      id: "single-scope",
      findings: [{ path: "src/billing/invoice.ts", line: 1, endLine: 1 }],
    });
    await expect(renderJson(severalFailWithFindings)).toMatchFileSnapshot(
      "./__snapshots__/terminal/severalFailWithFindings.json",
    );
  });

  it("gives the same string for the same report", () => {
    expect(renderJson(structuredClone(severalFailWithFindings))).toBe(renderJson(severalFailWithFindings));
    expect(JSON.parse(renderJson(notHotfix))).toEqual({
      conclusion: "success",
      verdict: "pass",
      hotfix: notHotfix.hotfix,
      rules: [],
      facts: {},
    });
  });
});
