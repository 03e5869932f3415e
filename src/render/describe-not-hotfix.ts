import type { PolicyReport } from "../core/policy-report.js";
import { FOOTER, type ReportText } from "./describe-report.js";
import { safeInline } from "./safe-markdown.js";

export const NOT_HOTFIX_TITLE = "Not a hotfix: no single-patch rules apply";

/** A non-hotfix PR still gets a passing check, so that the check can be required. */
export function describeNotHotfix(report: Pick<PolicyReport, "hotfix">): ReportText {
  const summary = [
    `This pull request is not a hotfix because ${safeInline(report.hotfix.reason)}. No single-patch rule applies, and the check passes so that it can be required in branch protection.`,
    [
      "### To judge it as a hotfix",
      "",
      "- open it from a branch that matches a pattern in `hotfix.branches` (by default `hotfix/**` or `hotfix-*`), or",
      "- add a label listed in `hotfix.labels` (by default `hotfix`); the check runs again as soon as the label is added.",
    ].join("\n"),
    FOOTER,
  ];
  return { title: NOT_HOTFIX_TITLE, summary: summary.join("\n\n") };
}
