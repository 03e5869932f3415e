import nock from "nock";
import { pino } from "pino";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createTokenClient } from "../../src/github/create-token-client.js";
import { createMemoryClaims } from "../../src/server/delivery-claims.js";
import { PROCESS_LOCK, type CatchUpLock } from "../../src/server/redis-catch-up-lock.js";
import { PASS_BUDGET_MS, startCatchUp, type CatchUpDeps } from "../../src/server/run-catch-up.js";
import { API, expectAllMocksDone } from "../helpers/github-nock.js";
import { attempt } from "../helpers/hook-deliveries.js";
import { TestOctokit } from "../helpers/token-octokit.js";

afterEach(() => vi.useRealTimers());

function deps(overrides: Partial<CatchUpDeps> = {}) {
  const counted: string[] = [];
  const lines: Array<[string, string]> = [];
  const log = pino({ level: "debug" }, { write: (line: string) => void lines.push(toLine(line)) });
  const all: CatchUpDeps = {
    settings: { intervalMs: 60_000, windowMs: 24 * 3_600_000 },
    appClient: async () => createTokenClient("jwt", API, TestOctokit),
    lock: PROCESS_LOCK,
    redelivered: createMemoryClaims(),
    metrics: {
      countCatchUpPass: (outcome) => void counted.push(`pass ${outcome}`),
      countRedelivery: (outcome) => void counted.push(`redelivery ${outcome}`),
      setUnrepairedDeliveries: (count) => void counted.push(`unrepaired ${count}`),
    },
    log,
    ...overrides,
  };
  return { deps: all, counted, lines };
}

function toLine(json: string): [string, string] {
  const { level, msg } = JSON.parse(json) as { level: number; msg: string };
  return [pino.levels.labels[level] ?? String(level), msg];
}

describe("startCatchUp", () => {
  it("runs a pass at once and then on every interval, skipping a tick while a pass still runs", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    let finish: () => void = () => undefined;
    const appClient = vi.fn(
      () => new Promise<never>((_resolve, reject) => (finish = () => reject(new Error("GitHub is down")))),
    );
    const { deps: d, counted, lines } = deps({ appClient });
    const catchUp = startCatchUp(d);
    await vi.waitFor(() => expect(appClient).toHaveBeenCalledTimes(1));

    vi.advanceTimersByTime(60_000);
    expect(counted).toEqual(["pass skipped"]);
    finish();
    await catchUp.idle();
    vi.advanceTimersByTime(60_000);
    await vi.waitFor(() => expect(appClient).toHaveBeenCalledTimes(2));
    catchUp.stop();
    vi.advanceTimersByTime(600_000);
    expect(appClient).toHaveBeenCalledTimes(2);
    expect(counted).toEqual(["pass skipped", "pass error"]);
    expect(lines).toContainEqual(["error", "catch-up pass failed; the next pass tries again"]);
  });

  it("is off with an interval of 0: no pass, no call", async () => {
    const appClient = vi.fn();
    const { deps: d, lines } = deps({ settings: { intervalMs: 0, windowMs: 1 }, appClient });
    startCatchUp(d).stop();
    expect(appClient).not.toHaveBeenCalled();
    expect(lines.map(([, msg]) => msg)).toEqual([
      "catch-up is off (CATCHUP_INTERVAL_S=0): deliveries missed while the App was down stay missed",
    ]);
  });

  it("lets another replica's pass be, and counts a lock it cannot take as an error", async () => {
    const held: CatchUpLock = { acquire: async () => undefined };
    const broken: CatchUpLock = { acquire: async () => Promise.reject(new Error("redis down")) };
    const appClient = vi.fn();
    const a = deps({ lock: held, appClient });
    const b = deps({ lock: broken, appClient });
    const first = startCatchUp(a.deps);
    const second = startCatchUp(b.deps);
    await Promise.all([first.idle(), second.idle()]);
    first.stop();
    second.stop();
    expect(appClient).not.toHaveBeenCalled();
    expect([a.counted, b.counted]).toEqual([["pass skipped"], ["pass error"]]);
  });

  it("redelivers, counts and logs each delivery, and releases the lock after the pass", async () => {
    const failed = attempt("guid-1", 30);
    nock(API)
      .get("/app/hook/deliveries")
      .query(true)
      .reply(200, [failed])
      .post(`/app/hook/deliveries/${failed.id}/attempts`)
      .reply(202, {});
    const release = vi.fn(async () => undefined);
    const { deps: d, counted, lines } = deps({ lock: { acquire: async () => release } });
    const catchUp = startCatchUp(d);
    await catchUp.idle();
    catchUp.stop();
    expectAllMocksDone();
    expect(counted).toEqual(["redelivery accepted", "unrepaired 1", "pass done"]);
    expect(lines).toContainEqual([
      "info",
      "catch-up: GitHub redelivers pull_request.opened, which no attempt answered 2xx",
    ]);
    expect(release).toHaveBeenCalledOnce();
  });

  it("asks for no redelivery once stopped or past its budget", async () => {
    nock(API)
      .get("/app/hook/deliveries")
      .query(true)
      .reply(200, [attempt("guid-1", 30)]);
    let clock = 0;
    const { deps: d, counted } = deps({
      now: () => clock,
      appClient: async () => {
        clock += PASS_BUDGET_MS; // the listing took the whole budget
        return createTokenClient("jwt", API, TestOctokit);
      },
    });
    const catchUp = startCatchUp(d);
    await catchUp.idle();
    catchUp.stop();
    expectAllMocksDone();
    expect(counted).toEqual(["unrepaired 1", "pass done"]);
  });
});
