import type { ProbotOctokit } from "probot";

/**
 * Everything the CLI takes from its process, injected so that tests need no globals: arguments,
 * environment, working directory, output streams and whether they are terminals.
 */
export interface CliIo {
  /** Arguments after `spo`. */
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** The GitHub client class for `spo check --pr`; tests pass one with fast retries. */
  Octokit?: typeof ProbotOctokit;
  /** The clock (`spo evidence` ends its range now by default); the real one when absent. */
  now?: () => Date;
}

/** Colour only on a terminal, and never when `NO_COLOR` is set to anything (https://no-color.org). */
export function useColor(io: Pick<CliIo, "env">, isTTY: boolean): boolean {
  return isTTY && !io.env.NO_COLOR;
}
