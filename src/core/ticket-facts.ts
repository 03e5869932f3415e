/**
 * The tracker port, in the engine's terms: what a ticket tracker (GitHub issues, Jira, Linear)
 * says about one ticket. Adapters fill `Change.tickets` with these; the `linked-ticket` rule reads
 * them and decides. The engine never calls a tracker.
 */

export type TrackerName = "github" | "jira" | "linear";

/**
 * Why a tracker could not say what a ticket is:
 * - `not-configured`: the server has no host or credentials for this tracker (nothing was asked);
 * - `unauthorized`: the tracker refused the server's credentials (401/403);
 * - `not-found`: the tracker answered that the ticket does not exist (or is invisible to the server's user);
 * - `invalid-key`: the reference cannot be a key of this tracker, so it was not sent to it;
 * - `unreachable`: no answer (network) or a server error (5xx);
 * - `timeout`: no complete answer within the time limit;
 * - `rate-limited`: the tracker asked to wait (`retryAfterSeconds` when it said how long);
 * - `unexpected-response`: an answer in no shape the tracker documents (a redirect, a 400, bad JSON).
 */
export type TrackerErrorKind =
  | "not-configured"
  | "unauthorized"
  | "not-found"
  | "invalid-key"
  | "unreachable"
  | "timeout"
  | "rate-limited"
  | "unexpected-response";

/** A ticket the tracker knows. */
export interface FoundTicket {
  tracker: TrackerName;
  found: true;
  /** The key as the tracker names it (Jira answers a moved issue under its new key). */
  key: string;
  /** The status as people see it: Jira's status name, Linear's state name, GitHub's `open`/`closed`. */
  status: string;
  /**
   * What the status means, in the tracker's own vocabulary: Jira's `statusCategory.key` (`new`,
   * `indeterminate`, `done`), Linear's `state.type` (`triage`, `backlog`, `unstarted`, `started`,
   * `completed`, `canceled`, `duplicate`), GitHub's `state` (`open`, `closed`).
   */
  category: string;
  /** What `ticket.types` is matched against: Jira's issue type; Linear's labels; GitHub's labels and issue type. */
  types: string[];
}

/** A ticket the tracker could not describe, and why. */
export interface TicketLookupError {
  tracker: TrackerName;
  found: false;
  error: TrackerErrorKind;
  /** Seconds the tracker asked to wait, for `rate-limited`. */
  retryAfterSeconds?: number;
  /** A short technical detail for the report (`HTTP 503`, `connection refused`); never a credential. */
  detail?: string;
}

export type TicketFacts = FoundTicket | TicketLookupError;

/**
 * One tracker the server can ask. `lookUp` never throws: every failure is a TicketLookupError.
 * Implementations may answer from a short cache, so a recheck storm does not reach the tracker.
 */
export interface TicketTracker {
  readonly name: Exclude<TrackerName, "github">;
  lookUp(key: string): Promise<TicketFacts>;
}

/** The trackers the server is configured for; a missing one is `not-configured`. */
export type TicketTrackers = Partial<Record<TicketTracker["name"], TicketTracker>>;
