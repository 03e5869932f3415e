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

// The Ticket row of the report's Facts table, as describe-report.ts writes it: | Ticket | `SHOP-42` |
const TICKET_ROW = /^\| Ticket \| (`+)(.*?)\1 \|$/m;

/**
 * The ticket of a published gate report, read back from its Facts table: the App wrote it there
 * when it judged the PR, so it is the ticket as judged, whatever the title says now. Undefined
 * when the report names none.
 */
export function readReportTicket(summary: string): string | undefined {
  const match = TICKET_ROW.exec(summary);
  const value = match?.[2]?.replaceAll("\\|", "|").trim();
  return value || undefined;
}
