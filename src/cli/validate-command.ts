import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseConfigText } from "../config/parse-config.js";
import { EXIT } from "../core/to-conclusion.js";
import { CONFIG_PATH } from "../config/config-path.js";
import type { CliIo } from "./cli-io.js";
import { HELP } from "./help-text.js";
import { parseCommandArgs } from "./parse-command-args.js";
import { UsageError } from "./usage-error.js";

/**
 * `spo validate [file]`: parses a config file like the App does. A ConfigError (every problem
 * with its key path) is thrown to run(), which prints it and exits 2.
 */
export async function runValidate(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs("validate", args, { help: { type: "boolean", short: "h" } }, true);
  if (values.help) {
    io.stdout(HELP.validate);
    return EXIT.pass;
  }
  if (positionals.length > 1) throw new UsageError(`validate takes one file, got ${positionals.length}`, "validate");
  const path = positionals[0] ?? CONFIG_PATH;
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, path), "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, "validate");
  }
  parseConfigText(text, path);
  const note = /^_extends\s*:/m.test(text)
    ? " (its _extends is resolved by the App on GitHub and was not checked)"
    : "";
  io.stdout(`valid: ${path}${note}\n`);
  return EXIT.pass;
}
