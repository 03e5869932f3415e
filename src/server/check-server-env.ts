import { existsSync } from "node:fs";
import { readTrackerSettings, TrackerSettingsError } from "../trackers/read-tracker-settings.js";
import { readCatchUpSettings } from "./read-catch-up-settings.js";
import { readOpenHeadsMode } from "./read-open-heads-mode.js";

/** The shortest `GATE_TOKEN` or `OVERRIDE_SIGNING_KEY` accepted (SPEC §8 "Gate endpoint"). */
export const MIN_SECRET_CHARS = 32;

/**
 * Why the App must not start with this environment, or undefined when it may. Probot would fall
 * back to the secret "development", which lets anyone forge webhooks, so outside development a
 * missing WEBHOOK_SECRET stops the server. A `GATE_TOKEN` (the gate endpoint's bearer token) or
 * `OVERRIDE_SIGNING_KEY` shorter than MIN_SECRET_CHARS stops it too, naming the variable. Ticket
 * tracker variables set wrongly (JIRA_URL without credentials, a plain-http host…) stop it too,
 * naming each variable: a half-configured tracker would otherwise fail every PR that names a ticket.
 * A mistyped CATCHUP_INTERVAL_S, CATCHUP_WINDOW_H or OPEN_HEADS_INDEX stops it too.
 */
export function findStartupProblem(env: NodeJS.ProcessEnv): string | undefined {
  const trackers = findTrackerProblem(env);
  if (trackers) return trackers;
  for (const name of ["GATE_TOKEN", "OVERRIDE_SIGNING_KEY"] as const) {
    const value = env[name];
    if (value !== undefined && value !== "" && value.length < MIN_SECRET_CHARS)
      return `${name} is ${value.length} characters long; it must have at least ${MIN_SECRET_CHARS} (for example \`openssl rand -hex 32\`). Refusing to start with a secret that can be guessed.`;
  }
  const catchUp = readCatchUpSettings(env);
  if ("problem" in catchUp) return catchUp.problem;
  const openHeads = readOpenHeadsMode(env);
  if (typeof openHeads === "object") return openHeads.problem;
  if (env.WEBHOOK_SECRET) return undefined;
  if (env.NODE_ENV === "development") return undefined;
  return "WEBHOOK_SECRET is not set. Set it to the webhook secret of your GitHub App (or NODE_ENV=development for local setup); refusing to start without it.";
}

function findTrackerProblem(env: NodeJS.ProcessEnv): string | undefined {
  try {
    readTrackerSettings(env);
    return undefined;
  } catch (error) {
    if (!(error instanceof TrackerSettingsError)) throw error;
    return `${error.message}. Refusing to start.`;
  }
}

/** Loads `.env` from the working directory the way Probot does, before the environment is checked. */
export function loadDotEnv(cwd = process.cwd()): void {
  const path = `${cwd}/.env`;
  if (existsSync(path)) process.loadEnvFile(path);
}
