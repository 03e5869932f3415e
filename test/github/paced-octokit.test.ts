import { describe, expect, it, vi } from "vitest";
import { retrySecondaryRateLimit, SECONDARY_LIMIT_RETRIES, withPacing } from "../../src/github/paced-octokit.js";

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
