import type { Verdict } from "../core/rule-result.js";

/**
 * Small Markdown helpers for the renderers: tables, icons, counts and GitHub's size limits. What
 * makes user values safe (code spans, table cells, plain text) is in safe-markdown.ts.
 */

const ICONS: Record<Verdict, string> = { pass: "✅", fail: "❌", warn: "⚠️", skip: "⏭️" };

export function verdictIcon(verdict: Verdict): string {
  return ICONS[verdict];
}

/** A GitHub-flavoured table. Cells are used as given: escape user text with `escapeCell` first. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(headers), line(headers.map(() => "---")), ...rows.map(line)].join("\n");
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function byteLength(text: string): number {
  return encoder.encode(text).length;
}

/**
 * Cuts `text` to at most `maxBytes` UTF-8 bytes, on a character boundary, and appends `note`
 * (given the number of bytes left out) when anything was cut. The result, note included, is
 * never longer than `maxBytes`.
 */
export function truncateUtf8(
  text: string,
  maxBytes: number,
  note: string | ((omittedBytes: number) => string) = "",
): string {
  const bytes = encoder.encode(text);
  if (bytes.length <= maxBytes) return text;
  const noteFor = typeof note === "string" ? () => note : note;
  // The longest note is the one for the most bytes omitted; reserve room for it.
  const budget = maxBytes - byteLength(noteFor(bytes.length));
  if (budget < 0) return truncateUtf8(noteFor(bytes.length), maxBytes);
  const cut = findCharBoundary(bytes, budget);
  return decoder.decode(bytes.subarray(0, cut)) + noteFor(bytes.length - cut);
}

/** The largest index ≤ `at` that does not fall inside a multi-byte UTF-8 sequence. */
function findCharBoundary(bytes: Uint8Array, at: number): number {
  let cut = at;
  while (cut > 0 && ((bytes[cut] ?? 0) & 0b1100_0000) === 0b1000_0000) cut--;
  return cut;
}

/** Cuts to at most `maxChars` code points, ending with "…" when cut (never splits a surrogate pair). */
export function truncateChars(text: string, maxChars: number): string {
  const chars = Array.from(text);
  return chars.length <= maxChars ? text : `${chars.slice(0, maxChars - 1).join("")}…`;
}

/** Counts with a thousands separator, the same on every machine. */
export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
