import type { ProbotOctokit } from "probot";
import { run } from "../../src/cli/run.js";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `spo <argv>` in-process with captured output; no terminal unless `tty` is set. */
export async function runSpo(
  argv: string[],
  options: { cwd: string; env?: Record<string, string>; tty?: boolean; Octokit?: typeof ProbotOctokit },
): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await run({
    argv,
    env: options.env ?? {},
    cwd: options.cwd,
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    stdoutIsTTY: options.tty ?? false,
    stderrIsTTY: false,
    ...(options.Octokit ? { Octokit: options.Octokit } : {}),
  });
  return { code, stdout, stderr };
}

export interface JsonReport {
  conclusion: string;
  verdict: string;
  hotfix: { hotfix: boolean; reason: string };
  rules: Array<{ id: string; verdict: string; message: string }>;
}

/** `spo check --format json` in `cwd`, with the parsed report and a verdict lookup by rule id. */
export async function checkJson(cwd: string, args: string[] = []) {
  const result = await runSpo(["check", "--format", "json", ...args], { cwd });
  const report = result.stdout ? (JSON.parse(result.stdout) as JsonReport) : undefined;
  return { ...result, report, verdictOf: (id: string) => report?.rules.find((r) => r.id === id)?.verdict };
}
