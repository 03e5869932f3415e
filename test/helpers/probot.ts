import { type ApplicationFunction, Probot, ProbotOctokit } from "probot";
import { pino } from "pino";
import type { AppDeps } from "../../src/app/app-deps.js";
import { createApp } from "../../src/app/index.js";
import { createRecordSeal } from "../../src/github/override-store.js";

export const TEST_APP_ID = 1;

/**
 * Probot's Octokit with fast retries and no throttling. Probot passes its own `throttle` options
 * to every instance, so they are overridden per instance rather than as class defaults.
 */
export const TestOctokit = ProbotOctokit.defaults((options: Record<string, any>) => ({
  ...options,
  retry: { ...options.retry, retryAfterBaseValue: 1 },
  throttle: { ...options.throttle, enabled: false },
}));
export const FIXED_NOW = new Date("2026-11-21T12:00:00.000Z");
/** The App's bot login in tests, as `GET /app` would give it. */
export const TEST_BOT_LOGIN = "single-patch-order[bot]";
/** The server's record key in tests; an attacker's tests sign with another. */
export const TEST_SEAL = createRecordSeal(Buffer.alloc(32, 7));

/**
 * A real Probot instance running the App, with a token instead of app auth (no installation-token
 * call), fast retries (5xx are retried after 1–9 ms) and no throttling.
 */
export function createTestProbot(deps: Partial<AppDeps> = {}): Probot {
  const probot = new Probot({
    githubToken: "test",
    log: pino({ level: "silent" }),
    Octokit: TestOctokit,
  });
  probot.load(createTestApp(deps));
  return probot;
}

/** The App as tests run it: the fixed clock, the test app id, record key and bot login, then `deps`. */
export function createTestApp(deps: Partial<AppDeps> = {}): ApplicationFunction {
  return createApp({
    now: () => FIXED_NOW,
    appId: TEST_APP_ID,
    recordSeal: TEST_SEAL,
    botLogin: async () => TEST_BOT_LOGIN,
    ...deps,
  });
}
