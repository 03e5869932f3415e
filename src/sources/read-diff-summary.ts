import type { FileStatus } from "../core/change.js";

/**
 * Reads the NUL-separated head of `git diff --raw --numstat -z`: one `--raw` record per file
 * (`:<old mode> <new mode> <old blob> <new blob> <status>` then one path, or two for a rename or
 * copy), then one `--numstat` record per file (`<added>\t<deleted>\t<path>`, or an empty path then
 * the old and new paths). Records are joined by the path the file has after the change, which is
 * unique in a diff: never by position. Git documents both formats in git-diff(1), "Raw output
 * format" and "--numstat"; `-z` keeps paths unquoted.
 */

/** One changed file as `--raw` lists it, with the line counts `--numstat` gives it. */
export interface SummaryEntry {
  status: FileStatus;
  path: string;
  previousPath?: string;
  /** `120000` is a symlink, `160000` a submodule, `000000` no file on that side. */
  oldMode: string;
  newMode: string;
  additions: number;
  deletions: number;
  /** True once `--numstat` counted it. */
  counted: boolean;
}

const STATUSES: Record<string, FileStatus> = {
  A: "added",
  D: "removed",
  M: "modified",
  R: "renamed",
  C: "copied",
  T: "changed",
};

const RAW = /^:(\d{6}) (\d{6}) [0-9a-f]+ [0-9a-f]+ ([A-Z])\d*$/;
const NUMSTAT = /^(-|\d+)\t(-|\d+)\t(.*)$/s;

/** Takes the tokens one at a time; `done` turns true at the empty token that ends the summary. */
export class DiffSummaryReader {
  readonly entries = new Map<string, SummaryEntry>();
  done = false;
  #pending: { entry: Omit<SummaryEntry, "path">; paths: string[]; wanted: number } | undefined;
  #pendingCount: { additions: number; deletions: number; paths: string[] } | undefined;

  take(token: string): void {
    if (this.#pending) this.#takeRawPath(token);
    else if (this.#pendingCount) this.#takeCountPath(token);
    else this.#takeRecord(token);
  }

  #takeRecord(token: string): void {
    if (token === "") {
      this.done = true;
      return;
    }
    const raw = RAW.exec(token);
    if (raw) {
      const letter = raw[3] ?? "M";
      const entry = { status: STATUSES[letter] ?? "modified", oldMode: raw[1] ?? "", newMode: raw[2] ?? "" };
      const wanted = letter === "R" || letter === "C" ? 2 : 1;
      this.#pending = { entry: { ...entry, additions: 0, deletions: 0, counted: false }, paths: [], wanted };
      return;
    }
    const count = NUMSTAT.exec(token);
    if (!count) throw new Error(`unexpected record in git's file list: ${JSON.stringify(token.slice(0, 80))}`);
    const counts = { additions: toCount(count[1]), deletions: toCount(count[2]) };
    if (count[3] === "") this.#pendingCount = { ...counts, paths: [] };
    else this.#count(count[3] ?? "", counts);
  }

  #takeRawPath(token: string): void {
    const pending = this.#pending!;
    pending.paths.push(token);
    if (pending.paths.length < pending.wanted) return;
    this.#pending = undefined;
    const [first = "", second] = pending.paths;
    const path = second ?? first;
    if (this.entries.has(path)) throw new Error(`git listed ${JSON.stringify(path)} twice`);
    this.entries.set(path, { ...pending.entry, path, ...(second === undefined ? {} : { previousPath: first }) });
  }

  #takeCountPath(token: string): void {
    const pending = this.#pendingCount!;
    pending.paths.push(token);
    if (pending.paths.length < 2) return;
    this.#pendingCount = undefined;
    this.#count(pending.paths[1] ?? "", pending);
  }

  #count(path: string, counts: { additions: number; deletions: number }): void {
    const entry = this.entries.get(path);
    if (!entry) throw new Error(`git counted lines of ${JSON.stringify(path)}, which it did not list`);
    entry.additions = counts.additions;
    entry.deletions = counts.deletions;
    entry.counted = true;
  }
}

/** A binary file counts `-`: 0 and 0, as GitHub counts it. */
function toCount(text: string | undefined): number {
  return text === undefined || text === "-" ? 0 : Number(text);
}
