import nock from "nock";
import { pino } from "pino";
import { Probot } from "probot";
import { describe, expect, it, vi } from "vitest";
import {
  ensureInstallationToken,
  TOKEN_BUDGET,
  TokenUnavailableError,
  type TokenClock,
} from "../../src/github/ensure-installation-token.js";
import { getInstallationClient } from "../../src/github/get-installation-client.js";
import { createPacedOctokit } from "../../src/github/paced-octokit.js";
import { PRIVATE_KEY } from "../../support/start-app.js";
import { expectAllMocksDone } from "../helpers/github-nock.js";

const serverError = Object.assign(new Error("Server Error"), { status: 500 });

/** An App whose token calls answer in turn from `answers` (an Error is thrown), each taking `attemptMs` on `clock`. */
function scriptedApp(answers: Array<Error | "token">, clock: { t: number }, attemptMs = 0) {
  const calls: unknown[] = [];
  const client = {
    auth: vi.fn(async (options: unknown) => {
      calls.push(options);
      clock.t += attemptMs;
      const answer = answers.shift();
      if (answer instanceof Error) throw answer;
      return { token: "ghs_x" };
    }),
  };
  return { app: { auth: async () => client } as never, calls };
}

function fakeClock(): TokenClock & { t: number; slept: number[] } {
  const clock = {
    t: 0,
    slept: [] as number[],
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.slept.push(ms);
      clock.t += ms;
    },
  };
  return clock;
}

describe("ensureInstallationToken", () => {
  it("asks for the installation's token and is done when GitHub hands it out", async () => {
    const clock = fakeClock();
    const { app, calls } = scriptedApp(["token"], clock);
    await ensureInstallationToken(app, 7, 0, TOKEN_BUDGET, clock);
    expect(calls).toEqual([{ type: "installation", installationId: 7 }]);
    expect(clock.slept).toEqual([]);
  });

  it("tries again after 1, 2 and 2 s while GitHub answers 5xx, then gives up before 8 s: temporary", async () => {
    const clock = fakeClock();
    const { app, calls } = scriptedApp([serverError, serverError, serverError, serverError, "token"], clock, 50);
    const error = await ensureInstallationToken(app, 7, 0, TOKEN_BUDGET, clock).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenUnavailableError);
    expect(error).toMatchObject({ temporary: true });
    expect((error as Error).message).toMatch(
      /^GitHub did not hand out an installation token for installation 7: 4 attempts/,
    );
    expect(calls).toHaveLength(4);
    expect(clock.slept).toEqual([1_000, 2_000, 2_000]);
    expect(clock.t).toBeLessThan(TOKEN_BUDGET.deadlineMs);
  });

  it("does not start an attempt that could not finish before the deadline (GitHub not answering)", async () => {
    const clock = fakeClock();
    const timeout = Object.assign(new Error("The operation was aborted due to timeout"), { status: 500 });
    const { app, calls } = scriptedApp([timeout, timeout, timeout], clock, TOKEN_BUDGET.attemptTimeoutMs);
    const error = await ensureInstallationToken(app, 7, 0, TOKEN_BUDGET, clock).catch((e: unknown) => e);
    expect(error).toMatchObject({ temporary: true });
    expect(calls).toHaveLength(2); // 0–2 s, 3–5 s; a third (7–9 s) would pass the 8 s deadline
    expect(clock.t + TOKEN_BUDGET.attemptTimeoutMs).toBeLessThanOrEqual(TOKEN_BUDGET.deadlineMs);
  });

  it("counts the deadline from the delivery's arrival", async () => {
    const clock = fakeClock();
    clock.t = 6_500;
    const { app, calls } = scriptedApp([serverError, "token"], clock);
    await expect(ensureInstallationToken(app, 7, 0, TOKEN_BUDGET, clock)).rejects.toMatchObject({ temporary: true });
    expect(calls).toHaveLength(1);
  });

  it.each([
    [401, "A JSON web token could not be decoded"],
    [403, "This installation has been suspended"],
    [404, "Not Found"],
  ])("gives up at once when GitHub refuses (%i): not temporary", async (status, message) => {
    const clock = fakeClock();
    const { app, calls } = scriptedApp([Object.assign(new Error(message), { status }), "token"], clock);
    const error = await ensureInstallationToken(app, 7, 0, TOKEN_BUDGET, clock).catch((e: unknown) => e);
    expect(error).toMatchObject({ temporary: false });
    expect((error as Error).message).toContain(`(${status}): ${message}`);
    expect(calls).toHaveLength(1);
    expect(clock.slept).toEqual([]);
  });

  it("fills the token cache that the installation's clients read, on GitHub Enterprise Server's API", async () => {
    const ghe = "https://ghe.example.com/api/v3";
    const probot = new Probot({
      appId: 1,
      privateKey: PRIVATE_KEY,
      baseUrl: ghe,
      log: pino({ level: "silent" }),
      Octokit: createPacedOctokit({ apiError: () => undefined, checkCompleted: () => undefined }),
    });
    const scope = nock(ghe)
      .post("/app/installations/7/access_tokens")
      .once()
      .reply(201, { token: "ghs_cached", expires_at: new Date(Date.now() + 3_600_000).toISOString(), permissions: {} })
      .get("/repos/o/r")
      .matchHeader("authorization", "token ghs_cached")
      .reply(200, { id: 1 });

    await ensureInstallationToken(probot, 7, performance.now());
    await (await getInstallationClient(probot, 7)).request("GET /repos/{owner}/{repo}", { owner: "o", repo: "r" });

    expect(scope.isDone()).toBe(true);
    expectAllMocksDone();
  });
});
