import type { ConfigError } from "../config/config-error.js";
import { describeFailure } from "./describe-failure.js";
import type { ReportText } from "./describe-report.js";
import { truncateChars } from "./markdown.js";
import { codeSpan } from "./safe-markdown.js";

const MAX_TITLE_REASON_CHARS = 120;

/** The config is broken: name the file and every problem; never fall back to defaults. */
export function describeConfigError(error: ConfigError): ReportText {
  const problems = error.problems.length ? error.problems : ["(unknown): the config could not be read"];
  const summary = [
    `The config in ${codeSpan(error.source)} is not valid, so no rule ran. The check fails until the config is fixed: a broken config never lets a pull request pass.`,
    ["### Problems", "", ...problems.map((p) => `- ${codeSpan(p)}`)].join("\n"),
    [
      "### How to retry",
      "",
      "1. Fix the file named above on its repository's default branch. The config is never read from a pull request, so a pull request cannot relax its own rules.",
      "2. The check runs again on the next push to this pull request. To run it sooner, comment `/spo recheck` on the pull request or choose **Re-run** on this check.",
    ].join("\n"),
  ];
  return { title: `Invalid config: ${problems[0]}`, summary: summary.join("\n\n") };
}

/** Something failed before the rules could run (GitHub, the network, a bug). */
export function describeEvaluationError(error: unknown, requestId?: string): ReportText {
  const failure = describeFailure(error, requestId);
  const summary = [
    "Single Patch Order could not judge this pull request, so the check fails rather than pass a change nobody judged.",
    `**What went wrong:** ${codeSpan(failure.reason)}`,
    failure.requestId
      ? `**GitHub request id:** ${codeSpan(failure.requestId)} (quote it when you contact GitHub Support)`
      : "",
    describeTemporary(failure.temporary),
    [
      "### How to retry",
      "",
      "- choose **Re-run** on this check, or",
      "- comment `/spo recheck` on the pull request, or",
      "- push a new commit: every push is judged again.",
    ].join("\n"),
  ];
  return {
    title: `Could not evaluate: ${truncateChars(failure.reason, MAX_TITLE_REASON_CHARS)}`,
    summary: summary.filter(Boolean).join("\n\n"),
  };
}

function describeTemporary(temporary: boolean | undefined): string {
  if (temporary === true)
    return "This looks temporary (GitHub or the network failed, or a rate limit was hit): a re-run usually succeeds.";
  if (temporary === false)
    return "This does not look temporary: a re-run will likely fail the same way until the cause above is fixed.";
  return "It is not known whether this is temporary. If a re-run fails the same way, it is likely a bug in Single Patch Order: report it with the message above.";
}
