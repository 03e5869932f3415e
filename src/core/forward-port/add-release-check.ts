import { rollUp } from "../policy-report.js";
import type { ReleaseCheckResult, ReleaseReport } from "../release/release-facts.js";

/** The release report with one more check (the forward-port stage's), its verdict rolled up again. */
export function addReleaseCheck(report: ReleaseReport, result: ReleaseCheckResult): ReleaseReport {
  const results = [...report.results, result];
  return { ...report, results, verdict: rollUp(results) };
}
