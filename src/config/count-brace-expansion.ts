/**
 * How many globs a brace expansion makes of one glob, counted without expanding it. minimatch
 * expands braces before it compiles anything, and `{a,b}` repeated 18 times (74 characters)
 * becomes 262,144 globs: seconds of blocked event loop and hundreds of MB per parse. So a glob is
 * refused when this count passes MAX_BRACE_ALTERNATIVES, before minimatch sees it. Pure.
 *
 * The count follows brace-expansion's rules (the library minimatch uses) closely enough to be an
 * upper bound: `{a,b}` adds its alternatives, groups side by side multiply, `{1..10}` and
 * `{a..e}` count their range, a group without a comma or range counts what is inside it, and an
 * escaped or unmatched brace is a literal.
 */

/** The most globs one configured glob may expand to (SPEC §8, "Bounded work"). */
export const MAX_BRACE_ALTERNATIVES = 256;

/** Counts stop growing here: far above the limit, and exact in a double. */
const CAP = 2 ** 50;

export function countBraceExpansion(glob: string): number {
  const close = matchBraces(glob);
  return countSequence(glob, 0, glob.length, close);
}

/** For each `{` with a matching `}`, the index of that `}`; escaped braces are skipped. */
function matchBraces(glob: string): Map<number, number> {
  const close = new Map<number, number>();
  const open: number[] = [];
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (char === "\\") i++;
    else if (char === "{") open.push(i);
    else if (char === "}" && open.length) close.set(open.pop()!, i);
  }
  return close;
}

/** The product of the groups in `glob[from, to)`. */
function countSequence(glob: string, from: number, to: number, close: Map<number, number>): number {
  let count = 1;
  for (let i = from; i < to; i++) {
    if (glob[i] === "\\") {
      i++;
      continue;
    }
    const end = glob[i] === "{" ? close.get(i) : undefined;
    if (end === undefined || end >= to) continue;
    count = Math.min(CAP, count * countGroup(glob, i + 1, end, close));
    i = end;
  }
  return count;
}

/** A `{…}` group's body `glob[from, to)`: the sum of its comma alternatives, or a range's length. */
function countGroup(glob: string, from: number, to: number, close: Map<number, number>): number {
  const commas: number[] = [];
  for (let i = from; i < to; i++) {
    if (glob[i] === "\\") i++;
    else if (glob[i] === "{" && close.has(i)) i = close.get(i)!;
    else if (glob[i] === ",") commas.push(i);
  }
  if (!commas.length) return countRange(glob.slice(from, to)) ?? countSequence(glob, from, to, close);
  const bounds = [from - 1, ...commas, to];
  let sum = 0;
  for (let k = 0; k + 1 < bounds.length; k++)
    sum = Math.min(CAP, sum + countSequence(glob, bounds[k]! + 1, bounds[k + 1]!, close));
  return sum;
}

const NUMERIC_RANGE = /^(-?\d+)\.\.(-?\d+)(?:\.\.(-?\d+))?$/;
const ALPHA_RANGE = /^([A-Za-z])\.\.([A-Za-z])(?:\.\.(-?\d+))?$/;

function countRange(body: string): number | undefined {
  const numeric = NUMERIC_RANGE.exec(body);
  const alpha = numeric ? undefined : ALPHA_RANGE.exec(body);
  const match = numeric ?? alpha;
  if (!match) return undefined;
  const [start, end] = numeric
    ? [Number(match[1]), Number(match[2])]
    : [match[1]!.charCodeAt(0), match[2]!.charCodeAt(0)];
  const step = Math.abs(Number(match[3] ?? 1)) || 1;
  return Math.min(CAP, Math.floor(Math.abs(end - start) / step) + 1);
}
