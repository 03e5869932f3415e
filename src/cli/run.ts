import { EXIT } from "../core/to-conclusion.js";
import { runCatchup } from "./catchup-command.js";
import { runCheck } from "./check-command.js";
import { runEvidence } from "./evidence-command.js";
import { useColor, type CliIo } from "./cli-io.js";
import { HELP } from "./help-text.js";
import { runInit } from "./init-command.js";
import { readPackageVersion } from "./package-files.js";
import { renderCliError } from "./render-cli-error.js";
import { UsageError } from "./usage-error.js";
import { runValidate } from "./validate-command.js";

const COMMANDS: Record<string, (args: readonly string[], io: CliIo) => Promise<number>> = {
  catchup: runCatchup,
  check: runCheck,
  evidence: runEvidence,
  init: runInit,
  validate: runValidate,
};

/**
 * The `spo` command line. Returns the exit code (see EXIT); never throws and never exits the
 * process: the caller sets `process.exitCode`. This is the only place CLI errors become output.
 */
export async function run(io: CliIo): Promise<number> {
  const [first, ...rest] = io.argv;
  try {
    if (first === "--version" || first === "-v") {
      io.stdout(`${readPackageVersion()}\n`);
      return EXIT.pass;
    }
    if (first === "--help" || first === "-h" || first === "help") {
      const topic = first === "help" ? rest[0] : undefined;
      io.stdout(topic && topic in HELP ? HELP[topic as keyof typeof HELP] : HELP.spo);
      return EXIT.pass;
    }
    if (first === undefined) throw new UsageError("a command is required: check, init, validate, catchup or evidence");
    const command = COMMANDS[first];
    if (!command)
      throw new UsageError(`unknown command "${first}"; the commands are check, init, validate, catchup and evidence`);
    return await command(rest, io);
  } catch (error) {
    io.stderr(renderCliError(error, useColor(io, io.stderrIsTTY)));
    return EXIT.usage;
  }
}
