import semver from "semver";
import type { PreviousRelease } from "../core/change.js";
import type { FactReader } from "./complete-change.js";
import { type LocalChange, type LocalRepo, runGit } from "./local-git-source.js";
import { readLocalContents } from "./read-local-contents.js";

/**
 * Reads a local branch's facts with git, offline: the base side at the merge base (where the diff
 * starts), the head side at the head commit.
 */
export function readLocalFacts(repo: LocalRepo, change: Pick<LocalChange, "baseSha" | "headSha">): FactReader {
  return {
    async listBaseTree() {
      const listed = await runGit(
        repo.git,
        ["ls-tree", "-r", "-z", "--name-only", change.baseSha],
        "listing the base tree",
      );
      return { paths: listed.split("\0").filter(Boolean), complete: true };
    },
    readTexts: (side, paths) => readLocalContents(repo, side === "base" ? change.baseSha : change.headSha, paths),
    findPreviousRelease: (paths) => findLocalRelease(repo, change.baseSha, paths),
  };
}

/**
 * The newest release tag the base contains (`git tag --merged`, highest semantic version, no
 * pre-release), and which of `paths` exist at it. Null when no tag qualifies (or none was fetched).
 */
async function findLocalRelease(
  repo: LocalRepo,
  base: string,
  paths: readonly string[],
): Promise<PreviousRelease | null> {
  const tags = await runGit(repo.git, ["tag", "--merged", base], "listing the release tags");
  const newest = tags
    .split("\n")
    .map((tag) => tag.trim())
    .map((tag) => ({ tag, version: semver.parse(tag, { loose: true }) }))
    .filter(
      (t): t is { tag: string; version: semver.SemVer } =>
        t.tag !== "" && t.version !== null && t.version.prerelease.length === 0,
    )
    .sort((a, b) => semver.rcompare(a.version, b.version))[0];
  if (!newest) return null;
  const listed = paths.length
    ? await runGit(
        repo.git,
        ["ls-tree", "-z", "--name-only", `refs/tags/${newest.tag}`, "--", ...paths],
        `listing files at ${newest.tag}`,
      )
    : "";
  const present = new Set(listed.split("\0"));
  return { tag: newest.tag, version: newest.version.version, paths: paths.filter((p) => present.has(p)) };
}
