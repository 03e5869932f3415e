import { cargoLock } from "./cargo-lock.js";
import { cargoToml } from "./cargo-toml.js";
import { composerJson } from "./composer-json.js";
import { composerLock } from "./composer-lock.js";
import { cpanfile, cpanfileSnapshot } from "./cpanfile.js";
import { gemfile } from "./gemfile.js";
import { gemfileLock } from "./gemfile-lock.js";
import { goMod } from "./go-mod.js";
import { goSum } from "./go-sum.js";
import { gradleBuild } from "./gradle-build.js";
import { gradleCatalog, gradleWrapper } from "./gradle-catalog.js";
import type { ManifestReader } from "./manifest-reader.js";
import { mixExs, mixLock } from "./mix.js";
import { msbuild, nugetLock } from "./msbuild.js";
import { opaqueLockfiles } from "./opaque-lockfiles.js";
import { packageJson } from "./package-json.js";
import { packageLock } from "./package-lock.js";
import { pnpmLock } from "./pnpm-lock.js";
import { pomXml } from "./pom-xml.js";
import { pyprojectToml } from "./pyproject-toml.js";
import { pipfile, pipfileLock, pythonTomlLockfile } from "./python-lockfiles.js";
import { requirementsTxt } from "./requirements-txt.js";
import { yarnLock } from "./yarn-lock.js";

/**
 * The one registry of dependency file readers (SPEC §9 "Manifests are read per format"). A new
 * format is a reader in this folder and a line here; test/core/readers/registries.test.ts checks
 * that every file is registered and documented in docs/rules.md.
 */
export const manifestReaders: readonly ManifestReader[] = [
  packageJson,
  packageLock,
  pnpmLock,
  yarnLock,
  composerJson,
  composerLock,
  cargoToml,
  cargoLock,
  goMod,
  goSum,
  requirementsTxt,
  pyprojectToml,
  pipfile,
  pipfileLock,
  pythonTomlLockfile,
  gemfile,
  gemfileLock,
  pomXml,
  gradleBuild,
  gradleCatalog,
  gradleWrapper,
  msbuild,
  nugetLock,
  mixExs,
  mixLock,
  cpanfile,
  cpanfileSnapshot,
  opaqueLockfiles,
];

/** The reader of a path's format, if any. Asked for every changed file by several rules: kept in a bounded cache. */
export function findManifestReader(path: string): ManifestReader | undefined {
  let reader = found.get(path);
  if (reader === undefined) {
    reader = manifestReaders.find((r) => r.matches(path)) ?? null;
    if (found.size >= MAX_FOUND) found.clear();
    found.set(path, reader);
  }
  return reader ?? undefined;
}

const found = new Map<string, ManifestReader | null>();
const MAX_FOUND = 50_000;
