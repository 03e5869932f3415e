import type { Config } from "../config/schema.js";
import type { Change } from "../core/change.js";
import {
  distinctTickets,
  findChangeTickets,
  type ChangeTickets,
  type TicketRef,
} from "../core/readers/find-tickets.js";
import type { Rule, RuleOutcome } from "../core/rule.js";
import { verifyTicket } from "./verify-ticket.js";

const ONE_TICKET_FIX =
  "Move the other tickets' changes to their own PRs, and name only this patch's ticket in the title, branch name and `Fixes` line.";

export const linkedTicket: Rule = {
  id: "linked-ticket",
  description: "Exactly one ticket: the title and branch name agree, or the description closes one.",
  evaluate({ change, config }) {
    const found = findChangeTickets(change, config.ticket.patterns);
    const named = distinctTickets([...found.title, ...found.branch]);
    const closed = distinctTickets(found.body);

    if (named.length > 1) {
      return {
        verdict: "fail",
        message: `The ${describeSources(found)} ${found.title.length && found.branch.length ? "link" : "links"} ${named.length} different tickets, ${listAnd(named.map((ref) => describeNamed(ref, found)))}: one patch, one ticket.`,
        fix: ONE_TICKET_FIX,
      };
    }
    const ticket = named[0];
    if (ticket) {
      const other = closed.find((ref) => ref.id !== ticket.id);
      if (other) {
        return {
          verdict: "fail",
          message: `${code(ticket.label)} is named in the ${whereNamed(ticket, found)}, but the description closes ${code(other.label)}: one patch, one ticket.`,
          fix: ONE_TICKET_FIX,
        };
      }
      return verify(
        ticket,
        `One ticket, ${code(ticket.label)}, named in the ${whereNamed(ticket, found)}.`,
        change,
        config,
      );
    }

    const [only, ...more] = closed;
    if (!only) {
      return {
        verdict: "fail",
        message:
          "No ticket: neither the title nor the branch name has a ticket key, and the description closes none (`Fixes #12`).",
        fix: "Put the ticket key in the title, e.g. `SHOP-42: …`, or add `Fixes #12` to the description.",
      };
    }
    if (more.length) {
      return {
        verdict: "fail",
        message: `The description closes ${closed.length} different tickets, ${listAnd(closed.map((ref) => code(ref.label)))}: one patch, one ticket.`,
        fix: ONE_TICKET_FIX,
      };
    }
    return verify(only, `One ticket, ${code(only.label)}, closed by the description.`, change, config);
  },
};

/** With `ticket.verify`, the ticket is looked up (rules/verify-ticket.ts); without, naming one is enough. */
function verify(ticket: TicketRef, passMessage: string, change: Change, config: Config): RuleOutcome {
  if (!config.ticket.verify) return { verdict: "pass", message: passMessage, facts: { Ticket: code(ticket.label) } };
  return verifyTicket({
    ticket,
    facts: change.tickets?.[ticket.id] ?? change.tickets?.[ticket.label],
    config: config.ticket,
    repository: change.repository,
    passMessage,
  });
}

function whereNamed(ref: TicketRef, found: ChangeTickets): string {
  const inTitle = found.title.some((other) => other.id === ref.id);
  const inBranch = found.branch.some((other) => other.id === ref.id);
  if (inTitle && inBranch) return "title and branch name";
  return inTitle ? "title" : "branch name";
}

function describeSources(found: ChangeTickets): string {
  if (found.title.length && found.branch.length) return "title and branch name";
  return found.title.length ? "title" : "branch name";
}

/** `SHOP-42`, with where it was seen when the title and the branch name both carry tickets. */
function describeNamed(ref: TicketRef, found: ChangeTickets): string {
  return found.title.length && found.branch.length ? `${code(ref.label)} (${whereNamed(ref, found)})` : code(ref.label);
}

function listAnd(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(", ")} and ${items.at(-1)}` : (items[0] ?? "");
}

function code(value: string): string {
  return `\`${value}\``;
}
