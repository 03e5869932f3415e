import { readPatchHunks } from "./read-patch-hunks.js";

/**
 * Rebuilds one side of a file from the other side and its unified diff, so an adapter reads one
 * side only: the head from the base (`applyPatch`) or the base from the head (`revertPatch`). An
 * added file's head is its patch alone (from the empty base), a removed file's base likewise.
 * Undefined when the patch does not fit the text (a context or removed line differs): the caller
 * then needs the other side read, never a guess.
 */
export function applyPatch(base: string, patch: string): string | undefined {
  return rebuild(base, patch, "forward");
}

export function revertPatch(head: string, patch: string): string | undefined {
  return rebuild(head, patch, "backward");
}

function rebuild(text: string, patch: string, direction: "forward" | "backward"): string | undefined {
  const source = splitLines(text);
  const out: string[] = [];
  const [drop, keep] = direction === "forward" ? (["removed", "added"] as const) : (["added", "removed"] as const);
  let next = 0;
  for (const hunk of readPatchHunks(patch)) {
    const lines = hunk.lines;
    const start = direction === "forward" ? hunk.baseStart : hunk.headStart;
    const consumes = lines.some((l) => l.kind !== keep);
    // A hunk that consumes no line of the source is anchored after line `start`, others at it.
    const at = consumes ? start - 1 : start;
    if (at < next || at > source.length) return undefined;
    while (next < at) out.push(source[next++] ?? "");
    for (const line of lines) {
      if (line.kind === keep) {
        out.push(line.text);
        continue;
      }
      if (stripCr(source[next]) !== stripCr(line.text)) return undefined;
      if (line.kind !== drop) out.push(line.text);
      next++;
    }
  }
  while (next < source.length) out.push(source[next++] ?? "");
  return out.length === 0 ? "" : `${out.join("\n")}\n`;
}

function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

function stripCr(line: string | undefined): string | undefined {
  return line?.endsWith("\r") ? line.slice(0, -1) : line;
}
