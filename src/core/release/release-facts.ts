import type { Verdict } from "../rule-result.js";
import type { PreviousRelease } from "./release-version.js";

/** The facts about a release that its checks read, and what they conclude. Types only. */

/** A pull request merged between the previous release and this one. */
export interface ReleasePull {
  number: number;
  title: string;
  headBranch: string;
  labels: string[];
}

/** What an adapter gathers about a published release. */
export interface ReleaseFacts {
  tag: string;
  /** The branch (or commit) the release was cut from: GitHub's `target_commitish`. */
  target: string;
  /** The nearest earlier stable release; absent when there is none (or the tag is no version). */
  previous?: PreviousRelease | undefined;
  /** Commits from the previous release to this one: GitHub's count, and how many were read. */
  commits: { total: number; listed: number };
  /** The pull requests of the commits that were read, each once, each verified (see DirectCommit). */
  pulls: ReleasePull[];
  /** Read commits that no pull request accounts for. */
  directCommits: DirectCommit[];
}

/**
 * A commit between the two releases that no pull request accounts for: pushed directly, or naming
 * a pull request it is not part of. A commit counts as PR #N only when GitHub associates it with
 * the merged #N, or it is #N's merge commit or one of #N's commits; `(#N)` in a subject line is
 * text anyone can write, never proof on its own.
 */
export interface DirectCommit {
  /** Short SHA. */
  sha: string;
  /** The first line of its message, as written (user text: render it safely). */
  subject: string;
  /** The pull request its subject names (`(#12)`, `Merge pull request #12`) that it is no part of. */
  claimed?: number;
}

export type ReleaseCheckId = "semver-tag" | "patch-bump" | "single-hotfix" | "direct-commits" | "hotfix-only";

export interface ReleaseCheckResult {
  /** `forward-ports`: the forward-port obligations of a release from the target (core/forward-port). */
  id: ReleaseCheckId | "forward-ports";
  verdict: Verdict;
  /** One Markdown sentence. */
  message: string;
  fix?: string;
}

export interface ReleaseReport {
  /** Why the release is (or is not) judged as a hotfix release: completes "… because". */
  hotfix: { hotfix: boolean; reason: string };
  hotfixPulls: ReleasePull[];
  otherPulls: ReleasePull[];
  directCommits: DirectCommit[];
  results: ReleaseCheckResult[];
  verdict: Verdict;
  facts: Record<string, string>;
}
