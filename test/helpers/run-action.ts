import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../src/action/run.js";
import { API } from "./github-nock.js";
import { FIXED_NOW } from "./probot.js";
import { TestOctokit } from "./token-octokit.js";

export interface ActionResult {
  code: number;
  /** Everything written to the job log, workflow commands included. */
  log: string;
  /** The job summary file's content. */
  summary: string;
  /** The outputs written to GITHUB_OUTPUT, by name. */
  outputs: Record<string, string>;
  /** The `::error …` lines of the log. */
  errors: string[];
}

/** Runs the Action as a runner would: event file, summary and output files, INPUT_* variables, the step's `env`. */
export async function runAction(
  payload: unknown,
  inputs: Record<string, string> = {},
  eventName = "pull_request",
  stepEnv: Record<string, string> = {},
): Promise<ActionResult> {
  const dir = await mkdtemp(join(tmpdir(), "spo-action-"));
  try {
    const files = { event: join(dir, "event.json"), summary: join(dir, "summary.md"), output: join(dir, "output.txt") };
    await writeFile(files.event, JSON.stringify(payload));
    await writeFile(files.summary, "");
    await writeFile(files.output, "");
    let log = "";
    const env = {
      GITHUB_EVENT_NAME: eventName,
      GITHUB_EVENT_PATH: files.event,
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_OUTPUT: files.output,
      GITHUB_API_URL: API,
      INPUT_TOKEN: "test",
      ...stepEnv,
      ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
    };
    const code = await run({ env, stdout: (text) => void (log += text), now: () => FIXED_NOW, Octokit: TestOctokit });
    const outputText = await readFile(files.output, "utf8");
    const outputs = Object.fromEntries(
      [...outputText.matchAll(/^(.+?)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2$/gm)].map((m) => [m[1] ?? "", m[3] ?? ""]),
    );
    return {
      code,
      log,
      summary: await readFile(files.summary, "utf8"),
      outputs,
      errors: log.split("\n").filter((line) => line.startsWith("::error")),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
