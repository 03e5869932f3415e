import { renderTerminalError } from "../render/terminal.js";
import { UsageError } from "./usage-error.js";

/**
 * What the user sees when spo cannot judge: a usage error with the way to the help, or the
 * terminal rendering of a config error (file, key paths) or a git/GitHub error (what failed).
 */
export function renderCliError(error: unknown, color: boolean): string {
  if (error instanceof UsageError) {
    const help = error.command ? `spo ${error.command} --help` : "spo --help";
    return `spo: usage error: ${error.message}\nRun "${help}" for usage.\n`;
  }
  return renderTerminalError(error, { color });
}
