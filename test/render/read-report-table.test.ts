import { describe, expect, it } from "vitest";
import { readRuleVerdicts } from "../../src/render/read-report-table.js";
import { renderConfigError, renderReport } from "../../src/render/check-run-output.js";
import { ConfigError } from "../../src/config/config-error.js";
import { reports } from "../fixtures/reports.js";

const named = Object.entries(reports);

describe("readRuleVerdicts", () => {
  it("finds report fixtures to read", () => {
    expect(named.length).toBeGreaterThan(2);
  });

  it.each(named)("reads back every rule's verdict from the rendered %s report", (_name, report) => {
    const verdicts = readRuleVerdicts(renderReport(report).summary);
    expect(verdicts).toEqual(report.results.map((r) => ({ rule: r.ruleId, verdict: r.verdict })));
  });

  it("reads nothing from a report without a rule table", () => {
    expect(
      readRuleVerdicts(
        renderConfigError(new ConfigError("o/r/.github/single-patch-order.yml@main", ["rules: unknown"])).summary,
      ),
    ).toEqual([]);
  });
});
