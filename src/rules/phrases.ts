import type { TrackerName } from "../core/ticket-facts.js";

/** Small sentence helpers shared by the rules' messages. */

/** `a`, `a and b`, `a, b and c`. */
export function joinAnd(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(", ")} and ${items.at(-1)}` : (items[0] ?? "");
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The word alone, pluralised for `count`: `file` / `files`. */
export function pluralWord(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}

/** `a`, `a or b`, `a, b or c`. */
export function joinOr(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(", ")} or ${items.at(-1)}` : (items[0] ?? "");
}

/**
 * A code span for a value someone else chose (a tracker's status name, a label): backticks and
 * control characters are dropped so that it cannot leave the span, and it is cut at 100 characters.
 */
export function quoteValue(value: string): string {
  return `\`${cleanValue(value)}\``;
}

/** The value as quoteValue shows it, without the backticks. */
export function cleanValue(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
  const flat = value.replace(/[`\u0000-\u001f\u007f]/g, "").trim();
  return flat.length > 100 ? `${flat.slice(0, 99)}…` : flat;
}

/** How reports name each ticket tracker. */
export const TRACKER_NAMES: Record<TrackerName, string> = { github: "GitHub", jira: "Jira", linear: "Linear" };
