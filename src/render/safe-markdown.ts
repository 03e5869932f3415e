import { cleanBlock, cleanText, codeSpan } from "../core/safe-text.js";
import { truncateChars } from "./markdown.js";

/**
 * The one place that makes user values safe where the App's Markdown puts them (SPEC §8 "Safe
 * rendering"): check-run titles, summaries, text and annotations, every comment, commit-status
 * descriptions, deployment review comments and the CLI's Markdown. The engine writes user values
 * in code spans with `codeSpan`; the helpers here clean both the code spans and the prose around
 * them, so even a value that reached prose (a cut code span, a reason) cannot break out:
 * no control characters, no HTML comment, no @-mention. Only `mention` pings, and the App uses it
 * for the person it replies to.
 */

export { cleanBlock, cleanText, codeSpan };

/** A run of Markdown: prose, or one whole code span with its fences. */
export interface Segment {
  code: boolean;
  text: string;
}

/**
 * Splits Markdown into prose and code spans as CommonMark reads them: a run of n backticks opens
 * a span that the next run of exactly n backticks closes; a run with no closer is literal text;
 * a backslash before a backtick in prose makes that backtick literal.
 */
export function splitCodeSpans(markdown: string): Segment[] {
  const segments: Segment[] = [];
  let prose = "";
  let i = 0;
  while (i < markdown.length) {
    const char = markdown[i];
    if (char === "\\" && markdown[i + 1] === "`") {
      prose += "\\`";
      i += 2;
      continue;
    }
    if (char !== "`") {
      prose += char;
      i++;
      continue;
    }
    const run = runLength(markdown, i);
    const end = findClosingRun(markdown, i + run, run);
    if (end === undefined) {
      prose += markdown.slice(i, i + run);
      i += run;
      continue;
    }
    if (prose) segments.push({ code: false, text: prose });
    prose = "";
    segments.push({ code: true, text: markdown.slice(i, end + run) });
    i = end + run;
  }
  if (prose) segments.push({ code: false, text: prose });
  return segments;
}

function runLength(text: string, at: number): number {
  let end = at;
  while (text[end] === "`") end++;
  return end - at;
}

/** Where the next run of exactly `length` backticks starts, from `from` on. */
function findClosingRun(text: string, from: number, length: number): number | undefined {
  let i = text.indexOf("`", from);
  while (i !== -1) {
    const run = runLength(text, i);
    if (run === length) return i;
    i = text.indexOf("`", i + run);
  }
  return undefined;
}

/** The text a code span shows: its fences and CommonMark's one space of padding removed. */
export function codeContent(span: string): string {
  const run = runLength(span, 0);
  const inner = span.slice(run, span.length - run).replace(/\r\n|\r|\n/g, " ");
  return /^ .* $/.test(inner) && inner.trim() ? inner.slice(1, -1) : inner;
}

/**
 * Engine Markdown (a rule's message or fix, a fact, the hotfix reason) on one line, cleaned:
 * every code span shown again through `codeSpan`, the prose through `cleanText`.
 */
export function safeInline(markdown: string): string {
  return splitCodeSpans(markdown)
    .map((s) => (s.code ? codeSpan(codeContent(s.text)) : cleanText(s.text)))
    .join("");
}

/**
 * Makes text safe for one GitHub table cell: a pipe cannot end the cell, a newline cannot end the
 * row, user text cannot inject HTML, and it is cleaned as `safeInline` (line breaks become
 * `<br>`). Code spans keep their content, except that GitHub needs `\|` for a pipe even inside one.
 */
export function escapeCell(text: string): string {
  return splitCodeSpans(text)
    .map((s) => (s.code ? codeSpan(codeContent(s.text)).replaceAll("|", "\\|") : escapeProse(cleanBlock(s.text))))
    .join("");
}

function escapeProse(text: string): string {
  return text
    .replaceAll("\\", "\\\\")
    .replaceAll("`", "\\`")
    .replaceAll("|", "\\|")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replace(/\n/g, "<br>");
}

/** Markdown to plain text for places GitHub does not render (titles, annotations, statuses), cleaned. */
export function plainText(markdown: string): string {
  return cleanText(
    splitCodeSpans(markdown)
      .map((s) => (s.code ? codeContent(s.text) : s.text))
      .join(""),
  );
}

/** GitHub logins: letters, digits and single hyphens, at most 39 characters; an App's bot adds `[bot]`. */
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/;

/**
 * `@login` for the one person a reply is for: the only mention the App ever writes. Anything
 * that is not a GitHub login is shown as a code span and pings nobody.
 */
export function mention(login: string): string {
  const name = login.replace(/^@/, "");
  return LOGIN.test(name) ? `@${name}` : codeSpan(name);
}

/**
 * A Markdown link to a URL that came from a user (a deployment's log URL), or undefined when it
 * is not http(s). Characters that could end the link are percent-encoded.
 */
export function safeLink(label: string, url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return undefined;
  const href = parsed.href.replace(
    /[()<>\s`]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
  );
  return `[${cleanText(label)}](${href})`;
}

/**
 * A user value shown verbatim in prose or a list: a code span through `codeSpan` (so no Markdown,
 * HTML, comment or @-mention comes out of it), cut to `maxChars` with "…".
 */
export function safeCode(text: string, maxChars = 1_000): string {
  return codeSpan(truncateChars(cleanText(text), maxChars));
}

/** `safeCode` for a table cell: `|` escaped, as GitHub tables need even inside a code span. */
export function codeCell(text: string, maxChars = 200): string {
  return safeCode(text, maxChars).replaceAll("|", "\\|");
}
