import type { Config } from "../config/schema.js";
import type { TicketRef } from "../core/readers/find-tickets.js";
import type { TicketFacts, TicketTrackers } from "../core/ticket-facts.js";
import type { GitHubClient } from "../github/github-client.js";
import { readGitHubTicket } from "../github/read-github-ticket.js";

/**
 * Looks the change's ticket up where it lives, for `ticket.verify`: a GitHub reference on GitHub
 * (whatever `ticket.tracker` says: it names a GitHub issue), a key in `ticket.tracker`. A key
 * with `ticket.tracker: github` is not looked up (`linked-ticket` says why); a tracker the server
 * has no settings for is `not-configured`, and nothing is sent anywhere.
 */
export async function readTicketFacts(
  ticket: TicketRef,
  config: Config,
  octokit: GitHubClient,
  trackers: TicketTrackers,
): Promise<Record<string, TicketFacts> | undefined> {
  if (ticket.kind === "github") return { [ticket.id]: await readGitHubTicket(octokit, ticket.id) };
  const name = config.ticket.tracker;
  if (name === "github") return undefined;
  const tracker = trackers[name];
  const facts: TicketFacts = tracker
    ? await tracker.lookUp(ticket.id)
    : { tracker: name, found: false, error: "not-configured" };
  return { [ticket.id]: facts };
}
