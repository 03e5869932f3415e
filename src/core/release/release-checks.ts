import type { SemVer } from "semver";
import type { ReleaseCheckResult, ReleaseFacts, ReleasePull } from "./release-facts.js";
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

export function evaluateOtherChanges(
  otherPulls: ReleasePull[],
  orphans: string[],
  since: string,
): ReleaseCheckResult | undefined {
  if (!otherPulls.length && !orphans.length) return undefined;
  const parts = [
    otherPulls.length
      ? `${otherPulls.length} pull request${otherPulls.length > 1 ? "s" : ""} that ${otherPulls.length > 1 ? "are" : "is"} not a hotfix (${otherPulls.map((p) => `#${p.number}`).join(", ")})`
      : "",
    orphans.length
      ? `${orphans.length} commit${orphans.length > 1 ? "s" : ""} without a pull request (${orphans
          .slice(0, 5)
          .map((s) => `${codeSpan(s)}`)
          .join(", ")}${orphans.length > 5 ? ", …" : ""})`
      : "",
  ].filter(Boolean);
  return {
    id: "hotfix-only",
    verdict: "warn",
    message: `Also carries ${parts.join(" and ")} ${since}.`,
    fix: "A hotfix release should carry the hotfix alone: cut it from the previous release's tag, not from a branch with other work.",
  };
}
