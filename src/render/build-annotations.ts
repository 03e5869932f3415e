import type { FileFinding, RuleResult } from "../core/rule-result.js";
import { plainText } from "./safe-markdown.js";

/** An annotation, with the field names of GitHub's checks API. */
export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: "failure" | "warning" | "notice";
  title: string;
  message: string;
}

export interface AnnotationSelection {
  /** At most `limit` annotations, failures before warnings. */
  annotations: Annotation[];
  /** How many findings there were in all, annotated or not. */
  total: number;
}

/**
 * One annotation per finding of a failing or warning rule. When there are more than `limit`,
 * failures are kept first: they are what blocks the merge.
 */
export function buildAnnotations(results: readonly RuleResult[], limit: number): AnnotationSelection {
  const ordered = [...results.filter((r) => r.verdict === "fail"), ...results.filter((r) => r.verdict === "warn")];
  const all = ordered.flatMap((result) => (result.findings ?? []).map((finding) => toAnnotation(result, finding)));
  return { annotations: all.slice(0, limit), total: all.length };
}

function toAnnotation(result: RuleResult, finding: FileFinding): Annotation {
  const start = finding.line ?? 1;
  return {
    path: finding.path,
    start_line: start,
    // GitHub rejects an annotation that ends before it starts.
    end_line: Math.max(finding.endLine ?? start, start),
    annotation_level: result.verdict === "fail" ? "failure" : "warning",
    title: result.ruleId,
    // Annotations are shown as plain text, so the backticks of a Markdown message would show.
    message: plainText(finding.message),
  };
}
