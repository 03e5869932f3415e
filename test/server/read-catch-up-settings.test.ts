import { describe, expect, it } from "vitest";
import { findStartupProblem } from "../../src/server/check-server-env.js";
import { readCatchUpSettings } from "../../src/server/read-catch-up-settings.js";

describe("readCatchUpSettings", () => {
  it.each([
    [{}, { intervalMs: 300_000, windowMs: 24 * 3_600_000 }],
    [{ CATCHUP_INTERVAL_S: "0" }, { intervalMs: 0, windowMs: 24 * 3_600_000 }],
    [
      { CATCHUP_INTERVAL_S: "60", CATCHUP_WINDOW_H: "0.5" },
      { intervalMs: 60_000, windowMs: 1_800_000 },
    ],
    [{ CATCHUP_WINDOW_H: "72" }, { intervalMs: 300_000, windowMs: 72 * 3_600_000 }],
  ])("reads %j", (env, settings) => {
    expect(readCatchUpSettings(env)).toEqual(settings);
  });

  it.each([
    [
      { CATCHUP_INTERVAL_S: "5m" },
      'CATCHUP_INTERVAL_S must be a whole number of seconds (0 turns catch-up off), got "5m".',
    ],
    [
      { CATCHUP_INTERVAL_S: "-1" },
      'CATCHUP_INTERVAL_S must be a whole number of seconds (0 turns catch-up off), got "-1".',
    ],
    [{ CATCHUP_WINDOW_H: "0" }, /^CATCHUP_WINDOW_H must be a number of hours above 0 and at most 72 .*got "0"\.$/],
    [{ CATCHUP_WINDOW_H: "96" }, /got "96"\.$/],
    [{ CATCHUP_WINDOW_H: "1d" }, /got "1d"\.$/],
  ])("refuses %j, and the server will not start with it", (env, problem) => {
    const read = readCatchUpSettings(env);
    expect("problem" in read && read.problem).toMatch(problem);
    expect(findStartupProblem({ ...env, WEBHOOK_SECRET: "s" })).toMatch(problem);
  });
});
