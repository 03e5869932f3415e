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
  #lines: string[] = [];

  push(text: string): void {
    let pos = 0;
    if (!this.#summary.done) {
      const input = this.#carry + text;
      this.#carry = "";
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
    } else this.#pushPatch(text);
  }

  /** The files in git's order. Throws when the output was cut short or does not add up. */
  end(): ChangedFile[] {
    if (!this.#summary.done && this.#carry) throw new Error("git's file list ended in the middle of a record");
    if (this.#carry) this.#readLine(this.#carry);
    this.#carry = "";
    this.#closeSection();
    return [...this.#summary.entries.values()].map((entry) => this.#toChangedFile(entry));
  }

  #pushPatch(text: string): void {
    const input = this.#carry + text;
    let pos = 0;
    for (let end = input.indexOf("\n"); end >= 0; end = input.indexOf("\n", pos)) {
      this.#readLine(input.slice(pos, end));
      pos = end + 1;
    }
    this.#carry = input.slice(pos);
  }

  #readLine(line: string): void {
    if (line.startsWith("diff --git ")) {
      this.#closeSection();
      this.#section = new PatchSection(line.slice("diff --git ".length));
      return;
    }
    const section = this.#section;
    if (!section) throw new Error(`git printed ${JSON.stringify(line.slice(0, 80))} before any diff header`);
    if (!section.inHunks) {
      if (!section.readHeader(line)) return;
      this.#patch = this.#filePatch(section);
    }
    this.#addHunkLine(line);
  }

  #addHunkLine(line: string): void {
    const patch = this.#patch!;
    if (patch.omitted) return;
    patch.lines += 1;
    patch.chars += line.length + 1;
    if (patch.lines > MAX_PATCH_LINES || patch.chars > MAX_PATCH_CHARS) {
      patch.omitted = true;
      patch.parts = [];
      this.#lines = [];
      return;
    }
    this.#lines.push(line);
  }

  #closeSection(): void {
    const section = this.#section;
    if (!section) return;
    const patch = this.#patch ?? this.#filePatch(section);
    if (this.#lines.length) patch.parts.push(this.#lines.join("\n"));
    this.#section = undefined;
    this.#patch = undefined;
    this.#lines = [];
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
