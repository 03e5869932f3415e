import nock from "nock";
import { describe, expect, it, vi } from "vitest";
import {
  createPacedOctokit,
  retrySecondaryRateLimit,
  SECONDARY_LIMIT_RETRIES,
  withPacing,
} from "../../src/github/paced-octokit.js";

const observer = { apiError: vi.fn(), checkCompleted: vi.fn() };
const probotThrottle = {
  onRateLimit: () => true,
  onSecondaryRateLimit: () => undefined,
  connection: { redis: true },
  Bottleneck: class {},
};

describe("the App's Octokit options", () => {
  it("keys an installation's client by its installation id and keeps Probot's Redis connection", () => {
    const options = withPacing({ auth: { installationId: 42, token: "t" }, throttle: probotThrottle }, observer);
    expect(options.throttle).toMatchObject({
      id: "42",
      connection: probotThrottle.connection,
      Bottleneck: probotThrottle.Bottleneck,
      onRateLimit: probotThrottle.onRateLimit,
    });
    expect(options.throttle.onSecondaryRateLimit).toBe(retrySecondaryRateLimit);
  });

  it("leaves the App's own client (JWT calls) on Probot's default key", () => {
    expect(withPacing({ auth: { appId: 1 }, throttle: probotThrottle }, observer).throttle.id).toBeUndefined();
  });

  it("retries a secondary rate limit a bounded number of times", () => {
    const octokit = { log: { warn: vi.fn() } };
    const retries = [0, 1, 2, 3].map((count) =>
      retrySecondaryRateLimit(60, { method: "POST", url: "/x" }, octokit, count),
    );
    expect(retries).toEqual([0, 1, 2, 3].map((count) => count < SECONDARY_LIMIT_RETRIES));
  });

  it("counts error responses once, however often the options are derived", async () => {
    const fetch = vi.fn(async () => new Response("{}", { status: 502 }));
    const once = withPacing({ request: { fetch } }, observer);
    const twice = withPacing(once, observer);
    await twice.request.fetch("http://127.0.0.1/x");
    expect(observer.apiError.mock.calls).toEqual([["502"]]);
  });
});

describe("the App's Octokit retries", () => {
  /** Milliseconds per second of the retry schedule: the schedule is asserted in these units. */
  const UNIT = 50;

  it.each([
    [304, "the free 304 of a conditional re-read"],
    [404, "the 404 of an org file that does not exist"],
    [502, "a read whose retries ran out"],
  ])("keeps the 1, 4, 9 s schedule after an earlier %i on the same client (%s)", async (status) => {
    const Octokit = createPacedOctokit({ apiError: vi.fn(), checkCompleted: vi.fn() });
    const octokit = new Octokit({
      auth: "token",
      retry: { retryAfterBaseValue: UNIT },
      throttle: { enabled: false },
    });
    const scope = nock("https://api.github.com");
    scope
      .get("/repos/o/r/pulls/1")
      .times(status === 502 ? 4 : 1)
      .reply(status, status === 304 ? undefined : { message: "x" });
    const at: number[] = [];
    scope
      .get("/repos/o/r/pulls/1/files")
      .times(4)
      .reply(() => {
        at.push(performance.now());
        return [502, { message: "Bad Gateway" }];
      });

    await expect(octokit.request("GET /repos/o/r/pulls/1")).rejects.toMatchObject({ status });
    await expect(octokit.request("GET /repos/o/r/pulls/1/files")).rejects.toMatchObject({ status: 502 });

    expect(scope.pendingMocks()).toEqual([]);
    expect(at.slice(1).map((t, i) => Math.round((t - at[i]!) / UNIT))).toEqual([1, 4, 9]);
  });
});
