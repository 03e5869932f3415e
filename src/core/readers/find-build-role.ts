import type { Config } from "../../config/schema.js";
import type { Change, ChangedFile } from "../change.js";
import { isVersionOnlyEdit } from "./find-version-changes.js";
import { findManifestReader } from "./manifests/index.js";
import { versionReaders } from "./versions/index.js";

/** Why a production-looking file opens no scope (SPEC §9). */
export type BuildRole = "lockfile" | "root build file" | "version edit";

/**
 * Lockfiles, root build files and version files never open a scope of their own: a lockfile is
 * generated from the manifests; a root build file (a manifest or build descriptor at the top
 * level, `gradle/`, `.mvn/`) serves every unit; a file whose only change is its version belongs to
 * the release, not to a feature.
 */
export function findBuildRole(
  change: Change,
  file: ChangedFile,
  path: string,
  config: Pick<Config, "versioning">,
): BuildRole | undefined {
  const reader = findManifestReader(path);
  if (reader?.lockfile) return "lockfile";
  if (isRootBuildFile(path) || (reader && !path.includes("/"))) return "root build file";
  if (path === file.path && isVersionOnlyEdit(change, file, config)) return "version edit";
  return undefined;
}

function isRootBuildFile(path: string): boolean {
  if (/^(?:gradle|\.mvn)\//.test(path)) return true;
  if (path.includes("/")) return false;
  return (
    ROOT_BUILD_FILES.has(path) || /\.(?:sln|slnx|gemspec)$/.test(path) || versionReaders.some((r) => r.matches(path))
  );
}

const ROOT_BUILD_FILES = new Set([
  "pnpm-workspace.yaml",
  "lerna.json",
  "nx.json",
  "turbo.json",
  "rush.json",
  ".npmrc",
  ".yarnrc",
  ".yarnrc.yml",
  "go.work",
  "settings.gradle",
  "settings.gradle.kts",
  "gradlew",
  "gradlew.bat",
  "mvnw",
  "mvnw.cmd",
  "Directory.Build.targets",
  "global.json",
  "nuget.config",
  "NuGet.Config",
  "setup.py",
  "setup.cfg",
  "MANIFEST.in",
  "rust-toolchain",
  "rust-toolchain.toml",
  "Rakefile",
]);
