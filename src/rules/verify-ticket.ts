import type { Config } from "../config/schema.js";
import type { TicketRef } from "../core/readers/find-tickets.js";
import type { RuleOutcome } from "../core/rule.js";
import type { FoundTicket, TicketFacts, TrackerName } from "../core/ticket-facts.js";
import { explainLookupError } from "./explain-lookup-error.js";
import { joinAnd, joinOr, quoteValue, TRACKER_NAMES } from "./phrases.js";

/**
 * `linked-ticket` with `ticket.verify: true` (SPEC §14): the one ticket must exist and be open in
 * its tracker (status category, or a status of `ticket.allowedStatuses` when set), and be one of
 * `ticket.types` when set. Pure: it reads the facts an adapter put in `change.tickets`, and fails
 * closed when there are none. Lookup errors are explained by explain-lookup-error.ts.
 */
export interface VerifyInput {
  ticket: TicketRef;
  /** What the adapter found, or undefined when nothing was looked up. */
  facts: TicketFacts | undefined;
  config: Config["ticket"];
  /** `owner/name` of the change's repository, for GitHub messages. */
  repository: string | undefined;
  /** The rule's message when the ticket checks out. */
  passMessage: string;
}

/** Status categories that close a ticket when `ticket.allowedStatuses` is not set. */
const CLOSED: Record<TrackerName, ReadonlySet<string>> = {
  github: new Set(["closed"]),
  jira: new Set(["done"]),
  linear: new Set(["completed", "canceled", "duplicate"]),
};

/** How each tracker calls its status category, for messages. */
const CATEGORY_NAME: Record<TrackerName, string> = { github: "state", jira: "status category", linear: "state type" };

export function verifyTicket(input: VerifyInput): RuleOutcome {
  const { ticket, facts, config } = input;
  const label = quoteValue(ticket.label);
  if (ticket.kind === "key" && config.tracker === "github") {
    return {
      verdict: "fail",
      message: `Ticket ${label} could not be verified: it is not a GitHub issue, and \`ticket.tracker\` is \`github\`.`,
      fix: "Set `ticket.tracker` to `jira` or `linear` so that keys are looked up there, or link the GitHub issue this patch fixes (`Fixes #12`).",
      facts: { Ticket: label, "Ticket state": "not verified: not a GitHub issue" },
    };
  }
  if (!facts) return notLookedUp(input);
  if (!facts.found) return explainLookupError(ticket.label, facts, config, input.repository);
  return judgeFound(input, facts);
}

/** No facts: an offline check, or a look-up that did not happen. Fails closed. */
function notLookedUp({ ticket, config, repository }: VerifyInput): RuleOutcome {
  const label = quoteValue(ticket.label);
  if (ticket.kind === "github") {
    return {
      verdict: "fail",
      message: `Ticket ${label} could not be verified: its state could not be read${repository ? ` in ${quoteValue(repository)}` : ""}.`,
      fix: "Re-run the check with `/spo recheck`; if it fails again, make sure the App can read issues in this repository.",
      facts: { Ticket: label, "Ticket state": "unknown" },
    };
  }
  const name = TRACKER_NAMES[config.tracker];
  return {
    verdict: "fail",
    message: `Ticket ${label} could not be verified: it was not looked up in ${name}.`,
    fix: `Judge it where ${name} can be asked: the App, the Action or \`spo check --pr\` (an offline \`spo check\` cannot).`,
    facts: { Ticket: label, "Ticket state": "not looked up" },
  };
}

function judgeFound({ ticket, config, passMessage }: VerifyInput, facts: FoundTicket): RuleOutcome {
  const label = quoteValue(ticket.label);
  const name = TRACKER_NAMES[facts.tracker];
  const github = facts.tracker === "github";
  const where = `${quoteValue(facts.status)} in ${name} (${CATEGORY_NAME[facts.tracker]} ${quoteValue(facts.category)})`;
  const shown = {
    Ticket: label,
    "Ticket state": github ? facts.status : where,
    ...(config.types.length ? typeFacts(facts) : {}),
  };
  const allowed = config.allowedStatuses;
  if (allowed.length && !includesName(allowed, facts.status)) {
    return {
      verdict: "fail",
      message: `Ticket ${label} is in status ${quoteValue(facts.status)}, which is not one of \`ticket.allowedStatuses\` (${joinAnd(allowed.map(quoteValue))}).`,
      fix: `Move ${label} to ${joinOr(allowed.map(quoteValue))} in ${name} if this patch is for it, or link the ticket this patch fixes.`,
      facts: shown,
    };
  }
  if (!allowed.length && CLOSED[facts.tracker].has(facts.category)) {
    return {
      verdict: "fail",
      message: `Ticket ${label} ${github ? "is closed" : `is ${where}`}: a hotfix must fix an open ticket.`,
      fix: `Reopen ${label}${github ? "" : ` in ${name}`} if the bug is back, or link the open ticket this patch fixes.`,
      facts: shown,
    };
  }
  if (config.types.length && !facts.types.some((type) => includesName(config.types, type))) {
    const wanted = joinOr(config.types.map(quoteValue));
    const jira = facts.tracker === "jira";
    return {
      verdict: "fail",
      message: jira
        ? `Ticket ${label} is a ${facts.types[0] ? quoteValue(facts.types[0]) : "ticket of no type"}; a hotfix must fix a ${wanted} (\`ticket.types\`).`
        : `Ticket ${label} has none of the labels ${joinAnd(config.types.map(quoteValue))} (\`ticket.types\`).`,
      fix: jira
        ? `Link the ${wanted} this patch fixes, or change the ticket's type in Jira if it is one.`
        : `Link the ticket this patch fixes, or label ${label} ${wanted} in ${name} if it is one.`,
      facts: shown,
    };
  }
  return { verdict: "pass", message: passMessage, facts: shown };
}

/** What `ticket.types` was matched against, shown only when it is set. */
function typeFacts(facts: FoundTicket): Record<string, string> {
  const value = facts.types.length ? facts.types.map(quoteValue).join(", ") : "none";
  return facts.tracker === "jira" ? { "Ticket type": value } : { "Ticket labels": value };
}

function includesName(names: readonly string[], value: string): boolean {
  const wanted = value.trim().toLowerCase();
  return names.some((name) => name.trim().toLowerCase() === wanted);
}
