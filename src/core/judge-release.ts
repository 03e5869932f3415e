import type { Config } from "../config/schema.js";
import { matchesAny } from "./classify-file.js";
import { isHotfix } from "./is-hotfix.js";
import { judgeOtherChanges, judgePatchBump, judgeSingleHotfix } from "./release-checks.js";
import { parseReleaseTag, type PreviousRelease } from "./release-version.js";
import { severity, type Verdict } from "./rule-result.js";

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
  previous?: PreviousRelease;
  /** Commits from the previous release to this one: GitHub's count, and how many were read. */
  commits: { total: number; listed: number };
  /** The pull requests of the commits that were read, each once. */
  pulls: ReleasePull[];
  /** Short SHAs of read commits that no pull request accounts for (direct pushes). */
  orphanCommits: string[];
}

export type ReleaseCheckId = "semver-tag" | "patch-bump" | "single-hotfix" | "hotfix-only";

export interface ReleaseCheckResult {
  id: ReleaseCheckId;
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
  results: ReleaseCheckResult[];
  verdict: Verdict;
  facts: Record<string, string>;
}

/**
 * Judges a release (SPEC §6): the tag is semver; a release cut from a hotfix (its target is a
 * hotfix branch, or it carries a hotfix PR) is exactly a patch bump of the previous release and
 * carries exactly one hotfix PR. Other PRs or direct commits in a hotfix release are a warning.
 * Pure: no I/O, no clock.
 */
export function judgeRelease(facts: ReleaseFacts, config: Pick<Config, "hotfix">): ReleaseReport {
  const version = parseReleaseTag(facts.tag);
  const hotfixPulls = facts.pulls.filter((pr) => isHotfix({ headBranch: pr.headBranch, labels: pr.labels }, config).hotfix);
  const otherPulls = facts.pulls.filter((pr) => !hotfixPulls.includes(pr));
  const hotfix = describeHotfix(facts, hotfixPulls, config);
  const since = facts.previous ? `since \`${facts.previous.tag}\`` : "in this release";
  const partial = facts.commits.listed < facts.commits.total;
  const results: ReleaseCheckResult[] = [];

  if (!version) {
    results.push({
      id: "semver-tag",
      verdict: "fail",
      message: `The tag \`${facts.tag}\` is not a semantic version (MAJOR.MINOR.PATCH, e.g. \`v1.4.3\`).`,
      fix: "Delete this release and its tag, and publish it again with a semver tag such as `v1.4.3` (a leading `v` is allowed).",
    });
    results.push(skip("patch-bump", "Not judged: the tag is not a version."), skip("single-hotfix", "Not judged: the tag is not a version."));
  } else {
    results.push({ id: "semver-tag", verdict: "pass", message: `\`${facts.tag}\` is version \`${version.version}\`.` });
    if (!hotfix.hotfix) {
      const note = `Not a hotfix release, so no patch rule applies: ${hotfix.reason}.`;
      results.push(skip("patch-bump", note), skip("single-hotfix", note));
    } else {
      results.push(judgePatchBump(facts.previous, version));
      results.push(judgeSingleHotfix(hotfixPulls, since, partial, facts.commits));
      const other = judgeOtherChanges(otherPulls, facts.orphanCommits, since);
      if (other) results.push(other);
    }
  }

  const shown: Record<string, string> = {
    Tag: `\`${facts.tag}\``,
    Version: version ? `\`${version.version}\`` : "(not semver)",
    "Previous release": facts.previous ? `\`${facts.previous.tag}\` (${facts.previous.version})` : "(none)",
    Target: `\`${facts.target}\``,
    Commits: partial ? `${facts.commits.listed} of ${facts.commits.total} read` : String(facts.commits.total),
  };
  return { hotfix, hotfixPulls, otherPulls, results, verdict: worst(results), facts: shown };
}

function describeHotfix(facts: ReleaseFacts, hotfixPulls: ReleasePull[], config: Pick<Config, "hotfix">): ReleaseReport["hotfix"] {
  if (matchesAny(facts.target, config.hotfix.branches)) {
    return { hotfix: true, reason: `its target \`${facts.target}\` is a hotfix branch` };
  }
  if (hotfixPulls.length) {
    return { hotfix: true, reason: `it carries the hotfix pull request${hotfixPulls.length > 1 ? "s" : ""} ${hotfixPulls.map((p) => `#${p.number}`).join(", ")}` };
  }
  const prs = facts.pulls.length ? `none of its ${facts.pulls.length} pull request${facts.pulls.length > 1 ? "s is a hotfix" : " is a hotfix"}` : "it carries no pull request";
  return { hotfix: false, reason: `its target \`${facts.target}\` is not a hotfix branch and ${prs}` };
}

function skip(id: ReleaseCheckId, message: string): ReleaseCheckResult {
  return { id, verdict: "skip", message };
}

function worst(results: readonly ReleaseCheckResult[]): Verdict {
  return results.reduce<Verdict>((acc, r) => (severity(r.verdict) > severity(acc) ? r.verdict : acc), "pass");
}
