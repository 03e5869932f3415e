import { baseName, type ManifestReader } from "./manifest-reader.js";

/**
 * Lockfiles no reader here parses (bun, Dart, CocoaPods, Swift, Gradle, NuGet's packages.lock.json
 * aside): any change of their text is a dependency change. Failing closed keeps them judged
 * until a reader of their own is added.
 */
const NAMES = new Set([
  "bun.lock",
  "bun.lockb",
  "pubspec.lock",
  "Podfile.lock",
  "Package.resolved",
  "gradle.lockfile",
  "flake.lock",
  "Cartfile.resolved",
]);

export const opaqueLockfiles: ManifestReader = {
  format: "other lockfiles",
  lockfile: true,
  matches: (path) => NAMES.has(baseName(path)),
  read: (text) => [{ section: "lockfile", name: "its locked versions", value: text }],
};
