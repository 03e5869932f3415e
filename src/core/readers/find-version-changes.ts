import type { ChangedFile, VersionChange } from "../change.js";
import { matchesAny } from "./classify-file.js";
import { readPatchHunks, type PatchHunk } from "./read-patch-hunks.js";
import { trackJsonBlocks } from "./track-json-blocks.js";

export interface VersionEdit extends VersionChange {
  /** Head line of the new version, when the diff shows it. */
  line?: number;
}

const PACKAGE_JSON_VERSION = /^\s*"version"\s*:\s*"([^"]*)"/;
/** `version = "1.4.2"`, `__version__ = '1.4.2'`, `export const VERSION = "1.4.2"`, `version: 1.4.2`. */
const VERSION_ASSIGNMENT =
  /^\s*(?:(?:export|pub|const|let|var|static|final|public|readonly|val)\s+)*["']?(?:__)?version(?:__)?["']?\s*[:=]\s*["']?(v?\d[0-9A-Za-z.+-]*)/i;
/** A line that is only a version, as in a `VERSION` file. */
const BARE_VERSION = /^\s*(v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)\s*$/;

/**
 * The version edits a change's diffs show: the top-level `version` of any `package.json`, and a
 * version line in the files matching `versioningFiles`. The first removed and first added version
 * of a file are its base and head. Files whose diff is missing, or whose version did not change,
 * yield nothing.
 */
export function findVersionChanges(files: readonly ChangedFile[], versioningFiles: readonly string[]): VersionEdit[] {
  const edits: VersionEdit[] = [];
  for (const file of files) {
    if (file.patch === undefined) continue;
    const isPackageJson = file.path === "package.json" || file.path.endsWith("/package.json");
    if (!isPackageJson && !matchesAny(file.path, versioningFiles)) continue;
    // Only a version file's patch is split into hunks: the others are not copied.
    const hunks = readPatchHunks(file.patch);
    const edit = isPackageJson ? readPackageJsonVersions(hunks) : readVersionLines(hunks);
    if (edit.base === edit.head) continue;
    edits.push({ path: file.path, ...edit });
  }
  return edits;
}

type Versions = Omit<VersionEdit, "path">;

function readPackageJsonVersions(hunks: PatchHunk[]): Versions {
  const found: Versions = {};
  for (const hunk of hunks) {
    const sides = { removed: trackJsonBlocks(hunk.baseStart <= 1), added: trackJsonBlocks(hunk.headStart <= 1) };
    for (const line of hunk.lines) {
      if (line.kind === "context") {
        sides.removed.read(line.text);
        sides.added.read(line.text);
        continue;
      }
      const tracker = sides[line.kind];
      const { known, keys } = tracker.position();
      // Only the package's own version: at the top level of the root object.
      const atTopLevel = keys.every((k) => k === null) && keys.length === (known ? 1 : 0);
      const version = atTopLevel ? PACKAGE_JSON_VERSION.exec(line.text)?.[1] : undefined;
      tracker.read(line.text);
      if (version !== undefined) record(found, line.kind, version, line.headLine);
    }
  }
  return found;
}

function readVersionLines(hunks: PatchHunk[]): Versions {
  const found: Versions = {};
  for (const line of hunks.flatMap((h) => h.lines)) {
    if (line.kind === "context") continue;
    const version = (VERSION_ASSIGNMENT.exec(line.text) ?? BARE_VERSION.exec(line.text))?.[1];
    if (version !== undefined) record(found, line.kind, version, line.headLine);
  }
  return found;
}

function record(found: Versions, kind: "added" | "removed", version: string, headLine: number): void {
  if (kind === "removed") found.base ??= version;
  else if (found.head === undefined) {
    found.head = version;
    found.line = headLine;
  }
}
