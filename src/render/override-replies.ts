import {
  formatTeamRef,
  parseTeamRef,
  type HeadRole,
  type OverridePolicy,
  type OverrideRefusal,
} from "../core/override/can-override.js";
import {
  MAX_REASON_CHARS,
  MIN_REASON_CHARS,
  MIN_REASON_WORDS,
  type ReasonProblem,
} from "../core/override/check-override-reason.js";
import type { CheckRunOutput } from "./check-run-output.js";
import { formatCount } from "./markdown.js";
import { codeSpan, escapeCell, mention } from "./safe-markdown.js";

/**
 * Replies to an override that did not count, and to the "Override" button. Each says why, and who
 * may override here. Teams and users are named in code spans so that a reply pings nobody.
 */

export type OverrideDenial = { kind: "reason"; problem: ReasonProblem } | { kind: "refused"; refusal: OverrideRefusal };

/** Where the override was asked for: a `/spo override` comment or the check's button. */
export type OverrideSource = "comment" | "button";

export interface OverrideAudience {
  actor: string;
  /** `owner/repo`. */
  repository: string;
  policy: OverridePolicy;
}

export function renderOverrideRefused(
  audience: OverrideAudience,
  denial: OverrideDenial,
  source: OverrideSource,
): string {
  return [
    `${mention(audience.actor)} ${describeSource(source)} did not count: ${describeDenial(denial, audience.repository)}.`,
    describeWhoMay(audience),
    "The check keeps its real verdict.",
  ].join("\n\n");
}

/** The button cannot carry a reason: an allowed person is asked to confirm with a comment. */
export function renderOverrideConfirm(actor: string, sha: string): string {
  return [
    `${mention(actor)} You may override this check, but the **Override** button cannot carry a reason. To break glass, comment on this pull request:`,
    "`/spo override <reason>`",
    `with a reason of at least ${MIN_REASON_WORDS} words that an auditor will understand (the incident, and why the fix cannot wait). The override holds for commit ${codeSpan(sha.slice(0, 7))} only: the next push ends it.`,
  ].join("\n\n");
}

/** The override was allowed, but the check has no failing rule verdicts to override. */
export function renderNothingToOverride(actor: string, sha: string, output: CheckRunOutput): string {
  const where = `the \`single-patch-order\` check on ${codeSpan(sha.slice(0, 7))}`;
  if (output.conclusion === "success")
    return `${mention(actor)} Nothing to override: ${where} does not fail (${escapeCell(output.title)}). Nothing was recorded.`;
  return `${mention(actor)} Nothing was overridden: ${where} could not be evaluated (${escapeCell(output.title)}), so there are no rule verdicts to override. Fix what the check says or comment \`/spo recheck\`; if rules still fail, override then.`;
}

export function renderOverrideConfigError(actor: string, source: string, from: OverrideSource): string {
  return `${mention(actor)} ${describeSource(from)} did not count: the config in ${codeSpan(source)} is not valid, so who may override cannot be decided. Fix it on the default branch (the check lists the problems) and try again.`;
}

/**
 * How far an override got before GitHub failed: checking, adding the label, publishing the check
 * (which holds the record), posting the audit comment.
 */
export type OverrideStage = "checking" | "labelling" | "publishing" | "commenting";

/** GitHub failed while checking or recording the override: say what holds now and how to retry. */
export function renderOverrideFailed(
  actor: string,
  message: string,
  requestId: string | undefined,
  stage: OverrideStage,
): string {
  const what = `${codeSpan(message)}${requestId ? ` (GitHub request id ${codeSpan(requestId)})` : ""}`;
  if (stage === "commenting")
    return `${mention(actor)} The override is in effect (the \`single-patch-order\` check records it), but the audit comment could not be posted: ${what}.`;
  const hint =
    stage === "labelling"
      ? " If the override label does not exist in the repository yet, create it under Issues → Labels: the App may put labels on pull requests but may not be allowed to create them."
      : "";
  return `${mention(actor)} The override is not in effect: ${what}.${hint} Comment \`/spo override <reason>\` again to retry.`;
}

const HEAD_ROLES: Record<HeadRole, string> = {
  pusher: "pushed",
  author: "are the author of",
  committer: "are the committer of",
};

function describeSource(source: OverrideSource): string {
  return source === "button" ? "The **Override** button" : "Your override";
}

function describeDenial(denial: OverrideDenial, repository: string): string {
  if (denial.kind === "reason") return describeReasonProblem(denial.problem);
  const refusal = denial.refusal;
  switch (refusal.kind) {
    case "author":
      return "you opened this pull request, and a break-glass override needs a second person";
    case "head":
      return `you ${HEAD_ROLES[refusal.as]} its head commit, and a break-glass override needs a second person`;
    case "pusher-unknown":
      return "Single Patch Order did not see who pushed the head commit (it judges a push when GitHub sends it), so it cannot tell that you are a second person. Push the commit again, or an empty commit, and ask again";
    case "role":
      return `your role on ${codeSpan(repository)} is ${codeSpan(refusal.role)}, and with no \`override.teams\` or \`override.users\` in the config only the \`admin\` and \`maintain\` roles may override`;
    case "not-listed": {
      const pending = refusal.pending.length
        ? ` (your membership of ${refusal.pending.map((t) => codeSpan(formatTeamRef(t))).join(", ")} is still pending: accept the invitation first)`
        : "";
      return `you are not in \`override.users\` and not an active member of a team in \`override.teams\`${pending}`;
    }
  }
}

function describeReasonProblem(problem: ReasonProblem): string {
  switch (problem.kind) {
    case "missing":
      return "it gives no reason";
    case "too-short":
      return `the reason is too short (${formatCount(problem.words)} words, ${formatCount(problem.chars)} characters)`;
    case "too-long":
      return `the reason is ${formatCount(problem.chars)} characters long; keep it to ${formatCount(MAX_REASON_CHARS)} and link to the incident for the rest`;
  }
}

/** "Who may override here", from the config; never pings the people it names. */
export function describeWhoMay({ repository, policy }: OverrideAudience): string {
  const owner = repository.split("/")[0] ?? "";
  const teams = policy.teams.map((t) => codeSpan(formatTeamRef(parseTeamRef(t, owner))));
  const users = policy.users.map((u) => codeSpan(u.replace(/^@/, "")));
  const who =
    teams.length || users.length
      ? `${[
          teams.length ? `active members of the team${teams.length > 1 ? "s" : ""} ${teams.join(", ")}` : "",
          users.length ? `the user${users.length > 1 ? "s" : ""} ${users.join(", ")}` : "",
        ]
          .filter(Boolean)
          .join(" and ")} (\`override\` in \`.github/single-patch-order.yml\`)`
      : `people with the \`admin\` or \`maintain\` role on ${codeSpan(repository)}`;
  return `**Who may override** here: ${who}, but never the pull request's author nor whoever pushed, authored or committed its head commit. An override needs a reason of at least ${MIN_REASON_WORDS} words and ${MIN_REASON_CHARS} characters, e.g. \`/spo override INC-4711 checkout is down, rollback tested\`.`;
}

/** An override already holds for this commit: nothing new is recorded. */
export function renderAlreadyOverridden(
  actor: string,
  record: { sha: string; by: string; reason: string; at: string },
): string {
  return `${mention(actor)} Nothing new was recorded: the \`single-patch-order\` check on ${codeSpan(record.sha.slice(0, 7))} is already overridden by ${codeSpan(record.by)} at ${codeSpan(record.at)} (${codeSpan(record.reason)}).`;
}
