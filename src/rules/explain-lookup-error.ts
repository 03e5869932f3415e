import type { Config } from "../config/schema.js";
import type { RuleOutcome } from "../core/rule.js";
import type { TicketLookupError } from "../core/ticket-facts.js";
import { cleanValue, quoteValue, TRACKER_NAMES } from "./phrases.js";

/**
 * `linked-ticket`'s verdict when the tracker could not describe the ticket (SPEC §14). Refused
 * credentials, a tracker the server is not configured for, a missing ticket and a reference the
 * tracker cannot have always fail; a tracker that cannot answer (network, 5xx, time limit, rate
 * limit, an unexpected answer) fails, or only warns with `ticket.onTrackerError: warn`. GitHub
 * failures keep GitHub's own wording and always fail.
 */
export function explainLookupError(
  label: string,
  facts: TicketLookupError,
  config: Config["ticket"],
  repository: string | undefined,
): RuleOutcome {
  const ticket = quoteValue(label);
  const name = TRACKER_NAMES[facts.tracker];
  const detail = facts.detail ? ` (${cleanValue(facts.detail)})` : "";
  const where = repository ? ` in ${quoteValue(repository)}` : "";
  const fail = (message: string, fix: string, state: string): RuleOutcome => ({
    verdict: "fail",
    message,
    fix,
    facts: { Ticket: ticket, "Ticket state": state },
  });
  if (facts.tracker === "github") {
    return facts.error === "not-found"
      ? fail(
          `Ticket ${ticket} does not exist${where}.`,
          "Check the number, and link an existing open issue in the title or with `Fixes #N` in the description.",
          "missing",
        )
      : fail(
          `Ticket ${ticket} could not be verified: its state could not be read${where}${detail}.`,
          "Re-run the check with `/spo recheck`; if it fails again, make sure the App can read issues in this repository.",
          "unknown",
        );
  }
  switch (facts.error) {
    case "not-configured":
      return fail(
        `Ticket ${ticket} could not be verified: this App is not configured for ${name} (\`ticket.tracker: ${facts.tracker}\`).`,
        `The App's operator sets ${CREDENTIALS[facts.tracker]} in the App's environment (for the Action and \`spo check --pr\`: the same variables in the job's or shell's environment); or set \`ticket.tracker\` to where this repository's tickets live.`,
        `not verified: no ${name} credentials`,
      );
    case "unauthorized":
      return fail(
        `Ticket ${ticket} could not be verified: ${name} refused the App's credentials${detail}.`,
        `The App's operator renews the ${name} token and makes sure its user may see this project (Jira: Browse Projects; Linear: read access to the team), then re-runs the check (\`/spo recheck\`).`,
        `not verified: ${name} refused the credentials`,
      );
    case "not-found":
      return fail(
        `Ticket ${ticket} does not exist in ${name}.`,
        `Check the key, and name an existing open ${name} ticket in the title and branch name. If it does exist, the App's ${name} user cannot see it: give it read access to the project.`,
        `missing in ${name}`,
      );
    case "invalid-key":
      return fail(
        `${ticket} is not a ${name} key, so it was not looked up.`,
        `Name the ticket by its ${name} key, e.g. \`SHOP-42\`, or narrow \`ticket.patterns\` to the keys of your projects.`,
        `not verified: not a ${name} key`,
      );
    default:
      return trackerUnavailable(ticket, facts, config);
  }
}

const CREDENTIALS = {
  jira: "JIRA_URL with JIRA_TOKEN (Data Center) or JIRA_EMAIL and JIRA_API_TOKEN (Cloud)",
  linear: "LINEAR_API_KEY (and LINEAR_API_URL when not api.linear.app)",
} as const;

const RECHECK = "Re-run the check (`/spo recheck`, or Re-run in the Checks tab)";

/** The tracker could not answer: the one failure `ticket.onTrackerError: warn` downgrades. */
function trackerUnavailable(ticket: string, facts: TicketLookupError, config: Config["ticket"]): RuleOutcome {
  const name = TRACKER_NAMES[facts.tracker];
  const detail = facts.detail ? ` (${cleanValue(facts.detail)})` : "";
  const wait = facts.retryAfterSeconds === undefined ? undefined : describeSeconds(facts.retryAfterSeconds);
  const reasons: Partial<Record<TicketLookupError["error"], string>> = {
    "rate-limited": `${name} is rate-limiting the App${wait ? ` (it asks to wait ${wait})` : ""}`,
    timeout: `${name} did not answer in time${detail}`,
    "unexpected-response": `${name} answered in an unexpected way${detail}`,
  };
  const reason = reasons[facts.error] ?? `${name} could not be reached${detail}`;
  const warn = config.onTrackerError === "warn";
  return {
    verdict: warn ? "warn" : "fail",
    message: `Ticket ${ticket} could not be verified: ${reason}.${warn ? " Not blocking: `ticket.onTrackerError` is `warn`." : ""}`,
    fix:
      facts.error === "rate-limited"
        ? `${RECHECK} ${wait ? `after ${wait}` : "in a minute"}.`
        : `${RECHECK} in a minute; if it keeps failing, the App's operator checks that the App's server can reach ${name} at the address it is configured with.`,
    facts: { Ticket: ticket, "Ticket state": `not verified: ${reason}` },
  };
}

function describeSeconds(seconds: number): string {
  return seconds < 120 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}
