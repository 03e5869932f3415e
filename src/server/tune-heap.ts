import { setFlagsFromString } from "node:v8";

/**
 * How far V8 lets the old space grow past what the last full collection kept, in percent. V8's own
 * factor moves between 10 % and 300 % with the allocation rate; under a steady stream of webhooks
 * it sat near the top, so the App held two to three times its live heap (SPEC §15: resident memory
 * within 1.25× of the minimal Probot app). Measured with `npm run bench`'s load (README,
 * "Performance"): V8's factor 233 MB resident, 50 % 171 MB for 0.2 ms more CPU per evaluation,
 * 20 % 159 MB for 1.7 ms more. V8 reads the factor at every full collection, so it can be set once
 * the process runs; the semi-space size cannot (and a smaller one only moved garbage to old space).
 */
export const HEAP_GROWING_PERCENT = 50;

const FLAG = /^--heap[-_]growing[-_]percent(=|$)/;

/**
 * Sets the heap growing factor, unless the operator chose one (`node --heap-growing-percent=…`):
 * returns the flag set, or undefined.
 */
export function tuneHeap(
  execArgv: readonly string[] = process.execArgv,
  setFlags: (flags: string) => void = setFlagsFromString,
): string | undefined {
  if (execArgv.some((arg) => FLAG.test(arg))) return undefined;
  const flag = `--heap-growing-percent=${HEAP_GROWING_PERCENT}`;
  setFlags(flag);
  return flag;
}
