import { readQuoted, unquoteGitPath } from "./unquote-git-path.js";

/**
 * One `diff --git` section of `git diff -p`, read line by line: the extended headers, then the
 * hunks. The path it belongs to is the path after the change, read from `rename to` / `copy to`
 * when git prints one, else from the `diff --git a/<path> b/<path>` line (both names are the same
 * path then, so a name with spaces splits in the middle, as `git apply` reads it), else from the
 * `+++`/`---` lines. Header formats: git-diff(1), "Generating patch text with -p".
 */
export class PatchSection {
  #headerPath: string | undefined;
  #movedTo: string | undefined;
  #plusPath: string | undefined;
  #minusPath: string | undefined;
  /** True from the first `@@` line on: every later line is a hunk line, up to the next section. */
  inHunks = false;

  /** `rest` is the `diff --git` line after `diff --git `. */
  constructor(rest: string) {
    this.#headerPath = readHeaderPath(rest);
  }

  /** Reads a header line; true when it opens the hunks (`@@ `). */
  readHeader(line: string): boolean {
    if (line.startsWith("@@ ")) {
      this.inHunks = true;
      return true;
    }
    const moved = /^(?:rename|copy) to (.*)$/s.exec(line);
    if (moved) this.#movedTo = unquoteGitPath(moved[1] ?? "");
    else if (line.startsWith("+++ ")) this.#plusPath = readSidePath(line.slice(4), "b/");
    else if (line.startsWith("--- ")) this.#minusPath = readSidePath(line.slice(4), "a/");
    return false;
  }

  /** The path after the change, or undefined when no header named it (a malformed section). */
  get path(): string | undefined {
    return this.#movedTo ?? this.#headerPath ?? this.#plusPath ?? this.#minusPath;
  }
}

/** `a/<p> b/<p>` (both quoted, or neither) → `<p>`; undefined when the two names differ. */
function readHeaderPath(rest: string): string | undefined {
  if (rest.startsWith('"')) {
    const first = readQuoted(rest, 0);
    if (!first || rest[first.end] !== " " || rest[first.end + 1] !== '"') return undefined;
    const second = readQuoted(rest, first.end + 1);
    if (!second || second.end !== rest.length || !second.path.startsWith("b/")) return undefined;
    return first.path === `a/${second.path.slice(2)}` ? second.path.slice(2) : undefined;
  }
  const length = (rest.length - 5) / 2;
  if (!Number.isInteger(length) || length < 1 || !rest.startsWith("a/")) return undefined;
  const path = rest.slice(2, 2 + length);
  return rest.slice(2 + length) === ` b/${path}` ? path : undefined;
}

/** `b/<path>` after `+++ ` (git ends it with a tab when the path has a space); undefined for /dev/null. */
function readSidePath(text: string, prefix: string): string | undefined {
  const name = unquoteGitPath(text.endsWith("\t") ? text.slice(0, -1) : text);
  return name.startsWith(prefix) ? name.slice(prefix.length) : undefined;
}
