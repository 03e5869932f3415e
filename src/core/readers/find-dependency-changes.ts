import { cleanText, codeSpan } from "../safe-text.js";
import type { Change, ChangedFile } from "../change.js";
import { findManifestReader } from "./manifests/index.js";
import type { DependencyEntry, ManifestReader } from "./manifests/manifest-reader.js";
import { readPatchHunks } from "./read-patch-hunks.js";
import { pathOn, readFileText, type Side } from "./read-file-text.js";

export interface DependencyChange {
  path: string;
  /** Completes the sentence "`path` …": `` changes `devDependencies` › `esbuild` ^0.20.0 → ^0.23.0 ``. */
  reason: string;
  /** Head line of the first dependency edit, when the diff shows one and the file still exists. */
  line?: number;
}

/**
 * The files of a change that edit dependencies. Each manifest or lockfile is parsed whole at the
 * base and at the head by the reader of its format (./manifests/), and the two dependency sets are
 * compared: only entries that appear, disappear or change count. A file whose text is not known
 * on a side, or does not parse, counts as a dependency change with the reason: never a silent pass.
 */
export function findDependencyChanges(change: Change): DependencyChange[] {
  return change.files.flatMap((file) => {
    const reader =
      findManifestReader(file.path) ?? (file.previousPath ? findManifestReader(file.previousPath) : undefined);
    if (!reader) return [];
    const found = judgeFile(change, file, reader);
    return found ? [found] : [];
  });
}

/** The changed files a manifest reader reads: planners ask adapters for their texts. */
export function listManifestFiles(change: Change): ChangedFile[] {
  return change.files.filter(
    (file) => findManifestReader(file.path) ?? (file.previousPath ? findManifestReader(file.previousPath) : undefined),
  );
}

function judgeFile(change: Change, file: ChangedFile, reader: ManifestReader): DependencyChange | undefined {
  const sides = (["base", "head"] as const).map((side) => readSide(change, file, side, reader));
  const problem = sides.find((s): s is { problem: string } => "problem" in s);
  if (problem) return { path: file.path, reason: `${problem.problem}, so it counts as a dependency change` };
  const [base, head] = sides as Array<{ entries: DependencyEntry[] }>;
  const edits = diffEntries(base?.entries ?? [], head?.entries ?? []);
  if (edits.length === 0) return undefined;
  const shown = edits.slice(0, 3).map((e) => e.label);
  const reason = `changes ${shown.join(", ")}${edits.length > 3 ? ` and ${edits.length - 3} more` : ""}`;
  if (file.status === "removed") return { path: file.path, reason };
  const line = findLine(file, edits[0]?.name ?? "");
  return line === undefined ? { path: file.path, reason } : { path: file.path, reason, line };
}

function readSide(
  change: Change,
  file: ChangedFile,
  side: Side,
  reader: ManifestReader,
): { entries: DependencyEntry[] } | { problem: string } {
  const text = readFileText(change, side, pathOn(file, side));
  if (text === undefined) return { problem: `is a ${reader.format} file whose ${side} text could not be read` };
  if (text === null) return { entries: [] };
  try {
    return { entries: reader.read(text) };
  } catch (error) {
    const why = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return { problem: `does not parse as ${reader.format} at the ${side} (${cleanText(why ?? "")})` };
  }
}

interface Edit {
  name: string;
  label: string;
}

function diffEntries(base: readonly DependencyEntry[], head: readonly DependencyEntry[]): Edit[] {
  const key = (e: DependencyEntry) => `${e.section}\0${e.name}`;
  const before = new Map(base.map((e) => [key(e), e]));
  const after = new Map(head.map((e) => [key(e), e]));
  const edits: Edit[] = [];
  for (const [k, e] of after) {
    const old = before.get(k);
    if (!old) {
      const value = e.value ? short(e.value) : "…";
      edits.push({ name: e.name, label: `${describe(e)} (added${value === "…" ? "" : ` ${value}`})` });
    } else if (old.value !== e.value)
      edits.push({ name: e.name, label: `${describe(e)} ${short(old.value)} → ${short(e.value)}` });
  }
  for (const [k, e] of before) if (!after.has(k)) edits.push({ name: e.name, label: `${describe(e)} (removed)` });
  return edits;
}

/** A dependency's section and name: both are the manifest's text, so each is a code span it cannot leave. */
function describe(entry: DependencyEntry): string {
  return `${codeSpan(entry.section)} › ${codeSpan(entry.name.length > 60 ? `${entry.name.slice(0, 59)}…` : entry.name)}`;
}

/** A value short enough for one line: the version in it when it holds one, else its first word, at most 30 characters. */
function short(value: string): string {
  const version = /\bversion:\s*([^,}\s]+)/.exec(value)?.[1] ?? /"(v?\d[\w.+-]*)"/.exec(value)?.[1];
  const word =
    version ??
    (/^https?:\/\//.test(value) ? (value.split(/[\s]/)[0] ?? "").split("/").pop() : value.split(/\s/)[0]) ??
    "";
  if (/^[{[]/.test(word)) return "…";
  const cut = word.length > 30 ? `${word.slice(0, 29)}…` : word;
  // The manifest's text in prose: cleaned (no mention, no HTML comment), and a code span when it holds a backtick.
  return !cut ? "(none)" : cut.includes("`") ? codeSpan(cut) : cleanText(cut);
}

/** The head line of the first changed line that names the dependency, else of the first changed line. */
function findLine(file: ChangedFile, name: string): number | undefined {
  if (file.patch === undefined) return undefined;
  const changed = readPatchHunks(file.patch).flatMap((h) => h.lines.filter((l) => l.kind !== "context"));
  const named = changed.find((l) => name !== "" && l.text.includes(name)) ?? changed[0];
  return named ? Math.max(1, named.headLine) : undefined;
}
