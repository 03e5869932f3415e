/**
 * Follows which JSON objects and arrays enclose a line while reading a diff hunk line by line.
 * A hunk usually starts mid-file, so the blocks opened before it are unknown: `known` is true only
 * when reading started at the top of the file.
 */

export interface JsonPosition {
  /** True when every enclosing block was seen (reading started at line 1). */
  known: boolean;
  /** Keys of the enclosing blocks that were seen, outermost first; `null` for a keyless block. */
  keys: (string | null)[];
}

export interface JsonBlockTracker {
  /** Where the next line sits, before it is read. */
  position(): JsonPosition;
  read(line: string): void;
}

export function trackJsonBlocks(atFileStart: boolean): JsonBlockTracker {
  const keys: (string | null)[] = [];
  return {
    position: () => ({ known: atFileStart, keys: [...keys] }),
    read(line) {
      let lastString: string | undefined;
      let key: string | null = null;
      for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (c === '"') {
          const end = findStringEnd(line, i);
          lastString = line.slice(i + 1, end);
          i = end;
        } else if (c === ":") {
          key = lastString ?? null;
        } else if (c === "{" || c === "[") {
          keys.push(key);
          key = null;
          lastString = undefined;
        } else if (c === "}" || c === "]") {
          keys.pop();
          key = null;
        } else if (c === ",") {
          key = null;
          lastString = undefined;
        }
      }
    },
  };
}

/** The key a line starts with (`"name": …`), if any. */
export function readJsonLineKey(line: string): string | undefined {
  return /^\s*"((?:[^"\\]|\\.)*)"\s*:/.exec(line)?.[1];
}

function findStringEnd(line: string, start: number): number {
  for (let i = start + 1; i < line.length; i++) {
    if (line[i] === "\\") i++;
    else if (line[i] === '"') return i;
  }
  return line.length;
}
