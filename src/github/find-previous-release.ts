import semver from "semver";
import type { PreviousRelease } from "../core/change.js";
import { toSourceError } from "./describe-github-error.js";
import type { GitHubClient, RepoRef } from "./github-client.js";
import { listTreePaths } from "./list-tree-paths.js";

/** Release tags tried, newest version first, until one is reachable from the base. */
const MAX_TAGS_TRIED = 3;

/**
 * The previous release of a base commit: the highest semver release tag (no pre-release) among
 * the repository's 100 most recent tags that the base contains, and which of `paths` exist at it.
 * Bounded: one tags page, at most three compares (`GET /compare/{tag}...{base}`: `ahead` or
 * `identical` means the base contains the tag), one recursive tree of the tag when paths are
 * asked about. Null when no such tag is found.
 */
export async function findPreviousRelease(
  octokit: GitHubClient,
  repo: RepoRef,
  baseSha: string,
  paths: readonly string[],
): Promise<PreviousRelease | null> {
  try {
    const { data: tags } = await octokit.rest.repos.listTags({ ...repo, per_page: 100 });
    const releases = tags
      .map((tag) => ({ tag, version: semver.parse(tag.name, { loose: true }) }))
      .filter(
        (t): t is { tag: (typeof tags)[number]; version: semver.SemVer } =>
          t.version !== null && t.version.prerelease.length === 0,
      )
      .sort((a, b) => semver.rcompare(a.version, b.version));
    for (const { tag, version } of releases.slice(0, MAX_TAGS_TRIED)) {
      const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
        ...repo,
        basehead: `${tag.commit.sha}...${baseSha}`,
        per_page: 1,
      });
      if (data.status !== "ahead" && data.status !== "identical") continue;
      const at = paths.length ? await listTreePaths(octokit, repo, tag.commit.sha) : { paths: [], complete: true };
      const present = new Set(at.paths);
      // A truncated listing cannot say a path is absent: count it as shipped (fail closed).
      return { tag: tag.name, version: version.version, paths: paths.filter((p) => present.has(p) || !at.complete) };
    }
    return null;
  } catch (error) {
    throw toSourceError(error, "finding the previous release tag");
  }
}
