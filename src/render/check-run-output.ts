import { ConfigError } from "../config/config-error.js";
import type { PolicyReport } from "../core/policy-report.js";
import { toCheckConclusion, type CheckConclusion } from "../core/to-conclusion.js";
import { buildAnnotations, type Annotation } from "./build-annotations.js";
import { describeConfigError, describeEvaluationError } from "./describe-errors.js";
import { describeNotHotfix } from "./describe-not-hotfix.js";
import { describeReport, type Override, type ReportText } from "./describe-report.js";
import { byteLength, formatCount, truncateChars, truncateUtf8 } from "./markdown.js";
import { plainText } from "./safe-markdown.js";

export type { Override } from "./describe-report.js";

// GitHub's limits on a check run. Every output leaves this module within them.

/** `output.summary` and `output.text`, each, in UTF-8 bytes. */
export const MAX_OUTPUT_BYTES = 65_535;
export const MAX_ANNOTATIONS_PER_REQUEST = 50;
export const MAX_ACTIONS = 3;
export const MAX_ACTION_LABEL = 20;
export const MAX_ACTION_DESCRIPTION = 40;
/**
 * GitHub documents no limit on `output.title`; 255 characters is what it allows for an annotation
 * title, and a safe bound.
 */
export const MAX_TITLE = 255;
/** An annotation's `message` is at most 64 KB. */
export const MAX_ANNOTATION_MESSAGE_BYTES = 65_535;

/** What a check run shows. `summary` and `text` are Markdown; `title` is plain text. */
export interface CheckRunOutput {
  conclusion: CheckConclusion;
  title: string;
  summary: string;
  text?: string;
  /** At most MAX_ANNOTATIONS_PER_REQUEST (boundCheckOutput keeps the first), so that one request carries them all. */
  annotations: Annotation[];
}

/** The gate's report for a hotfix. With an override the check passes and still shows every real verdict. */
export function renderReport(report: PolicyReport, options: { override?: Override } = {}): CheckRunOutput {
  const { annotations, total } = buildAnnotations(report.results, MAX_ANNOTATIONS_PER_REQUEST);
  const text = describeReport(report, {
    ...(options.override ? { override: options.override } : {}),
    annotated: annotations.length,
    findings: total,
    annotationLimit: MAX_ANNOTATIONS_PER_REQUEST,
  });
  return boundCheckOutput(toCheckConclusion(report, Boolean(options.override)), text, annotations);
}

export function renderNotHotfix(report: PolicyReport): CheckRunOutput {
  return boundCheckOutput("success", describeNotHotfix(report));
}

export function renderConfigError(error: ConfigError): CheckRunOutput {
  return boundCheckOutput("failure", describeConfigError(error));
}

/** Completes a check that could not be judged: always `failure` (never a pass), with how to retry. */
export function renderEvaluationError(error: unknown, requestId?: string): CheckRunOutput {
  if (error instanceof ConfigError) return renderConfigError(error);
  return boundCheckOutput("failure", describeEvaluationError(error, requestId));
}

/**
 * The one place that applies GitHub's limits: whatever the report says, the API accepts it. The
 * release check passes its own truncation note; the gate's points at the annotations and `spo`.
 */
export function boundCheckOutput(
  conclusion: CheckConclusion,
  report: ReportText,
  annotations: Annotation[] = [],
  note: (omittedBytes: number) => string = truncationNote,
): CheckRunOutput {
  return {
    conclusion,
    title: toTitle(report.title),
    summary: truncateUtf8(report.summary, MAX_OUTPUT_BYTES, note),
    ...(report.text === undefined ? {} : { text: truncateUtf8(report.text, MAX_OUTPUT_BYTES, note) }),
    annotations: annotations.slice(0, MAX_ANNOTATIONS_PER_REQUEST).map((a) => ({
      ...a,
      title: truncateChars(a.title, MAX_TITLE),
      message: truncateUtf8(a.message, MAX_ANNOTATION_MESSAGE_BYTES, "…"),
    })),
  };
}

function toTitle(markdown: string): string {
  return truncateChars(plainText(markdown).replace(/\s+/g, " ").trim(), MAX_TITLE);
}

function truncationNote(omittedBytes: number): string {
  return `\n\n**… truncated: ${formatCount(omittedBytes)} more bytes**; GitHub shows at most ${formatCount(MAX_OUTPUT_BYTES)} bytes here. See the annotations, or run \`spo\` on the branch for the full report.`;
}

/**
 * Ends `output.text` with the App's signed record line (a hidden HTML comment). The record is
 * never cut: the human text before it is truncated instead, so the whole stays within GitHub's
 * limit and the record stays on the last line, where the App reads it back.
 */
export function attachRecordLine(output: CheckRunOutput, line: string): CheckRunOutput {
  const room = MAX_OUTPUT_BYTES - byteLength(line) - 1;
  const human = output.text ? truncateUtf8(output.text, room, truncationNote) : "";
  return { ...output, text: human ? `${human}\n${line}` : line };
}

/** The check-run output for a judged PR: the full report, or the non-hotfix pass. */
export function renderGateOutput(report: PolicyReport): CheckRunOutput {
  return report.hotfix.hotfix ? renderReport(report) : renderNotHotfix(report);
}
