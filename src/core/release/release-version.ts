import semver, { type SemVer } from "semver";

/** A tag and the commit it points at, as a host lists them. */
export interface TagRef {
  name: string;
  sha: string;
}

/** The release a hotfix release is compared with. */
export interface PreviousRelease {
  tag: string;
  version: string;
  sha: string;
}

/**
 * The version a release tag names: `1.4.3` or `v1.4.3`, strict semver (pre-release and build
 * parts allowed). Anything else (`release-1.4.3`, `1.4`, `=1.4.3`, `v01.4.3`) is not a version.
 */
export function parseReleaseTag(tag: string): SemVer | undefined {
  const bare = tag.startsWith("v") ? tag.slice(1) : tag;
  if (!/^\d/.test(bare)) return undefined;
  return semver.parse(bare) ?? undefined;
}

/**
 * The highest stable (non-pre-release) version tagged below `version`: the release that a patch
 * bump starts from. `1.4.3-rc.1` and `1.4.3` both follow `1.4.2`. Tags that are not versions are
 * ignored; of two tags with the same version (`1.4.2`, `v1.4.2`) the `v` one is kept.
 */
export function findPreviousRelease(tags: readonly TagRef[], version: SemVer): PreviousRelease | undefined {
  let best: { tag: TagRef; version: SemVer } | undefined;
  for (const tag of tags) {
    const parsed = parseReleaseTag(tag.name);
    if (!parsed || parsed.prerelease.length > 0 || semver.gte(parsed, version)) continue;
    const order = best ? semver.compare(parsed, best.version) : 1;
    if (order > 0 || (order === 0 && tag.name.startsWith("v"))) best = { tag, version: parsed };
  }
  return best ? { tag: best.tag.name, version: best.version.version, sha: best.tag.sha } : undefined;
}

/** The only version a hotfix of `previous` may have (ignoring a pre-release suffix). */
export function nextPatch(previous: string): string {
  return semver.inc(previous, "patch") ?? previous;
}

/** True when `version` is `previous` with only the patch number raised by one (`-rc.1` allowed). */
export function isPatchBump(previous: string, version: SemVer): boolean {
  const base = semver.parse(previous);
  if (!base) return false;
  return version.major === base.major && version.minor === base.minor && version.patch === base.patch + 1;
}
