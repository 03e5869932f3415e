import type { CheckRunOutput } from "./check-run-output.js";
import { MIN_REASON_CHARS, MIN_REASON_WORDS } from "../core/override/check-override-reason.js";
import { formatCount, truncateUtf8 } from "./markdown.js";
import { codeSpan, escapeCell, mention } from "./safe-markdown.js";

/**
 * Replies to `/spo` commands in a PR conversation. Pure strings; user text is shown in code spans.
 */

/**
 * GitHub refuses a comment body over 65,536 characters. A UTF-8 byte is never less than a
 * character, so bounding bytes bounds characters.
 */
export const MAX_COMMENT_BYTES = 65_536;

const COMMANDS: ReadonlyArray<[string, string]> = [
  ["`/spo recheck`", "Judge this pull request again, with the config on the default branch."],
  ["`/spo explain`", "Post the gate's full report here, the same as the check's summary."],
  [
    "`/spo override <reason>`",
    `Break glass: pass the failing check for the current commit. Only for the people the \`override\` config names (by default admins and maintainers), never the pull request's author nor whoever pushed or wrote its head commit; the reason needs at least ${MIN_REASON_WORDS} words and ${MIN_REASON_CHARS} characters. Recorded in the check, in a comment and as a label; the next push ends it.`,
  ],
  ["`/spo help`", "This list."],
];

export function renderHelp(actor: string): string {
  const rows = COMMANDS.map(([command, what]) => `| ${command} | ${what} |`);
  return [
    `${mention(actor)} Single Patch Order reads these commands in pull request comments, one per line at the start of a line. Comments from bots and edits of comments are ignored.`,
    "",
    "| Command | What it does |",
    "| --- | --- |",
    ...rows,
  ].join("\n");
}

export function renderUnknownCommand(actor: string, word: string): string {
  const commands = COMMANDS.map(([command]) => command).join(", ");
  return `${mention(actor)} ${codeSpan(`/spo ${word}`)} is not a Single Patch Order command. The commands are ${commands}; comment \`/spo help\` for what each does.`;
}

/** The check's report as a comment, for those who read the conversation rather than the checks tab. */
export function renderExplain(actor: string, sha: string, output: CheckRunOutput): string {
  const head = `${mention(actor)} The \`single-patch-order\` check on ${codeSpan(sha.slice(0, 7))} concludes **${output.conclusion}**: ${escapeCell(output.title)}`;
  return boundComment([head, output.summary].join("\n\n"));
}

/** `/spo explain` from someone without write access: where to read the report instead. */
export function renderExplainRefused(actor: string): string {
  return `${mention(actor)} \`/spo explain\` answers people with write access to this repository. The \`single-patch-order\` check on this pull request has the full report.`;
}

/** Cuts a comment to what GitHub accepts, with a note saying so. */
export function boundComment(body: string, maxBytes = MAX_COMMENT_BYTES): string {
  return truncateUtf8(
    body,
    maxBytes,
    (omitted) =>
      `\n\n**… truncated: ${formatCount(omitted)} more bytes**; GitHub takes at most ${formatCount(MAX_COMMENT_BYTES)} characters in a comment. The check's report has the rest.`,
  );
}
