import { EXIT } from "../core/to-conclusion.js";
import { catchUpDeliveries, type RedeliveredGuids } from "../flows/catch-up-deliveries.js";
import { createAppClient } from "../github/create-app-client.js";
import { DEFAULT_API_URL } from "../github/create-token-client.js";
import type { CliIo } from "./cli-io.js";
import { HELP } from "./help-text.js";
import { parseCommandArgs } from "./parse-command-args.js";
import { parseDuration } from "./parse-duration.js";
import { formatCatchUp } from "./print-catch-up.js";
import { readAppCredentials } from "./read-app-credentials.js";

const OPTIONS = {
  since: { type: "string", default: "24h" },
  help: { type: "boolean", short: "h" },
} as const;

/**
 * `spo catchup [--since <duration>]`: one catch-up pass (SPEC §10) for installs without a
 * long-running server, e.g. a scheduled job. Exit 0 when every redelivery it asked for was
 * accepted (or none was needed), 1 when GitHub refused some, 2 on errors (a key GitHub refuses, no
 * network, a redelivery that could not be asked for). It keeps no state: the delivery list's own
 * `redelivery` flags keep it from repeating one, run after run.
 */
export async function runCatchup(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs("catchup", args, OPTIONS);
  if (values.help) {
    io.stdout(HELP.catchup);
    return EXIT.pass;
  }
  const windowMs = parseDuration(values.since, "--since", "catchup");
  const credentials = readAppCredentials(io.env, io.cwd);
  const since = new Date(Date.now() - windowMs);
  const octokit = createAppClient(credentials, io.Octokit);
  let report: Awaited<ReturnType<typeof catchUpDeliveries>>;
  try {
    report = await catchUpDeliveries(octokit, { since, redelivered: oncePerRun() });
  } catch (error) {
    io.stderr(describeListError(error, credentials.apiUrl ?? DEFAULT_API_URL));
    return EXIT.usage;
  }
  io.stdout(formatCatchUp(report, since));
  const outcomes = new Set(report.redeliveries.map((r) => r.outcome));
  return outcomes.has("error") ? EXIT.usage : outcomes.has("refused") ? EXIT.fail : EXIT.pass;
}

/** One run asks once per guid; across runs the list's `redelivery` flags remember. */
function oncePerRun(): RedeliveredGuids {
  const asked = new Set<string>();
  return {
    claim: async (guid) => !asked.has(guid) && Boolean(asked.add(guid)),
    release: async (guid) => void asked.delete(guid),
  };
}

/** Why the deliveries could not be listed: the key refused, GitHub out of reach (no answer at all), or what GitHub answered. */
function describeListError(error: unknown, apiUrl: string): string {
  const cause = (error as { cause?: { status?: number; response?: unknown; message?: string } }).cause;
  const reason = error instanceof Error ? error.message : String(error);
  if (cause?.status === 401)
    return `spo catchup: GitHub refused the App's key: ${reason}\nCheck APP_ID and the private key (PRIVATE_KEY or PRIVATE_KEY_PATH).\n`;
  if (cause && cause.response === undefined)
    return `spo catchup: could not reach GitHub at ${apiUrl}: ${cause.message ?? reason}\n`;
  return `spo catchup: could not list the App's deliveries at ${apiUrl}: ${reason}\n`;
}
