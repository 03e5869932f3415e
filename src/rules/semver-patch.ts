import semver from "semver";
import type { PreviousRelease } from "../core/change.js";
import { findVersionChanges, normalize, type VersionEdit } from "../core/readers/find-version-changes.js";
import type { FileFinding } from "../core/rule-result.js";
import type { Rule } from "../core/rule.js";
import { codeSpan } from "../core/safe-text.js";

interface Judgement {
  edit: VersionEdit;
  verdict: "pass" | "warn" | "fail";
  /** What happened, a sentence without its full stop. */
  text: string;
  /** The same, short enough to list several: `` `a` goes 1.4.2 → 1.5.0 (must be 1.4.3) ``. */
  brief: string;
  /** The version a hotfix should have, when the base is a valid version. */
  expected?: string;
}

export const semverPatch: Rule = {
  id: "semver-patch",
  description: "A version edit is exactly a patch bump of the base version (or of the previous release).",
  evaluate({ change, config }) {
    const { edits, unread } = findVersionChanges(change, config);
    if (unread.length > 0) {
      const files = unread.map((u) => `${codeSpan(u.path)} at the ${u.side}`).join(", ");
      return {
        verdict: "fail",
        message: `The version could not be checked: ${files} could not be read.`,
        fix: "Re-run the check (`/spo recheck`); if it fails again, the file may be too large for the host to return.",
      };
    }
    if (edits.length === 0) return { verdict: "skip", message: "The change does not edit a version." };
    const facts = {
      Versions: edits.map((e) => `${codeSpan(e.path)} ${e.base ?? "(none)"} → ${e.head ?? "(none)"}`).join(", "),
    };
    const judgements = edits.flatMap((e) =>
      e.base !== undefined && e.head !== undefined ? [judge(e, e.base, e.head, change.previousRelease)] : [],
    );
    if (judgements.length === 0) {
      const paths = edits.map((e) => `${codeSpan(e.path)}`).join(", ");
      return {
        verdict: "skip",
        message: `Not judged: ${paths} ${edits.length === 1 ? "has" : "have"} no base and head version to compare (a new or removed version).`,
        facts,
      };
    }

    const failures = judgements.filter((j) => j.verdict === "fail");
    const warnings = judgements.filter((j) => j.verdict === "warn");
    if (failures.length > 0) {
      return {
        verdict: "fail",
        message: summarize(failures, "not patch bumps"),
        fix: describeFix(failures),
        facts,
        findings: failures.map(toFinding),
      };
    }
    if (warnings.length > 0) {
      const releases = warnings.map((w) => `${codeSpan(w.edit.path)} to ${w.expected ?? ""}`).join(" and ");
      return {
        verdict: "warn",
        message: summarize(warnings, "pre-releases"),
        fix: `Set ${releases}, the release rather than a pre-release, before this hotfix ships.`,
        facts,
        findings: warnings.map(toFinding),
      };
    }
    const message =
      judgements.length === 1
        ? `${judgements[0]?.text ?? ""}, a patch bump.`
        : `Every version edit is a patch bump: ${judgements.map((j) => j.brief).join(", ")}.`;
    return { verdict: "pass", message, facts };
  },
};

/**
 * A base that is a pre-release or development version (`4.2.0-dev`, `5.8.34-SNAPSHOT`) says little
 * about what shipped: the new version is then compared with the previous release tag (SPEC §9),
 * or with the base when the repository has no release tag.
 */
function judge(
  edit: VersionEdit,
  baseText: string,
  headText: string,
  release: PreviousRelease | null | undefined,
): Judgement {
  const base = semver.parse(normalize(baseText), LOOSE);
  const head = semver.parse(normalize(headText), LOOSE);
  const viaRelease = base !== null && base.prerelease.length > 0 && release ? release : undefined;
  const reference = viaRelease ? semver.parse(viaRelease.version, LOOSE) : base;
  const referenceText = viaRelease ? viaRelease.tag : baseText;
  const via = viaRelease ? ` (the base is a pre-release, so the previous release ${viaRelease.tag} counts)` : "";
  const moves = `${codeSpan(edit.path)} goes ${baseText} → ${headText}${via}`;
  const notSemver = (text: string) => `${text} is not a semantic version (MAJOR.MINOR.PATCH)`;
  if (!reference)
    return {
      edit,
      verdict: "fail",
      text: `${moves}, and ${notSemver(referenceText)}`,
      brief: `${moves} (${notSemver(referenceText)})`,
    };
  const expected = semver.inc(reference, "patch") ?? reference.version;
  const must = `a hotfix must be ${expected}`;
  if (!head)
    return {
      edit,
      verdict: "fail",
      text: `${moves}, and ${notSemver(headText)}; ${must}`,
      brief: `${moves} (${notSemver(headText)}; must be ${expected})`,
      expected,
    };
  const sameRelease = `${head.major}.${head.minor}.${head.patch}` === expected;
  if (sameRelease && head.prerelease.length === 0)
    return { edit, verdict: "pass", text: moves, brief: moves, expected };
  if (sameRelease)
    return {
      edit,
      verdict: "warn",
      text: `${moves}, a pre-release of the patch ${expected}`,
      brief: `${moves} (a pre-release of ${expected})`,
      expected,
    };
  if (semver.lte(head, reference))
    return {
      edit,
      verdict: "fail",
      text: `${moves}, which is not above ${referenceText}; ${must}`,
      brief: `${moves} (not above ${referenceText}; must be ${expected})`,
      expected,
    };
  return { edit, verdict: "fail", text: `${moves}; ${must}`, brief: `${moves} (must be ${expected})`, expected };
}

function summarize(judgements: Judgement[], what: string): string {
  if (judgements.length === 1) return `${judgements[0]?.text ?? ""}.`;
  return `${judgements.length} version edits are ${what}: ${judgements.map((j) => j.brief).join(", ")}.`;
}

function describeFix(failures: Judgement[]): string {
  const steps = failures.map((f) =>
    f.expected === undefined
      ? `write the version in ${codeSpan(f.edit.path)} as MAJOR.MINOR.PATCH`
      : `set the version in ${codeSpan(f.edit.path)} to ${f.expected}`,
  );
  const text = steps.join(" and ");
  const reason = failures.some((f) => f.expected !== undefined)
    ? "; a hotfix ships only a patch bump, and other changes wait for a regular release"
    : "";
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${reason}.`;
}

function toFinding(j: Judgement): FileFinding {
  return { path: j.edit.path, ...(j.edit.line === undefined ? {} : { line: j.edit.line }), message: `${j.text}.` };
}

/** Versions are read loosely: `v24.05.2` is 24.5.2, `26.08.0` is 26.8.0. */
const LOOSE = { loose: true } as const;
