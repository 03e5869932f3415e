import type { PolicyReport } from "../core/policy-report.js";
import type { RuleResult } from "../core/rule-result.js";
import { formatCount, plural, table, truncateUtf8, verdictIcon } from "./markdown.js";
import { cleanText, codeSpan, escapeCell, safeInline } from "./safe-markdown.js";

/** A break-glass override that turned a failing check into a pass. */
export interface Override {
  /** The login of whoever overrode, with or without the leading `@`. */
  by: string;
  reason: string;
  /** When, as an ISO 8601 string (renderers read no clock). */
  at: string;
}

export interface ReportContext {
  override?: Override;
  /** Annotations sent with the check, and how many findings there were in all. */
  annotated: number;
  findings: number;
  annotationLimit: number;
}

/** What the report says, before GitHub's size limits are applied. */
export interface ReportText {
  title: string;
  summary: string;
  text?: string;
}

/** A table cell holds a one-line message; a longer one is cut so that How to fix still fits. */
const MAX_CELL_BYTES = 1_000;

export const FOOTER =
  "Rules and limits come from `.github/single-patch-order.yml` on the default branch (or in the organisation's `.github` repository). Comment `/spo recheck` on the pull request to judge it again.";

export function describeReport(report: PolicyReport, context: ReportContext): ReportText {
  const summary = [
    context.override ? describeOverride(context.override) : "",
    `Judged as a hotfix because ${safeInline(report.hotfix.reason)}.`,
    table(["", "Rule", "Verdict", "Message"], report.results.map(toRow)),
    describeUnannotated(context),
    describeFixes(report.results),
    describeFacts(report.facts),
    FOOTER,
  ];
  const text = describeFindings(report.results);
  return {
    title: describeTitle(report, context.override),
    summary: summary.filter(Boolean).join("\n\n"),
    ...(text ? { text } : {}),
  };
}

/** "N rules fail: <first failure>", "All rules pass[, N warnings]", or the override. Markdown. */
export function describeTitle(report: PolicyReport, override?: Override): string {
  if (override) return `Overridden by @${login(override)}: ${override.reason}`;
  const failed = report.results.filter((r) => r.verdict === "fail");
  const [first] = failed;
  if (first)
    return `${failed.length === 1 ? "1 rule fails" : `${formatCount(failed.length)} rules fail`}: ${first.message}`;
  const warnings = report.results.filter((r) => r.verdict === "warn").length;
  return warnings ? `All rules pass, ${plural(warnings, "warning")}` : "All rules pass";
}

function describeOverride(override: Override): string {
  // The overrider is named, not pinged: this summary is also posted as a comment by `/spo explain`.
  return `**Overridden by ${escapeCell(cleanText(`@${login(override)}`))}**: ${escapeCell(override.reason)} (at ${escapeCell(override.at)}); every rule's real verdict is kept below.`;
}

function login(override: Override): string {
  return override.by.replace(/^@/, "");
}

function toRow(result: RuleResult): string[] {
  return [verdictIcon(result.verdict), `\`${result.ruleId}\``, result.verdict, escapeCell(cut(result.message))];
}

function cut(text: string): string {
  return truncateUtf8(text, MAX_CELL_BYTES, "…");
}

function describeUnannotated({ annotated, findings, annotationLimit }: ReportContext): string {
  if (annotated >= findings) return "";
  return `> ⚠️ ${formatCount(findings - annotated)} of ${plural(findings, "finding")} are not annotated on the files: GitHub takes ${annotationLimit} annotations per request and this check sends one. Every finding is listed below the summary.`;
}

function describeFixes(results: readonly RuleResult[]): string {
  const toFix = [...results.filter((r) => r.verdict === "fail"), ...results.filter((r) => r.verdict === "warn")];
  if (!toFix.length) return "";
  const bullets = toFix.map(
    (r) =>
      `- ${verdictIcon(r.verdict)} \`${r.ruleId}\`${r.verdict === "warn" ? " (warning)" : ""}: ${safeInline(r.fix ?? r.message)}`,
  );
  return ["### How to fix", "", ...bullets].join("\n");
}

function describeFacts(facts: Record<string, string>): string {
  const rows = Object.entries(facts).map(([label, value]) => [escapeCell(cut(label)), escapeCell(cut(value))]);
  return rows.length ? ["### Facts", "", table(["Fact", "Value"], rows)].join("\n") : "";
}

/** Every finding, for the check's `text`: annotations stop at 50, this list does not. */
function describeFindings(results: readonly RuleResult[]): string {
  const sections = results
    .filter((r) => (r.verdict === "fail" || r.verdict === "warn") && r.findings?.length)
    .map((r) => {
      const findings = r.findings ?? [];
      const lines = findings.map(
        (f) => `- ${codeSpan(f.path)} ${describeLines(f.line, f.endLine)}: ${safeInline(f.message)}`,
      );
      return [`### ${verdictIcon(r.verdict)} \`${r.ruleId}\` (${formatCount(findings.length)})`, "", ...lines].join(
        "\n",
      );
    });
  return sections.length ? ["## Findings", ...sections].join("\n\n") : "";
}

function describeLines(line = 1, endLine = line): string {
  return endLine > line ? `lines ${line}–${endLine}` : `line ${line}`;
}
