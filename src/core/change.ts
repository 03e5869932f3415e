import type { TwinFacts } from "./forward-port/twin-facts.js";
import type { TicketFacts } from "./ticket-facts.js";

/**
 * A `Change` is everything the policy engine knows about a proposed patch. Adapters build it (from
 * the GitHub API, from a local git repository, from a test builder); the engine only reads it.
 * All calls that read the same change must see the same values: a Change is never mutated.
 *
 * Every field is filled by every source (the GitHub PR source and the local-git source): a field
 * that only one of them filled would let a rule pass in the App and fail in the CLI. A rule that
 * needs new data adds it here, to both sources and to the test builder (support/build-change.ts).
 */

/** How a file changed. Mirrors GitHub's `pulls.listFiles` statuses so adapters map 1:1. */
export type FileStatus = "added" | "removed" | "modified" | "renamed" | "copied" | "changed" | "unchanged";

export interface ChangedFile {
  /** Path after the change, relative to the repository root, `/`-separated. */
  path: string;
  /** Path before a rename or copy. */
  previousPath?: string;
  status: FileStatus;
  additions: number;
  deletions: number;
  /** Unified diff hunks. Absent when the host omits it (binary file, or a diff too large to show). */
  patch?: string;
}

/** File texts per side, path → text; `null` = absent on that side. */
export interface FileContents {
  base: Readonly<Record<string, string | null>>;
  head: Readonly<Record<string, string | null>>;
}

export interface BaseTree {
  /** Every file path of the base tree (blobs and links, not folders), `/`-separated. */
  paths: readonly string[];
  /** False when the host truncated the listing: a path missing from it may still exist. */
  complete: boolean;
}

export interface PreviousRelease {
  /** The tag as written (`v1.4.2`). */
  tag: string;
  /** The tag's semantic version (`1.4.2`). */
  version: string;
  /** Of the paths the engine asked about (planFacts), those that exist at the tag. */
  paths: readonly string[];
}

/** A check on the head commit, gathered by the adapter only when `tests.requiredChecks` is set. */
export interface HeadCheck {
  name: string;
  status: "queued" | "in_progress" | "completed" | "waiting" | "requested" | "pending";
  /** GitHub's conclusion when completed (`success`, `failure`, `neutral`, …), else null. */
  conclusion: string | null;
}

export interface Change {
  /** `owner/name` of the repository the change targets, when known (resolves bare `#12` references). */
  repository?: string;
  title: string;
  body: string;
  labels: string[];
  headBranch: string;
  baseBranch: string;
  /** The files the adapter listed. May be fewer than `changedFiles` when the listing was capped. */
  files: ChangedFile[];
  /** How many files the host says changed. Greater than `files.length` means the listing is partial. */
  changedFiles: number;
  /** How many commits the host says the change has (the listing may be capped too). */
  commitCount: number;
  /**
   * File texts the engine asked for (core/plan-facts.ts), per side: `base` is the tree the change
   * starts from (keyed by base path, so a renamed file's base text is under its previous path),
   * `head` the tree it ends at. `null`: the file does not exist on that side; a missing key: not
   * read. A side the patch can rebuild is often not read (core/readers/read-file-text.ts).
   */
  contents?: FileContents;
  /** The base tree's paths, when the adapter listed them (scope detection needs unknown names). */
  baseTree?: BaseTree;
  /**
   * The previous release: the newest semver tag reachable from the base. `null` when the adapter
   * looked and the repository has none. Gathered only when a verdict depends on it.
   */
  previousRelease?: PreviousRelease | null;
  /**
   * Ticket id → what its tracker says about it (core/ticket-facts.ts). Only with `ticket.verify`.
   * Adapters key it by the id of the ticket `findTicketToVerify` (core/readers/find-tickets.ts) returns.
   */
  tickets?: Record<string, TicketFacts>;
  /** Checks on the head commit. Only when `tests.requiredChecks` is set. */
  checks?: HeadCheck[];
  /**
   * What the forward-port target holds of this hotfix (core/forward-port/twin-facts.ts). Only for a
   * hotfix into a `forwardPort.from` branch with `forwardPort.mode: upstream-first`
   * (core/forward-port/needs-twin-facts.ts says when).
   */
  forwardPort?: TwinFacts;
}

/** True when the adapter could not list every changed file. */
export function isPartialListing(change: Change): boolean {
  return change.changedFiles > change.files.length;
}
