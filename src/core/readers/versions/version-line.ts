import type { VersionReader } from "./version-reader.js";

/** `version = "1.4.2"`, `__version__ = '1.4.2'`, `export const VERSION = "1.4.2"`, `version: 1.4.2`. */
const VERSION_ASSIGNMENT =
  /^\s*(?:(?:export|pub|const|let|var|static|final|public|readonly|val)\s+)*["']?(?:__)?version(?:__)?["']?\s*[:=]\s*["']?(v?\d[0-9A-Za-z.+-]*)/im;
/** A line that is only a version. */
const BARE_VERSION = /^\s*(v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)\s*$/m;

/**
 * For a file of no known format that `versioning.files` names: its first version assignment or
 * bare version line. Never a default (a line pattern would misread the versions of dependencies).
 */
export const versionLine: VersionReader = {
  lineBased: true,
  format: "a version line (versioning.files)",
  matches: () => false,
  read: (text) => (VERSION_ASSIGNMENT.exec(text) ?? BARE_VERSION.exec(text))?.[1],
};
