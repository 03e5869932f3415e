/**
 * User text (a branch or file name, a label, a reason, a deployment's description) made safe to
 * place in the App's Markdown, for the engine's messages and for every renderer
 * (src/render/safe-markdown.ts builds on these). Pure.
 *
 * - Control characters are dropped (C0, DEL, C1, and the bidirectional controls that can reorder
 *   what a reader sees); line breaks and tabs become spaces.
 * - `<!--` and `-->` are broken by a zero-width space, so no value can open or close an HTML
 *   comment. Only characters are inserted, never removed, so no input can rebuild either marker
 *   (`<!<!---->--` stays inert), whatever a later pass strips.
 * - An `@` that starts a word and is followed by a letter or digit gets a zero-width space after it, so GitHub's mention
 *   parser sees no user or team to notify; it shows the same. Code spans alone are not enough:
 *   e-mail replies treat the text as plain (dependabot-core#3157, renovate#1083).
 */

/** U+200B ZERO WIDTH SPACE. */
export const ZERO_WIDTH_SPACE = "\u200B";

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const LINE_BREAKS = /\r\n|[\r\n\t\u2028\u2029]/g;
/** GitHub reads a mention only where `@` starts a word (html-pipeline's MentionFilter: `(?:^|\W)@`). */
const MENTION = /(?<![\p{L}\p{N}_])@(?=[\p{L}\p{N}_])/gu;

/** One line of user text, safe in prose and in a code span: see the module comment. */
export function cleanText(value: string): string {
  return defuse(value.replace(LINE_BREAKS, " ").replace(CONTROL, ""));
}

/** Several lines of user text (a rollback plan to quote): as `cleanText`, but line breaks stay (as `\n`). */
export function cleanBlock(value: string): string {
  return defuse(
    value
      .replace(/\r\n?/g, "\n")
      .replace(/[\t\u2028\u2029]/g, " ")
      .replace(CONTROL, ""),
  );
}

function defuse(text: string): string {
  return text
    .replaceAll("<!--", `<${ZERO_WIDTH_SPACE}!--`)
    .replaceAll("-->", `--${ZERO_WIDTH_SPACE}>`)
    .replace(MENTION, `@${ZERO_WIDTH_SPACE}`);
}

/**
 * A code span that shows `value` verbatim (after `cleanText`), whatever backticks it holds: the
 * fence is one backtick longer than the longest run inside, and a value that starts or ends with
 * a backtick is padded with a space, which CommonMark strips (spec 0.31, "Code spans").
 */
export function codeSpan(value: string): string {
  const text = cleanText(value) || " ";
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  const pad = text.startsWith("`") || text.endsWith("`") || /^ .* $/.test(text) ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}
