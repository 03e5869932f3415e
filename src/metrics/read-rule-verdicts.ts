import { VERDICTS, type Verdict } from "../core/rule-result.js";

export interface RuleVerdict {
  rule: string;
  verdict: Verdict;
}

// A row of the report's rule table, as describe-report.ts writes it: | icon | `rule-id` | verdict | message |
const ROW = new RegExp(String.raw`^\| [^|]* \| \`([a-z0-9-]+)\` \| (${VERDICTS.join("|")}) \|`, "gm");

/**
 * The verdict of each rule in a published gate report, read back from the summary's rule table so
 * that metrics need no hook inside the judgement. Empty for a report without one (not a hotfix,
 * config error, could not evaluate). A test renders a report and reads it back, so the two stay in step.
 */
export function readRuleVerdicts(summary: string): RuleVerdict[] {
  return [...summary.matchAll(ROW)].map((match) => ({ rule: match[1]!, verdict: match[2] as Verdict }));
}
