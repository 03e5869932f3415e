import { evaluatePolicy } from "../core/evaluate-policy.js";
import { needsTwinFacts } from "../core/forward-port/needs-twin-facts.js";
import { toExitCode } from "../core/to-conclusion.js";
import { findBaseRef } from "../sources/find-base-ref.js";
import { findHeadRef } from "../sources/find-head-ref.js";
import { completeChange } from "../sources/complete-change.js";
import { openLocalRepo, readLocalChange, type LocalRepo } from "../sources/local-git-source.js";
import { readLocalFacts } from "../sources/read-local-facts.js";
import { readLocalTwinFacts } from "../sources/read-local-twin-facts.js";
import { useColor, type CliIo } from "./cli-io.js";
import { loadLocalSettings } from "./load-local-settings.js";
import { formatReport, type ReportFormat } from "./print-report.js";
import { rules } from "../rules/index.js";

export interface LocalCheckOptions {
  base?: string;
  /** The branch to judge instead of the one checked out (or the name of a detached HEAD). */
  head?: string;
  title?: string;
  body?: string;
  labels: string[];
  configFile?: string;
  format: ReportFormat;
}

/** Judges a branch (the current one by default) of the repository around `io.cwd`, offline. Throws what it cannot judge. */
export async function checkLocalBranch(options: LocalCheckOptions, io: CliIo): Promise<number> {
  const repo = await openLocalRepo(io.cwd);
  const base = await findBaseRef(repo, options.base);
  const head = await findHeadRef(repo, options.head);
  if (head.note) io.stderr(`spo: note: ${head.note}\n`);
  const settings = await loadLocalSettings(repo, base, {
    cwd: io.cwd,
    ...(options.configFile === undefined ? {} : { configFile: options.configFile }),
  });
  for (const note of settings.notes) io.stderr(`spo: note: ${note}\n`);
  const listed = await readLocalChange(repo, base, head, {
    labels: options.labels,
    ...(options.title === undefined ? {} : { title: options.title }),
    ...(options.body === undefined ? {} : { body: options.body }),
  });
  const completed = await completeChange(listed, settings.config, readLocalFacts(repo, listed));
  const change = needsTwinFacts(completed, settings.config)
    ? {
        ...completed,
        forwardPort: await readLocalTwinFacts(
          repo,
          listed,
          settings.config.forwardPort.target ?? (await findDefaultBranch(repo)),
          settings.config.ticket.patterns,
        ),
      }
    : completed;
  const report = evaluatePolicy(change, settings.config, rules);
  io.stdout(formatReport(report, options.format, useColor(io, io.stdoutIsTTY)));
  return toExitCode(report);
}

/** The remote's default branch (`origin/HEAD`), else `main` or `master`: the default forward-port target. */
async function findDefaultBranch(repo: LocalRepo): Promise<string> {
  return (await findBaseRef(repo)).branch;
}
