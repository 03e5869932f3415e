import type { Verdict } from "../core/rule-result.js";

/**
 * Small Markdown helpers for the check-run renderers. Rule messages are Markdown already (values
 * in backticks); these helpers only make text safe where it is placed (a table cell, a title).
 */

const ICONS: Record<Verdict, string> = { pass: "✅", fail: "❌", warn: "⚠️", skip: "⏭️" };

export function verdictIcon(verdict: Verdict): string {
  return ICONS[verdict];
}

/** Backtick code spans (`…`), kept intact by the escapers: their text is shown verbatim. */
const CODE_SPAN = /(`[^`]*`)/;

/**
 * Makes text safe for one GitHub table cell: a pipe cannot end the cell, a newline cannot end the
 * row, and user text (a PR title) cannot inject HTML. Code spans keep their content, except that
 * GitHub needs `\|` for a pipe even inside one.
 */
export function escapeCell(text: string): string {
  return text
    .split(CODE_SPAN)
    .map((part, i) => (i % 2 === 1 ? escapeCodeSpan(part) : escapeProse(part)))
    .join("");
}

function escapeCodeSpan(span: string): string {
  return span.replace(/\r\n|\r|\n/g, " ").replaceAll("|", "\\|");
}

function escapeProse(text: string): string {
  return text
    .replaceAll("\\", "\\\\")
    .replaceAll("|", "\\|")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replace(/\r\n|\r|\n/g, "<br>");
}

/** A code span that shows `text` verbatim, whatever backticks it contains, on one line. */
export function codeSpan(text: string): string {
  const flat = text.replace(/\r\n|\r|\n/g, " ");
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/**
 * A user value shown verbatim in prose or a list: a code span (so no Markdown, HTML or @-mention
 * comes out of it), control characters dropped, cut to `maxChars` with "…".
 */
export function safeCode(text: string, maxChars = 1_000): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: dropping control characters is the point
  const clean = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "");
  return codeSpan(truncateChars(clean, maxChars));
}

/** `safeCode` for a table cell: `|` escaped, as GitHub tables need even inside a code span. */
export function codeCell(text: string, maxChars = 200): string {
  return safeCode(text, maxChars).replaceAll("|", "\\|");
}

/** A GitHub-flavoured table. Cells are used as given: escape user text with `escapeCell` first. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(headers), line(headers.map(() => "---")), ...rows.map(line)].join("\n");
}

/** Markdown to plain text for places GitHub does not render (titles, annotations, a terminal). */
export function toPlainText(markdown: string): string {
  return markdown.replace(/`([^`]*)`/g, "$1");
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
