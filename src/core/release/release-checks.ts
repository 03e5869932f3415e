import type { SemVer } from "semver";
import type { DirectCommit, ReleaseCheckResult, ReleaseFacts, ReleasePull } from "./release-facts.js";
import { isPatchBump, nextPatch, type PreviousRelease } from "./release-version.js";
import { codeSpan } from "../safe-text.js";

/** The checks of a hotfix release, each a result that explains itself. Pure. */

export function evaluatePatchBump(previous: PreviousRelease | undefined, version: SemVer): ReleaseCheckResult {
  const shown = version.version;
  if (!previous) {
    return {
      id: "patch-bump",
      verdict: "fail",
      message: `There is no earlier release to compare ${codeSpan(shown)} with: a hotfix release must be a patch of a released version.`,
      fix: "Tag the release the hotfix fixes (with a semver tag) first, or publish this release as a regular release from a non-hotfix branch.",
    };
  }
  if (isPatchBump(previous.version, version)) {
    return {
      id: "patch-bump",
      verdict: "pass",
      message: `${codeSpan(shown)} is the patch after ${codeSpan(previous.version)}.`,
    };
  }
  const expected = nextPatch(previous.version);
  return {
    id: "patch-bump",
    verdict: "fail",
    message: `${codeSpan(shown)} is not a patch bump of the previous release ${codeSpan(previous.version)} (expected ${codeSpan(expected)}).`,
    fix: `A hotfix release only raises the patch number: publish it as \`v${expected}\`, or ship these changes in a regular release without hotfix pull requests.`,
  };
}

export function evaluateSingleHotfix(
  hotfixPulls: ReleasePull[],
  since: string,
  partial: boolean,
  commits: ReleaseFacts["commits"],
): ReleaseCheckResult {
  const list = hotfixPulls.map((p) => `#${p.number}`).join(", ");
  if (partial) {
    return {
      id: "single-hotfix",
      verdict: "fail",
      message: `Only ${commits.listed} of the ${commits.total} commits ${since} could be read, so the release cannot be shown to carry a single hotfix.`,
      fix: "A hotfix release carries one pull request: cut it from the previous release's tag plus the one hotfix.",
    };
  }
  if (hotfixPulls.length === 1)
    return {
      id: "single-hotfix",
      verdict: "pass",
      message: `Carries exactly one hotfix pull request ${since}: ${list}.`,
    };
  if (hotfixPulls.length === 0) {
    return {
      id: "single-hotfix",
      verdict: "fail",
      message: `Cut from a hotfix branch but carries no hotfix pull request ${since}.`,
      fix: "Merge the hotfix through a pull request (a hotfix branch or label), then release the merge commit.",
    };
  }
  return {
    id: "single-hotfix",
    verdict: "fail",
    message: `Carries ${hotfixPulls.length} hotfix pull requests ${since} (${list}): one patch per release.`,
    fix: "Release each hotfix on its own: one patch release per hotfix pull request, each a patch bump of the one before.",
  };
}

/**
 * A hotfix release carries its one hotfix pull request and nothing else: a direct commit (or one
 * that names a pull request it is not part of) fails it, listed by short SHA (the report's
 * "Direct commits" table shows each subject).
 */
export function evaluateDirectCommits(direct: readonly DirectCommit[], since: string): ReleaseCheckResult {
  if (!direct.length)
    return { id: "direct-commits", verdict: "pass", message: `Every commit ${since} belongs to a pull request.` };
  const shown = direct.slice(0, 5).map((c) => `\`${c.sha}\`${c.claimed === undefined ? "" : ` (names #${c.claimed})`}`);
  const claimed = direct.some((c) => c.claimed !== undefined)
    ? " A commit that names a pull request counts as it only when it is that PR's merge commit or one of its commits."
    : "";
  return {
    id: "direct-commits",
    verdict: "fail",
    message: `Carries ${direct.length} direct commit${direct.length > 1 ? "s" : ""} ${since} that no pull request accounts for: ${shown.join(", ")}${direct.length > 5 ? ", …" : ""}.${claimed}`,
    fix: "A hotfix release carries the hotfix pull request and nothing else: cut it from the previous release's tag plus the hotfix's merge, and bring other changes through pull requests.",
  };
}

export function evaluateOtherChanges(otherPulls: ReleasePull[], since: string): ReleaseCheckResult | undefined {
  if (!otherPulls.length) return undefined;
  return {
    id: "hotfix-only",
    verdict: "warn",
    message: `Also carries ${otherPulls.length} pull request${otherPulls.length > 1 ? "s" : ""} that ${otherPulls.length > 1 ? "are" : "is"} not a hotfix (${otherPulls.map((p) => `#${p.number}`).join(", ")}) ${since}.`,
    fix: "A hotfix release should carry the hotfix alone: cut it from the previous release's tag, not from a branch with other work.",
  };
}
