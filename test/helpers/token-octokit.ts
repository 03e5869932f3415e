import { ProbotOctokit } from "probot";

/** The token client's Octokit for tests: retries after 1–9 ms instead of seconds, no throttling. */
export const TestOctokit = ProbotOctokit.defaults({ retry: { retryAfterBaseValue: 1 }, throttle: { enabled: false } });
