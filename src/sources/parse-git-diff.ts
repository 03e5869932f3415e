import type { ChangedFile } from "../core/change.js";
import { DiffSummaryReader, type SummaryEntry } from "./read-diff-summary.js";
import { PatchSection } from "./read-patch-section.js";

/**
 * Parses `git diff --raw --numstat -p -z` as it streams: text goes in chunk by chunk (`push`), and
 * only what the Change keeps stays in memory, each file's hunks as one string. The file list and
 * the line counts come first (read-diff-summary.ts), then an empty record, then the patch text,
 * whose sections are joined to the files by path (read-patch-section.ts). A type change (file ↔
 * symlink, file ↔ submodule) is one file in the list and two sections in the patch, the old side
 * removed then the new side added: both sets of hunks become that file's patch, in that order.
 *
 * A file's patch is dropped, its counts kept, past GitHub's limits for one file's diff ("No single
 * file's diff may exceed 20,000 lines … or 500 KB of raw diff data",
 * https://docs.github.com/en/repositories/creating-and-managing-repositories/repository-limits):
 * GitHub's `pulls.listFiles` then omits `patch`, so the CLI sees what the App sees.
 */
export const MAX_PATCH_LINES = 20_000;
export const MAX_PATCH_CHARS = 500 * 1024;

interface FilePatch {
  parts: string[];
  lines: number;
  chars: number;
  omitted: boolean;
}

export class GitDiffParser {
  readonly #summary = new DiffSummaryReader();
  readonly #patches = new Map<string, FilePatch>();
  #carry = "";
  #section: PatchSection | undefined;
  #patch: FilePatch | undefined;
  /**
   * The section's hunk text so far, as slices of the input chunks: each slice a run of whole
   * lines with their newlines, so that a line costs no string of its own.
   */
  #pieces: string[] = [];
  #runStart = -1;
  #runEnd = -1;

  push(text: string): void {
    if (this.#summary.done) {
      this.#pushPatch(text);
      return;
    }
    const input = this.#carry + text;
    this.#carry = "";
    let pos = 0;
    while (!this.#summary.done) {
      const end = input.indexOf("\0", pos);
      if (end < 0) {
        this.#carry = input.slice(pos);
        return;
      }
      this.#summary.take(input.slice(pos, end));
      pos = end + 1;
    }
    this.#pushPatch(input.slice(pos));
  }

  /** The files in git's order. Throws when the output was cut short or does not add up. */
  end(): ChangedFile[] {
    if (!this.#summary.done && this.#carry) throw new Error("git's file list ended in the middle of a record");
    if (this.#carry) this.#readLines(this.#carry, 0, this.#carry.length);
    this.#carry = "";
    this.#closeSection();
    return [...this.#summary.entries.values()].map((entry) => this.#toChangedFile(entry));
  }

  #pushPatch(text: string): void {
    let pos = 0;
    if (this.#carry) {
      const end = text.indexOf("\n");
      if (end < 0) {
        this.#carry += text;
        return;
      }
      const line = this.#carry + text.slice(0, end + 1);
      this.#carry = "";
      this.#readLines(line, 0, line.length - 1);
      pos = end + 1;
    }
    const last = text.lastIndexOf("\n");
    if (last >= pos) this.#readLines(text, pos, last);
    this.#carry = text.slice(Math.max(pos, last + 1));
  }

  /** Reads the lines of `input` from `start` to `stop` (a newline, or the end of the input). */
  #readLines(input: string, start: number, stop: number): void {
    for (let pos = start; pos <= stop; ) {
      const newline = input.indexOf("\n", pos);
      const end = newline < 0 || newline > stop ? stop : newline;
      this.#readLine(input, pos, end);
      pos = end + 1;
    }
    this.#flushRun(input);
  }

  #readLine(input: string, start: number, end: number): void {
    if (input.startsWith("diff --git ", start)) {
      this.#flushRun(input);
      this.#closeSection();
      this.#section = new PatchSection(input.slice(start + "diff --git ".length, end));
      return;
    }
    const section = this.#section;
    if (!section)
      throw new Error(
        `git printed ${JSON.stringify(input.slice(start, Math.min(end, start + 80)))} before any diff header`,
      );
    if (!section.inHunks) {
      if (!section.readHeader(input.slice(start, end))) return;
      this.#patch = this.#filePatch(section);
    }
    this.#addHunkLine(start, end);
  }

  #addHunkLine(start: number, end: number): void {
    const patch = this.#patch!;
    if (patch.omitted) return;
    patch.lines += 1;
    patch.chars += end - start + 1;
    if (patch.lines > MAX_PATCH_LINES || patch.chars > MAX_PATCH_CHARS) {
      patch.omitted = true;
      patch.parts = [];
      this.#pieces = [];
      this.#runStart = -1;
      return;
    }
    if (this.#runStart < 0) this.#runStart = start;
    this.#runEnd = end + 1;
  }

  #flushRun(input: string): void {
    if (this.#runStart < 0) return;
    this.#pieces.push(input.slice(this.#runStart, this.#runEnd));
    this.#runStart = -1;
  }

  #closeSection(): void {
    const section = this.#section;
    if (!section) return;
    const patch = this.#patch ?? this.#filePatch(section);
    if (this.#pieces.length) {
      const text = this.#pieces.join("");
      patch.parts.push(text.endsWith("\n") ? text.slice(0, -1) : text);
    }
    this.#section = undefined;
    this.#patch = undefined;
    this.#pieces = [];
  }

  #filePatch(section: PatchSection): FilePatch {
    const path = section.path;
    if (path === undefined || !this.#summary.entries.has(path))
      throw new Error(`git printed a patch for ${JSON.stringify(path ?? "?")}, which is not in its file list`);
    const known = this.#patches.get(path);
    if (known) return known;
    const patch = { parts: [], lines: 0, chars: 0, omitted: false };
    this.#patches.set(path, patch);
    return patch;
  }

  #toChangedFile(entry: SummaryEntry): ChangedFile {
    if (!entry.counted) throw new Error(`git listed ${JSON.stringify(entry.path)} but did not count its lines`);
    const patch = this.#patches.get(entry.path);
    return {
      path: entry.path,
      ...(entry.previousPath === undefined ? {} : { previousPath: entry.previousPath }),
      status: entry.status,
      additions: entry.additions,
      deletions: entry.deletions,
      ...(patch?.parts.length && !patch.omitted ? { patch: patch.parts.join("\n") } : {}),
    };
  }
}
