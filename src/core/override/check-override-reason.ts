/**
 * A break-glass override needs a reason an auditor can read: a few words, not "ok". Pure.
 */

export const MIN_REASON_WORDS = 3;
export const MIN_REASON_CHARS = 10;
/** Long enough for an incident link and a sentence; the audit comment repeats it twice. */
export const MAX_REASON_CHARS = 500;

export type ReasonProblem =
  | { kind: "missing" }
  | { kind: "too-short"; words: number; chars: number }
  | { kind: "too-long"; chars: number };

/** Undefined when the reason is acceptable. Words are runs of non-space that hold a letter or digit. */
export function checkOverrideReason(reason: string): ReasonProblem | undefined {
  const text = reason.trim();
  if (!text) return { kind: "missing" };
  const chars = Array.from(text).length;
  if (chars > MAX_REASON_CHARS) return { kind: "too-long", chars };
  const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  if (words < MIN_REASON_WORDS || chars < MIN_REASON_CHARS) return { kind: "too-short", words, chars };
  return undefined;
}
