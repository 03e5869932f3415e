/**
 * What a rule says about a change. Results explain themselves: the message and the facts are
 * written by the rule, and renderers never recompute a reason.
 */

/** Ordered from least to most severe; the order is the roll-up order. */
export const VERDICTS = ["skip", "pass", "warn", "fail"] as const;
export type Verdict = (typeof VERDICTS)[number];

/** A finding that belongs to a file: rendered as a check-run annotation on that file. */
export interface FileFinding {
  path: string;
  /** 1-based line in the head version of the file; defaults to 1. */
  line?: number;
  endLine?: number;
  message: string;
}

export interface RuleResult {
  /** The rule's id: the same string as its file name and its key under `rules:` in the config. */
  ruleId: string;
  verdict: Verdict;
  /** One line, a sentence a developer reads in seconds. */
  message: string;
  /** When the verdict is `fail` or `warn`: one line the developer can act on without docs. */
  fix?: string;
  /** Values the rule saw, label → value, shown in the report's facts. */
  facts?: Record<string, string>;
  /** File-level findings, shown as annotations. */
  findings?: FileFinding[];
}

export function severity(verdict: Verdict): number {
  return VERDICTS.indexOf(verdict);
}
