import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { EXIT } from "../core/to-conclusion.js";
import { CONFIG_PATH } from "../config/config-path.js";
import { buildStarterConfig } from "./build-starter-config.js";
import type { CliIo } from "./cli-io.js";
import { findProjectRoot } from "./find-project-root.js";
import { HELP } from "./help-text.js";
import { readPackageFile } from "./package-files.js";
import { parseCommandArgs } from "./parse-command-args.js";

export const TEMPLATE_PATH = ".github/pull_request_template.md";

/** `spo init`: writes the starter config and the PR template; an existing file is kept unless `--force`. */
export async function runInit(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs("init", args, {
    force: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    io.stdout(HELP.init);
    return EXIT.pass;
  }
  const root = await findProjectRoot(io.cwd);
  const files: Array<[string, string]> = [
    [CONFIG_PATH, buildStarterConfig()],
    [TEMPLATE_PATH, readPackageFile(TEMPLATE_PATH)],
  ];
  for (const [path, content] of files) {
    const target = join(root, path);
    await mkdir(dirname(target), { recursive: true });
    const written = await writeFile(target, content, { flag: values.force ? "w" : "wx" }).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === "EEXIST") return false;
        throw error;
      },
    );
    io.stdout(written ? `wrote ${path}\n` : `kept  ${path}: it exists (spo init --force replaces it)\n`);
  }
  io.stdout(`\nNext: commit these files on the default branch, then run "spo check" on a hotfix branch.\n`);
  return EXIT.pass;
}
