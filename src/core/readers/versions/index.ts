import type { Config } from "../../../config/schema.js";
import { matchesAny } from "../classify-file.js";
import { cargoTomlVersion } from "./cargo-toml.js";
import { gradlePropertiesVersion } from "./gradle-properties.js";
import { mixExsVersion } from "./mix-exs.js";
import { msbuildVersion } from "./msbuild.js";
import { packageJsonVersion } from "./package-json.js";
import { pomXmlVersion } from "./pom-xml.js";
import { pyprojectVersion } from "./pyproject-toml.js";
import { pythonPackageVersion } from "./python-package.js";
import { versionFile } from "./version-file.js";
import { versionLine } from "./version-line.js";
import type { VersionReader } from "./version-reader.js";

/**
 * The one registry of version readers (SPEC §9). A new format is a reader in this folder and a
 * line here; test/core/readers/registries.test.ts checks that every file is registered and documented.
 */
export const versionReaders: readonly VersionReader[] = [
  packageJsonVersion,
  cargoTomlVersion,
  pomXmlVersion,
  gradlePropertiesVersion,
  pyprojectVersion,
  msbuildVersion,
  mixExsVersion,
  versionFile,
  pythonPackageVersion,
  versionLine,
];

/**
 * The reader of a path's version: the format's reader for a file read by default; for a file
 * that only `versioning.files` names, the reader its name calls for, else the version-line reader.
 */
export function findVersionReader(path: string, config: Pick<Config, "versioning">): VersionReader | undefined {
  let byFormat = found.get(path);
  if (byFormat === undefined) {
    byFormat = versionReaders.find((reader) => reader.matches(path)) ?? null;
    if (found.size >= MAX_FOUND) found.clear();
    found.set(path, byFormat);
  }
  if (byFormat) return byFormat;
  return matchesAny(path, config.versioning.files) ? versionLine : undefined;
}

/** The default reader of each path asked about: every changed file is asked by several rules. */
const found = new Map<string, VersionReader | null>();
const MAX_FOUND = 50_000;
