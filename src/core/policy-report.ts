import type { HotfixMatch } from "./is-hotfix.js";
import { severity, type RuleResult, type Verdict } from "./rule-result.js";

/** The engine's answer for one change. Everything a renderer or a decision needs is in here. */
export interface PolicyReport {
  hotfix: HotfixMatch;
  /** Every rule's result, in registry order. Empty when the change is not a hotfix. */
  results: RuleResult[];
  /** The worst verdict of all results (`skip` < `pass` < `warn` < `fail`); `pass` when none. */
  verdict: Verdict;
  /** The facts the rules saw, label → value, in registry order, first writer wins. */
  facts: Record<string, string>;
}

/** The worst verdict among results (rules' or a release's checks). `skip`-only or empty results roll up to `pass`. */
export function rollUp(results: ReadonlyArray<{ verdict: Verdict }>): Verdict {
  let worst: Verdict = "pass";
  for (const result of results) if (severity(result.verdict) > severity(worst)) worst = result.verdict;
  return worst;
}

/** The report for a change that is not a hotfix: no rule runs, and it passes. */
export function notHotfixReport(hotfix: HotfixMatch): PolicyReport {
  return { hotfix, results: [], verdict: "pass", facts: {} };
}

export function failedResults(report: PolicyReport): RuleResult[] {
  return report.results.filter((r) => r.verdict === "fail");
}
