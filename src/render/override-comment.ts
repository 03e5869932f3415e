import { formatTeamRef, type OverrideGrant } from "../core/override/can-override.js";
import type { OverrideRecord } from "../core/override/override-record.js";
import type { RuleResult } from "../core/rule-result.js";
import { boundComment } from "./command-replies.js";
import { table, verdictIcon } from "./markdown.js";
import { codeSpan, escapeCell, mention, safeInline } from "./safe-markdown.js";

export interface OverrideAudit {
  record: OverrideRecord;
  grant: OverrideGrant;
  /** The rules that failed on the head SHA: the override keeps them on record. */
  failed: readonly RuleResult[];
  label: string;
  /** Link to the comment that asked for the override. */
  requestUrl?: string;
}

/**
 * The audit comment the App posts for every override: who, when, why, on which commit, and which
 * rules failed, for a reviewer or an auditor reading the conversation. It is for people only:
 * anyone with write access can edit it, so the App never reads anything back from it (the
 * override's record is in the check run, see github/override-store.ts).
 */
export function renderOverrideComment(audit: OverrideAudit): string {
  const { record } = audit;
  const rows = [
    ["Who", `${mention(record.by)} (${describeGrant(audit.grant)})`],
    ["When", escapeCell(record.at)],
    ["Why", escapeCell(record.reason)],
    ["Commit", codeSpan(record.sha)],
    ...(audit.requestUrl ? [["Asked in", `[this comment](${audit.requestUrl})`]] : []),
  ];
  const failed = audit.failed.map((r) => `- ${verdictIcon(r.verdict)} \`${r.ruleId}\`: ${safeInline(r.message)}`);
  const visible = [
    `### Break-glass override of \`single-patch-order\``,
    `${mention(record.by)} overrode the failing check on ${codeSpan(record.sha.slice(0, 7))}. It passes for this commit only; every rule's real verdict stays in the check's report.`,
    table(["", ""], rows),
    failed.length ? [`**Rules that failed** (${failed.length}):`, "", ...failed].join("\n") : "",
    `The next push ends the override: the gate judges the new commit afresh and the ${codeSpan(audit.label)} label is removed.`,
  ].filter(Boolean);
  return boundComment(visible.join("\n\n"));
}

function describeGrant(grant: OverrideGrant): string {
  switch (grant.kind) {
    case "user":
      return "listed in `override.users`";
    case "team":
      return `active member of ${codeSpan(formatTeamRef(grant.team))}`;
    case "role":
      return `${codeSpan(grant.role)} role on the repository`;
  }
}
