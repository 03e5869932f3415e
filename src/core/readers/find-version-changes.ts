import type { Config } from "../../config/schema.js";
import type { Change, ChangedFile } from "../change.js";
import { readPatchHunks } from "./read-patch-hunks.js";
import { pathOn, readFileText, type Side } from "./read-file-text.js";
import { findVersionReader } from "./versions/index.js";

/** A version a changed file declares at the base and at the head. */
export interface VersionEdit {
  path: string;
  base?: string;
  head?: string;
  /** Head line of the new version, when the diff shows it. */
  line?: number;
}

export interface VersionChanges {
  /** Files whose declared version differs between base and head (a new or dropped one included). */
  edits: VersionEdit[];
  /** Version files whose text on a side is unknown: their version cannot be judged. */
  unread: Array<{ path: string; side: Side }>;
}

/**
 * The version edits of a change: every changed file a version reader reads (./versions/, by
 * default or through `versioning.files`), parsed whole at the base and at the head.
 */
export function findVersionChanges(change: Change, config: Pick<Config, "versioning">): VersionChanges {
  const found: VersionChanges = { edits: [], unread: [] };
  for (const file of change.files) {
    const versions = readVersions(change, file, config);
    if (!versions) continue;
    if ("unread" in versions) {
      found.unread.push({ path: file.path, side: versions.unread });
      continue;
    }
    if (normalize(versions.base) === normalize(versions.head)) continue;
    const line = versions.head === undefined ? undefined : findLine(file, versions.head);
    found.edits.push({
      path: file.path,
      ...(versions.base === undefined ? {} : { base: versions.base }),
      ...(versions.head === undefined ? {} : { head: versions.head }),
      ...(line === undefined ? {} : { line }),
    });
  }
  return found;
}

/** The version files a change touches: planners ask adapters for their texts. */
export function listVersionFiles(change: Change, config: Pick<Config, "versioning">): ChangedFile[] {
  return change.files.filter((file) => findVersionReader(file.path, config) !== undefined);
}

/**
 * True when a file's only change is its version (a release commit's `package.json`, `pom.xml`,
 * `.csproj`): with the two versions blanked out, base and head are the same text. Such a file opens
 * no scope (SPEC §9).
 */
export function isVersionOnlyEdit(change: Change, file: ChangedFile, config: Pick<Config, "versioning">): boolean {
  const versions = readVersions(change, file, config);
  if (!versions || "unread" in versions || !versions.base || !versions.head || versions.base === versions.head)
    return false;
  const base = readFileText(change, "base", pathOn(file, "base")) ?? "";
  const head = readFileText(change, "head", file.path) ?? "";
  return blank(base, versions.base) === blank(head, versions.head);
}

function readVersions(
  change: Change,
  file: ChangedFile,
  config: Pick<Config, "versioning">,
): { base?: string; head?: string } | { unread: Side } | undefined {
  const reader = findVersionReader(file.path, config);
  if (!reader) return undefined;
  const versions: { base?: string; head?: string } = {};
  for (const side of ["base", "head"] as const) {
    const known = readFileText(change, side, pathOn(file, side));
    const text = known === undefined && reader.lineBased ? readPatchSide(file, side) : known;
    if (text === undefined) return { unread: side };
    const version = text === null ? undefined : reader.read(text);
    if (version !== undefined) versions[side] = version;
  }
  return versions;
}

function blank(text: string, version: string): string {
  return text.split(version).join("\0");
}

/** Versions are compared without surrounding space or a leading `v`/`=`. */
export function normalize(version: string | undefined): string | undefined {
  return version?.trim().replace(/^[vV=]+/, "");
}

function findLine(file: ChangedFile, version: string): number | undefined {
  if (file.patch === undefined) return undefined;
  for (const hunk of readPatchHunks(file.patch))
    for (const line of hunk.lines) if (line.kind === "added" && line.text.includes(version)) return line.headLine;
  return undefined;
}

/** The lines of one side a diff shows (context and that side's changes); undefined without a patch. */
function readPatchSide(file: ChangedFile, side: Side): string | undefined {
  if (file.patch === undefined) return undefined;
  const drop = side === "base" ? "added" : "removed";
  return readPatchHunks(file.patch)
    .flatMap((h) => h.lines.filter((l) => l.kind !== drop).map((l) => l.text))
    .join("\n");
}
