import type { Config } from "../../config/schema.js";
import { matchesAny } from "../readers/classify-file.js";
import { isHotfix } from "../is-hotfix.js";
import type { ReleaseCheckId, ReleaseCheckResult, ReleaseFacts, ReleasePull, ReleaseReport } from "./release-facts.js";
import {
  evaluateDirectCommits,
  evaluateOtherChanges,
  evaluatePatchBump,
  evaluateSingleHotfix,
} from "./release-checks.js";
import { parseReleaseTag } from "./release-version.js";
import { rollUp } from "../policy-report.js";
import { codeSpan } from "../safe-text.js";

/**
 * Evaluates a release (docs/deployments.md): the tag is semver; a release cut from a hotfix (its target is a
 * hotfix branch, or it carries a hotfix PR) is exactly a patch bump of the previous release and
 * carries exactly one hotfix PR and no direct commit (release-facts.ts: a commit counts as a PR only
 * when verified). Other PRs in a hotfix release are a warning. Pure: no I/O, no clock.
 */
export function evaluateRelease(
  facts: ReleaseFacts,
  config: Pick<Config, "hotfix">,
  forwardPorts: ReadonlySet<number> = new Set(),
): ReleaseReport {
  const version = parseReleaseTag(facts.tag);
  // A forward port of a hotfix merged elsewhere (core/forward-port) is not a hotfix of this release (SPEC §13).
  const hotfixPulls = facts.pulls.filter(
    (pr) => !forwardPorts.has(pr.number) && isHotfix({ headBranch: pr.headBranch, labels: pr.labels }, config).hotfix,
  );
  const otherPulls = facts.pulls.filter((pr) => !hotfixPulls.includes(pr));
  const hotfix = describeHotfix(facts, hotfixPulls, config);
  const since = facts.previous ? `since ${codeSpan(facts.previous.tag)}` : "in this release";
  const partial = facts.commits.listed < facts.commits.total;
  const results: ReleaseCheckResult[] = [];

  if (!version) {
    results.push({
      id: "semver-tag",
      verdict: "fail",
      message: `The tag ${codeSpan(facts.tag)} is not a semantic version (MAJOR.MINOR.PATCH, e.g. \`v1.4.3\`).`,
      fix: "Delete this release and its tag, and publish it again with a semver tag such as `v1.4.3` (a leading `v` is allowed).",
    });
    results.push(
      skip("patch-bump", "Not judged: the tag is not a version."),
      skip("single-hotfix", "Not judged: the tag is not a version."),
      skip("direct-commits", "Not judged: the tag is not a version."),
    );
  } else {
    results.push({
      id: "semver-tag",
      verdict: "pass",
      message: `${codeSpan(facts.tag)} is version ${codeSpan(version.version)}.`,
    });
    if (!hotfix.hotfix) {
      const note = `Not a hotfix release, so no patch rule applies: ${hotfix.reason}.`;
      results.push(skip("patch-bump", note), skip("single-hotfix", note), skip("direct-commits", note));
    } else {
      results.push(evaluatePatchBump(facts.previous, version));
      results.push(evaluateSingleHotfix(hotfixPulls, since, partial, facts.commits));
      results.push(evaluateDirectCommits(facts.directCommits, since));
      const other = evaluateOtherChanges(otherPulls, since);
      if (other) results.push(other);
    }
  }

  const shown: Record<string, string> = {
    Tag: `${codeSpan(facts.tag)}`,
    Version: version ? `${codeSpan(version.version)}` : "(not semver)",
    "Previous release": facts.previous ? `${codeSpan(facts.previous.tag)} (${facts.previous.version})` : "(none)",
    Target: `${codeSpan(facts.target)}`,
    Commits: partial ? `${facts.commits.listed} of ${facts.commits.total} read` : String(facts.commits.total),
  };
  const { directCommits } = facts;
  return { hotfix, hotfixPulls, otherPulls, directCommits, results, verdict: rollUp(results), facts: shown };
}

function describeHotfix(
  facts: ReleaseFacts,
  hotfixPulls: ReleasePull[],
  config: Pick<Config, "hotfix">,
): ReleaseReport["hotfix"] {
  if (matchesAny(facts.target, config.hotfix.branches)) {
    return { hotfix: true, reason: `its target ${codeSpan(facts.target)} is a hotfix branch` };
  }
  if (hotfixPulls.length) {
    return {
      hotfix: true,
      reason: `it carries the hotfix pull request${hotfixPulls.length > 1 ? "s" : ""} ${hotfixPulls.map((p) => `#${p.number}`).join(", ")}`,
    };
  }
  const prs = facts.pulls.length
    ? `none of its ${facts.pulls.length} pull request${facts.pulls.length > 1 ? "s is a hotfix" : " is a hotfix"}`
    : "it carries no pull request";
  return { hotfix: false, reason: `its target ${codeSpan(facts.target)} is not a hotfix branch and ${prs}` };
}

function skip(id: ReleaseCheckId, message: string): ReleaseCheckResult {
  return { id, verdict: "skip", message };
}
