import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { EXIT } from "../core/to-conclusion.js";
import { checkLocalBranch } from "./check-local-branch.js";
import type { CliIo } from "./cli-io.js";
import { HELP } from "./help-text.js";
import { parseCommandArgs } from "./parse-command-args.js";
import { REPORT_FORMATS, type ReportFormat } from "./print-report.js";
import { UsageError } from "./usage-error.js";

const OPTIONS = {
  base: { type: "string" },
  head: { type: "string" },
  title: { type: "string" },
  "body-file": { type: "string" },
  label: { type: "string", multiple: true },
  config: { type: "string" },
  format: { type: "string", default: "text" },
  pr: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

const LOCAL_ONLY = ["base", "head", "title", "body-file", "label", "config"] as const;

/** `spo check`: parses the options, then judges the local branch or, with `--pr`, a GitHub PR. */
export async function runCheck(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs("check", args, OPTIONS);
  if (values.help) {
    io.stdout(HELP.check);
    return EXIT.pass;
  }
  const format = values.format;
  if (!isReportFormat(format))
    throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(", ")}, got "${format}"`, "check");

  if (values.pr !== undefined) {
    const mixed = LOCAL_ONLY.filter((name) => values[name] !== undefined);
    if (mixed.length)
      throw new UsageError(
        `--pr judges the pull request as it is on GitHub; ${mixed.map((n) => `--${n}`).join(", ")} cannot be combined with it`,
        "check",
      );
    // Loaded on demand: the GitHub client is not needed, nor paid for, by an offline check.
    const { checkPullRequest } = await import("./check-pull-request.js");
    return checkPullRequest(values.pr, format, io);
  }
  const bodyFile = values["body-file"];
  return checkLocalBranch(
    {
      ...(values.base === undefined ? {} : { base: values.base }),
      ...(values.head === undefined ? {} : { head: values.head }),
      ...(values.title === undefined ? {} : { title: values.title }),
      ...(bodyFile === undefined ? {} : { body: await readOptionFile(io.cwd, bodyFile, "--body-file") }),
      ...(values.config === undefined ? {} : { configFile: values.config }),
      labels: values.label ?? [],
      format,
    },
    io,
  );
}

function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

export async function readOptionFile(cwd: string, path: string, option: string): Promise<string> {
  try {
    return await readFile(resolve(cwd, path), "utf8");
  } catch (error) {
    throw new UsageError(
      `cannot read ${option} ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      "check",
    );
  }
}
