import type { ChangedFile } from "../src/core/change.js";

/**
 * A unified diff of two texts, shaped like GitHub's `patch` (hunks only, 3 lines of context), so
 * tests can state a file by its base and head text. `null` is an absent side (an added or removed
 * file). A plain LCS diff: test inputs are small.
 */
export function makePatch(base: string | null, head: string | null, context = 3): string {
  const a = lines(base);
  const b = lines(head);
  const ops = diff(a, b);
  const hunks: string[] = [];
  let i = 0;
  while (i < ops.length) {
    if (ops[i]?.kind === " ") {
      i++;
      continue;
    }
    let start = i;
    let back = 0;
    while (start > 0 && back < context && ops[start - 1]?.kind === " ") start--, back++;
    let end = i;
    for (;;) {
      while (end < ops.length && ops[end]?.kind !== " ") end++;
      let run = 0;
      while (end + run < ops.length && ops[end + run]?.kind === " ") run++;
      if (end + run >= ops.length || run > 2 * context) {
        end = Math.min(ops.length, end + Math.min(run, context));
        break;
      }
      end += run;
    }
    const slice = ops.slice(start, end);
    const first = ops[start];
    const baseStart = (first?.a ?? 0) + 1;
    const headStart = (first?.b ?? 0) + 1;
    const baseCount = slice.filter((o) => o.kind !== "+").length;
    const headCount = slice.filter((o) => o.kind !== "-").length;
    hunks.push(
      `@@ -${baseCount === 0 ? baseStart - 1 : baseStart},${baseCount} +${headCount === 0 ? headStart - 1 : headStart},${headCount} @@`,
      ...slice.map((o) => `${o.kind}${o.text}`),
    );
    i = end;
  }
  return hunks.join("\n");
}

/** A changed file with its patch computed from the two texts, and the counts of that patch. */
export function fileFromTexts(
  path: string,
  base: string | null,
  head: string | null,
  overrides: Partial<ChangedFile> = {},
): ChangedFile {
  const patch = makePatch(base, head);
  const changed = patch.split("\n");
  return {
    path,
    status: base === null ? "added" : head === null ? "removed" : "modified",
    additions: changed.filter((l) => l.startsWith("+")).length,
    deletions: changed.filter((l) => l.startsWith("-")).length,
    ...(patch ? { patch } : {}),
    ...overrides,
  };
}

interface Op {
  kind: " " | "+" | "-";
  text: string;
  /** Index of the line in the base before which (or at which) this op sits. */
  a: number;
  b: number;
}

function diff(a: readonly string[], b: readonly string[]): Op[] {
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) ops.push({ kind: " ", text: a[i++]!, a: i - 1, b: j++ });
    else if (j < b.length && (i >= a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!))
      ops.push({ kind: "+", text: b[j++]!, a: i, b: j - 1 });
    else ops.push({ kind: "-", text: a[i++]!, a: i - 1, b: j });
  }
  return ops;
}

function lines(text: string | null): string[] {
  if (!text) return [];
  const split = text.split("\n");
  if (split.at(-1) === "") split.pop();
  return split;
}
