import type { PolicyReport } from "../core/policy-report.js";
import { toCheckConclusion } from "../core/to-conclusion.js";

/**
 * The report as JSON for scripts. The shape is stable: every key is always present (absent
 * values are `null`, `{}` or `[]`), keys come in a fixed order, and a finding's lines are
 * resolved (`line` defaults to 1, `endLine` to `line`). Messages are the rules' Markdown.
 */
export function renderJson(report: PolicyReport): string {
  const json = {
    conclusion: toCheckConclusion(report),
    verdict: report.verdict,
    hotfix: { hotfix: report.hotfix.hotfix, reason: report.hotfix.reason },
    rules: report.results.map((r) => ({
      id: r.ruleId,
      verdict: r.verdict,
      message: r.message,
      fix: r.fix ?? null,
      facts: r.facts ?? {},
      findings: (r.findings ?? []).map((f) => {
        const line = f.line ?? 1;
        return { path: f.path, line, endLine: Math.max(f.endLine ?? line, line), message: f.message };
      }),
    })),
    facts: report.facts,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
