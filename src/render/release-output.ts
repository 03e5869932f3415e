import { ConfigError } from "../config/config-error.js";
import type { DirectCommit, ReleaseCheckResult, ReleasePull, ReleaseReport } from "../core/release/release-facts.js";
import { toCheckConclusion } from "../core/to-conclusion.js";
import { boundCheckOutput, type CheckRunOutput } from "./check-run-output.js";
import { describeFailure } from "./describe-failure.js";
import { formatCount, table, truncateChars, verdictIcon } from "./markdown.js";
import { codeSpan, escapeCell, safeInline } from "./safe-markdown.js";

export const NOT_HOTFIX_RELEASE_TITLE = "Not a hotfix release: no single-patch rules apply";

const FOOTER =
  "Hotfix branches and labels come from `.github/single-patch-order.yml` on the default branch. Choose **Re-run** on this check to judge the release again.";

/** The `single-patch-order/release` check: a table of checks, how to fix, the pull requests, the facts. */
export function renderRelease(report: ReleaseReport): CheckRunOutput {
  const failed = report.results.filter((r) => r.verdict === "fail");
  const summary = [
    report.hotfix.hotfix
      ? `Judged as a hotfix release because ${safeInline(report.hotfix.reason)}.`
      : `Not judged as a hotfix release because ${safeInline(report.hotfix.reason)}.`,
    table(["", "Check", "Verdict", "Message"], report.results.map(toRow)),
    describeFixes(report.results),
    describePulls(report.hotfixPulls, report.otherPulls),
    describeDirectCommits(report.directCommits),
    [
      "### Facts",
      "",
      table(
        ["Fact", "Value"],
        Object.entries(report.facts).map(([k, v]) => [escapeCell(k), escapeCell(v)]),
      ),
    ].join("\n"),
    FOOTER,
  ];
  const conclusion = toCheckConclusion({ verdict: failed.length ? "fail" : "pass" });
  return boundCheckOutput(
    conclusion,
    { title: describeTitle(report, failed), summary: summary.filter(Boolean).join("\n\n") },
    [],
    releaseTruncationNote,
  );
}

/** The release could not be judged: a failure (never a pass) that says what went wrong and how to retry. */
export function renderReleaseError(error: unknown, requestId?: string): CheckRunOutput {
  const failure =
    error instanceof ConfigError
      ? { reason: `Invalid config in ${error.source}: ${error.problems.join("; ")}`, requestId: undefined }
      : describeFailure(error, requestId);
  const summary = [
    "Single Patch Order could not judge this release, so the check fails rather than pass a release nobody judged.",
    `**What went wrong:** ${codeSpan(failure.reason)}`,
    failure.requestId ? `**GitHub request id:** ${codeSpan(failure.requestId)}` : "",
    "### How to retry\n\nChoose **Re-run** on this check. If the config is invalid, fix it on the default branch first.",
  ];
  const title = `Could not evaluate the release: ${truncateChars(failure.reason, 120)}`;
  return boundCheckOutput(
    "failure",
    { title, summary: summary.filter(Boolean).join("\n\n") },
    [],
    releaseTruncationNote,
  );
}

function describeTitle(report: ReleaseReport, failed: ReleaseCheckResult[]): string {
  const [first] = failed;
  if (first) return `${failed.length === 1 ? "1 check fails" : `${failed.length} checks fail`}: ${first.message}`;
  if (!report.hotfix.hotfix) return NOT_HOTFIX_RELEASE_TITLE;
  const warnings = report.results.filter((r) => r.verdict === "warn").length;
  return warnings
    ? `Hotfix release passes, with ${warnings} warning${warnings > 1 ? "s" : ""}`
    : "Hotfix release passes";
}

function toRow(result: ReleaseCheckResult): string[] {
  return [verdictIcon(result.verdict), `\`${result.id}\``, result.verdict, escapeCell(result.message)];
}

function describeFixes(results: readonly ReleaseCheckResult[]): string {
  const toFix = results.filter((r) => (r.verdict === "fail" || r.verdict === "warn") && r.fix);
  if (!toFix.length) return "";
  return [
    "### How to fix",
    "",
    ...toFix.map((r) => `- ${verdictIcon(r.verdict)} \`${r.id}\`: ${safeInline(r.fix ?? "")}`),
  ].join("\n");
}

function describePulls(hotfixes: ReleasePull[], others: ReleasePull[]): string {
  const rows = [...hotfixes.map((p) => toPullRow(p, "hotfix")), ...others.map((p) => toPullRow(p, "other"))];
  if (!rows.length) return "";
  return [
    `### Pull requests (${formatCount(rows.length)})`,
    "",
    table(["PR", "Title", "Head branch", "Kind"], rows),
  ].join("\n");
}

/** Direct commits by short SHA and subject; the subject is user text, shown verbatim in a code span. */
function describeDirectCommits(direct: readonly DirectCommit[]): string {
  if (!direct.length) return "";
  const rows = direct.map((c) => [
    `\`${c.sha}\``,
    escapeCell(codeSpan(truncateChars(c.subject, 200))),
    c.claimed === undefined
      ? "no pull request"
      : `names #${c.claimed}, but is neither its merge commit nor one of its commits`,
  ]);
  return [`### Direct commits (${formatCount(rows.length)})`, "", table(["Commit", "Subject", "Why"], rows)].join("\n");
}

function toPullRow(pull: ReleasePull, kind: string): string[] {
  return [`#${pull.number}`, escapeCell(pull.title), codeSpan(pull.headBranch), kind];
}

function releaseTruncationNote(omitted: number): string {
  return `\n\n**… truncated: ${formatCount(omitted)} more bytes.**`;
}
