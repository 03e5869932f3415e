/**
 * The facts forward-port decisions read (SPEC §13), gathered by adapters: the GitHub source
 * (src/sources/read-github-twin-facts.ts) and the local-git source (read-local-twin-facts.ts).
 * A *twin* of a hotfix merged into a `from` branch is the same fix merged into the target: found by
 * a `(cherry picked from commit <sha>)` trailer, by the same ticket, or by the same patch id.
 * Types only.
 */

/** A commit and its full message. */
export interface CommitFact {
  sha: string;
  message: string;
  /** The pull request into the target that brought it, when the adapter looked it up. */
  pull?: { number: number; title: string };
}

/** The hotfix whose twin is looked for. */
export interface HotfixFacts {
  /** The pull request, on GitHub; absent for a local branch. */
  number?: number;
  title: string;
  body: string;
  headBranch: string;
  baseBranch: string;
  /** `owner/name`, so that a bare `#12` ticket names an issue of this repository. */
  repository?: string;
  /** Its own commits, oldest first (the order to cherry-pick them in). */
  commits: CommitFact[];
  /** The commit its merge made on its base (merge, squash or last rebased commit); absent until merged. */
  mergeSha?: string;
  /** The patch id of its whole diff (compute-patch-id.ts); absent when not read or not readable. */
  patchId?: string;
  /** The patch id of each of its commits, where git can tell them (the local source; `git cherry`'s test). */
  commitPatchIds?: string[];
}

/**
 * A commit of the target that one of the hotfix's commits says it was picked from. The trailer is
 * text in the hotfix's own message, which its author wrote: the claim counts only when both
 * commits have the same patch id, as a clean cherry-pick has.
 */
export interface NamedSource {
  /** The named commit, which the target contains. */
  sha: string;
  /** The hotfix's commit whose message names it. */
  by: string;
  /** The patch id of the named commit, and of the naming one, when read. */
  patchId?: string;
  byPatchId?: string;
}

/** Something merged into the target that may be the twin: a pull request (GitHub) or a commit (git). */
export interface TwinCandidate {
  kind: "pull" | "commit";
  /** The pull request's number (a `pull`), or the one a merge or squash commit's subject names. */
  number?: number;
  /** The pull request's merge commit, or the commit. */
  sha: string;
  title: string;
  body: string;
  headBranch: string;
  /** ISO time it was merged into the target (pull requests). */
  mergedAt?: string;
  /** The patch id of what it changed, when read. */
  patchId?: string;
}

export interface TwinFacts {
  /** The branch the twin must be merged into. */
  target: string;
  hotfix: HotfixFacts;
  /** Commits the target contains (since shortly before the hotfix's first commit), read for trailers. */
  targetCommits: CommitFact[];
  /** Commits named by the hotfix's own `(cherry picked from …)` trailers that the target contains. */
  sourcesOnTarget: NamedSource[];
  /** What was merged into the target in that time, for the ticket and patch tests. */
  candidates: TwinCandidate[];
  /** The patch id of each commit the target contains, where git can tell them (local source). */
  targetCommitPatchIds?: Array<{ sha: string; patchId: string }>;
  /** What the search could not cover (a listing cut at its bound, a diff GitHub would not send). */
  limits: string[];
}

/** How a twin was found, in the order the methods are tried. */
export const TWIN_METHODS = ["cherry-pick trailer", "ticket", "patch id"] as const;
export type TwinMethod = (typeof TWIN_METHODS)[number];

export interface TwinMatch {
  method: TwinMethod;
  /** The twin: a pull request into the target, or a commit on it. */
  twin: { kind: "pull" | "commit"; sha: string; number?: number; title?: string };
  /** One Markdown sentence: what matched. */
  evidence: string;
}

/** What one method looked at and why it found nothing: for the report. */
export interface TwinSearch {
  method: TwinMethod;
  /** One Markdown sentence. */
  looked: string;
}

/** The answer of findTwin: the first twin found, and what every method looked at. */
export interface TwinVerdict {
  match?: TwinMatch;
  searched: TwinSearch[];
}
