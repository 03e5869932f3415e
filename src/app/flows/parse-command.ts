/** A `/spo …` command in a PR comment. */
export type SpoCommand =
  | { name: "recheck" }
  | { name: "override"; reason: string }
  | { name: "explain" }
  | { name: "help" }
  | { name: "unknown"; word: string };

const COMMAND_LINE = /^[ \t]*\/spo(?:[ \t]+(\S+)(?:[ \t]+(.*))?)?[ \t]*$/m;

/**
 * The first `/spo` command of a comment, or undefined when the comment has none. A command must
 * start its own line; quoted lines (`> /spo …`) and code are not commands.
 */
export function parseCommand(body: string): SpoCommand | undefined {
  const withoutQuotesAndCode = body.replace(/```[\s\S]*?(```|$)/g, "").replace(/^[ \t]*>.*$/gm, "");
  const match = COMMAND_LINE.exec(withoutQuotesAndCode);
  if (!match) return undefined;
  const word = (match[1] ?? "help").toLowerCase();
  const rest = (match[2] ?? "").trim();
  switch (word) {
    case "recheck":
    case "explain":
    case "help":
      return { name: word };
    case "override":
      return { name: "override", reason: rest };
    default:
      return { name: "unknown", word };
  }
}
