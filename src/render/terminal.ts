import { ConfigError } from "../config/config-error.js";
import type { PolicyReport } from "../core/policy-report.js";
import type { RuleResult, Verdict } from "../core/rule-result.js";
import { createPaint, renderInline, stripControl, type Paint } from "./ansi.js";
import { describeFailure } from "./describe-failure.js";
import { NOT_HOTFIX_TITLE } from "./describe-not-hotfix.js";
import { describeTitle } from "./describe-report.js";

export interface TerminalOptions {
  /** ANSI colours; the caller decides (TTY, `NO_COLOR`, `--no-color`). */
  color: boolean;
}

/** The report as plain text for the CLI: the same verdicts and fixes as the check run. */
export function renderTerminal(report: PolicyReport, options: TerminalOptions): string {
  const paint = createPaint(options.color);
  const failing = report.verdict === "fail";
  const header = `${failing ? paint.bold(paint.red("FAIL")) : paint.bold(paint.green("PASS"))}  ${renderInline(report.hotfix.hotfix ? describeTitle(report) : NOT_HOTFIX_TITLE, paint)}`;
  if (!report.hotfix.hotfix) {
    return lines([
      header,
      `      Not a hotfix because ${renderInline(report.hotfix.reason, paint)}.`,
      `      To judge it as a hotfix, use a branch that matches ${paint.cyan("hotfix.branches")} or add a label listed in ${paint.cyan("hotfix.labels")}.`,
    ]);
  }
  const idWidth = Math.max(0, ...report.results.map((r) => r.ruleId.length));
  const toFix = [
    ...report.results.filter((r) => r.verdict === "fail"),
    ...report.results.filter((r) => r.verdict === "warn"),
  ];
  return lines([
    header,
    `      Judged as a hotfix because ${renderInline(report.hotfix.reason, paint)}.`,
    "",
    paint.bold("Rules"),
    ...report.results.map(
      (r) => `  ${tag(r.verdict, paint)}  ${r.ruleId.padEnd(idWidth)}  ${renderInline(r.message, paint)}`,
    ),
    ...section(
      paint.bold("How to fix"),
      toFix.map(
        (r) =>
          `  ${r.ruleId.padEnd(idWidth)}  ${r.verdict === "warn" ? paint.yellow("(warning) ") : ""}${renderInline(r.fix ?? r.message, paint)}`,
      ),
    ),
    ...section(
      paint.bold("Findings"),
      toFix.flatMap((r) => renderFindings(r, paint)),
    ),
    ...section(paint.bold("Facts"), renderPairs(Object.entries(report.facts), paint)),
  ]);
}

/** A config or evaluation error for the CLI: what went wrong and what to do next. No stack. */
export function renderTerminalError(error: unknown, options: TerminalOptions = { color: false }): string {
  const paint = createPaint(options.color);
  const label = paint.bold(paint.red("ERROR"));
  if (error instanceof ConfigError) {
    return lines([
      `${label}  Invalid config in ${stripControl(error.source)}`,
      ...error.problems.map((p) => `  - ${stripControl(p)}`),
      "Fix the file and run spo again.",
    ]);
  }
  const failure = describeFailure(error);
  const retry =
    failure.temporary === true
      ? "This looks temporary: run spo again."
      : failure.temporary === false
        ? "Fix the cause above, then run spo again."
        : "If it fails the same way again, report it with this message.";
  return lines([
    `${label}  Could not evaluate: ${stripControl(failure.reason)}`,
    ...(failure.requestId ? [`  GitHub request id: ${stripControl(failure.requestId)}`] : []),
    retry,
  ]);
}

const TAGS: Record<Verdict, [string, keyof Paint]> = {
  pass: ["PASS", "green"],
  fail: ["FAIL", "red"],
  warn: ["WARN", "yellow"],
  skip: ["SKIP", "dim"],
};

function tag(verdict: Verdict, paint: Paint): string {
  const [text, style] = TAGS[verdict];
  return paint[style](text);
}

function renderFindings(result: RuleResult, paint: Paint): string[] {
  return (result.findings ?? []).map((f) => {
    const start = f.line ?? 1;
    const where = f.endLine && f.endLine > start ? `${start}-${f.endLine}` : `${start}`;
    return `  ${stripControl(f.path)}:${where}  ${paint.dim(result.ruleId)}  ${renderInline(f.message, paint)}`;
  });
}

function renderPairs(pairs: [string, string][], paint: Paint): string[] {
  const width = Math.max(0, ...pairs.map(([label]) => stripControl(label).length));
  return pairs.map(([label, value]) => `  ${stripControl(label).padEnd(width)}  ${renderInline(value, paint)}`);
}

function section(heading: string, body: string[]): string[] {
  return body.length ? ["", heading, ...body] : [];
}

function lines(all: string[]): string {
  return `${all.join("\n")}\n`;
}
