import { describe, expect, it } from "vitest";
import { isoWeek, spread, summarizeEvidence } from "../../../src/core/evidence/summarize-evidence.js";
import { duration, formatEvidenceSummary } from "../../../src/render/evidence-export.js";

describe("spread", () => {
  it("takes the mean of the two middle values for an even count, and p90 by nearest rank", () => {
    expect(spread([4, 1, 3, 2])).toEqual({ count: 4, median: 2.5, p90: 4 });
    expect(spread([10, 20, 30, 40, 50, 60, 70, 80, 90, 100])).toEqual({ count: 10, median: 55, p90: 90 });
    expect(spread([10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110])).toEqual({ count: 11, median: 60, p90: 100 });
    expect(spread([7])).toEqual({ count: 1, median: 7, p90: 7 });
    expect(spread([])).toEqual({ count: 0, median: null, p90: null });
  });
});

describe("isoWeek", () => {
  it.each([
    ["2026-01-01T12:00:00Z", "2026-W01"],
    ["2025-12-29T00:00:00Z", "2026-W01"],
    ["2026-11-02T00:00:00Z", "2026-W45"],
    ["2026-11-08T23:59:59Z", "2026-W45"],
    ["2027-01-01T00:00:00Z", "2026-W53"],
    ["2027-01-04T00:00:00Z", "2027-W01"],
  ])("%s is in %s", (date, week) => {
    expect(isoWeek(new Date(date))).toBe(week);
  });
});

describe("the summary of a range without hotfixes", () => {
  it("says none rather than dividing by zero", () => {
    const summary = summarizeEvidence([], new Map());
    expect(summary).toMatchObject({ hotfixes: 0, changeFailureRate: null, overrideRate: null, weeks: [] });
    expect(
      formatEvidenceSummary(summary, {
        since: new Date("2026-11-01T00:00:00Z"),
        until: new Date("2026-12-01T00:00:00Z"),
      }),
    ).toBe(
      [
        "Production hotfixes from 2026-11-01T00:00:00Z until 2026-12-01T00:00:00Z: 0",
        "Time to production (PR opened → production approval): none",
        "Time in canary (canary success → production approval): none",
        "Change failure rate (failed canary or rollback): none",
        "Override rate: none",
        "Exceptions: none",
        "",
      ].join("\n"),
    );
  });

  it("shows durations in minutes, hours, then days", () => {
    expect([duration(90 * 60), duration(3 * 3600), duration(50 * 3600), duration(45)]).toEqual([
      "90 min",
      "3 h",
      "2.1 d",
      "0.8 min",
    ]);
  });
});
