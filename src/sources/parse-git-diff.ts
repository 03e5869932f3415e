import type { ChangedFile, FileStatus } from "../core/change.js";

/**
 * Parsers for the outputs of `git diff --name-status -z`, `git diff --numstat -z`, `git diff -p`
 * and `git log -z`. The three diff outputs come from the same diff queue with the same options,
 * so git lists the same files in the same order in each: entries are joined by position, and a
 * count that differs is an error rather than a guess.
 */

/** A commit of the branch, as `git log` prints it. */
export interface LocalCommit {
  sha: string;
  message: string;
  /** Number of parents: 2 or more is a merge commit. */
  parents: number;
}

const STATUSES: Record<string, FileStatus> = {
  A: "added",
  D: "removed",
  M: "modified",
  R: "renamed",
  C: "copied",
  T: "changed",
  U: "modified",
};

interface NameStatus {
  status: FileStatus;
  path: string;
  previousPath?: string;
}

export function parseNameStatus(output: string): NameStatus[] {
  const tokens = output.split("\0");
  const entries: NameStatus[] = [];
  for (let i = 0; i < tokens.length; ) {
    const code = tokens[i++] ?? "";
    if (!code) continue;
    const letter = code[0] ?? "";
    const status = STATUSES[letter] ?? "modified";
    if (letter === "R" || letter === "C") {
      const previousPath = tokens[i++] ?? "";
      entries.push({ status, previousPath, path: tokens[i++] ?? "" });
    } else {
      entries.push({ status, path: tokens[i++] ?? "" });
    }
  }
  return entries;
}

/** Added and deleted line counts; a binary file counts 0 and 0 (git prints `-`), as on GitHub. */
export function parseNumstat(output: string): Array<{ additions: number; deletions: number }> {
  const tokens = output.split("\0");
  const counts: Array<{ additions: number; deletions: number }> = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? "";
    const match = /^(-|\d+)\t(-|\d+)\t(.*)$/s.exec(token);
    if (!match) continue;
    counts.push({ additions: toCount(match[1]), deletions: toCount(match[2]) });
    // A rename or copy prints `added\tdeleted\t` then the old and new paths as two more tokens.
    if (match[3] === "") i += 2;
  }
  return counts;
}

/**
 * One patch per file, shaped like GitHub's `patch`: the hunks only, without the `diff --git`,
 * mode and `---`/`+++` headers, and without a final newline. Undefined for a file without hunks
 * (binary, mode-only, empty).
 */
export function splitPatches(output: string): Array<string | undefined> {
  if (!output) return [];
  const sections = output.split(/^diff --git /m).slice(1);
  return sections.map((section) => {
    const hunkStart = section.search(/^@@ /m);
    if (hunkStart < 0) return undefined;
    return section.slice(hunkStart).replace(/\n$/, "");
  });
}

export function joinDiffOutputs(nameStatus: string, numstat: string, patches: string): ChangedFile[] {
  const names = parseNameStatus(nameStatus);
  const counts = parseNumstat(numstat);
  const hunks = splitPatches(patches);
  if (counts.length !== names.length || hunks.length !== names.length) {
    throw new Error(
      `git listed ${names.length} files but counted ${counts.length} and printed ${hunks.length} patches`,
    );
  }
  return names.map((name, i) => {
    const patch = hunks[i];
    return {
      path: name.path,
      ...(name.previousPath === undefined ? {} : { previousPath: name.previousPath }),
      status: name.status,
      additions: counts[i]?.additions ?? 0,
      deletions: counts[i]?.deletions ?? 0,
      ...(patch === undefined ? {} : { patch }),
    };
  });
}

/** Commits from `git log -z --format=%H%n%P%n%B`, newest first. */
export function parseLog(output: string): LocalCommit[] {
  return output
    .split("\0")
    .filter((entry) => entry.trim())
    .map((entry) => {
      const [sha = "", parents = "", ...message] = entry.replace(/^\n+/, "").split("\n");
      return { sha, parents: parents.split(" ").filter(Boolean).length, message: message.join("\n").trimEnd() };
    });
}

function toCount(text: string | undefined): number {
  return text === undefined || text === "-" ? 0 : Number(text);
}
