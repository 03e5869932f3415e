import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildOnce } from "./build-once.js";
import type { RecordedRequest } from "../../support/fake-github-request.js";
import {
  isCheckRunPost,
  isConfigCall,
  isFilesCall,
  isTokenCall,
  readLogLines,
  startHarness,
  type Harness,
} from "./harness.js";
import { pullRequestEvent } from "../../support/payloads.js";
import { sendWebhook } from "../../support/send-webhook.js";

let harness: Harness | undefined;
beforeAll(buildOnce, 180_000);
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const CALLS: Array<[string, (r: RecordedRequest) => boolean]> = [
  ["the installation token", isTokenCall],
  ["the config", isConfigCall],
  ["the files", isFilesCall],
  ["the check run", isCheckRunPost],
];

const SECONDARY_LIMIT = {
  status: 403,
  headers: { "retry-after": "1", "x-github-request-id": "FAKE:secondary" },
  body: { message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again." },
};

describe("GitHub failing", () => {
  it.each(CALLS.flatMap(([name, match]) => [500, 502].map((status) => [name, status, match] as const)))(
    "retries the call for %s when it answers %i, then completes the check",
    async (_name, status, match) => {
      harness = await startHarness();
      const { github, app } = harness;
      github.inject({ match, times: 1, reply: { status, body: { message: "Server Error" } } });

      const reply = await sendWebhook(app.url, { event: "pull_request", payload: pullRequestEvent() });

      expect(reply.status).toBe(200);
      expect(github.requests.filter(match)).toHaveLength(2);
      const checks = github.requests.filter(isCheckRunPost).slice(-1);
      expect(checks.map((c) => [c.body.status, c.body.conclusion, c.body.output.title])).toEqual([
        ["completed", "success", "All rules pass"],
      ]);
    },
  );

  it.each([
    ["the files", isFilesCall],
    ["the check run", isCheckRunPost],
  ] as const)(
    "waits out a secondary rate limit on %s (retry-after) instead of dropping the check",
    async (_name, match) => {
      harness = await startHarness();
      const { github, app } = harness;
      github.inject({ match, times: 1, reply: SECONDARY_LIMIT });

      const reply = await sendWebhook(app.url, { event: "pull_request", payload: pullRequestEvent() });

      expect(reply.status).toBe(200);
      const [limited, retried] = github.requests.filter(match);
      expect(retried!.at - limited!.at).toBeGreaterThanOrEqual(900); // retry-after (1 s) was waited out; a bound on behaviour, not a speed target
      expect(github.requests.filter(isCheckRunPost).at(-1)!.body).toMatchObject({
        status: "completed",
        conclusion: "success",
      });
    },
  );

  it("answers the delivery with an error and publishes nothing when no installation token can be had", async () => {
    harness = await startHarness();
    const { github, app } = harness;
    github.inject({
      match: isTokenCall,
      reply: { status: 401, body: { message: "A JSON web token could not be decoded" } },
    });

    const reply = await sendWebhook(app.url, { event: "pull_request", payload: pullRequestEvent() });

    expect(reply.status).toBe(500);
    expect(reply.body).toContain("A JSON web token could not be decoded");
    expect(github.requests.every(isTokenCall)).toBe(true);
    expect((await fetch(`${app.url}/ping`)).status).toBe(200);
  });

  it.each([
    ["answers 500", { status: 500, body: { message: "Server Error" } }, 4],
    ["does not answer", { status: 201, body: {}, delayMs: 60_000 }, 2],
  ] as const)(
    "answers 503 within 10 s, publishes nothing and keeps no claim while the token call %s; the same delivery redelivered is judged",
    async (_name, reply, attempts) => {
      harness = await startHarness();
      const { github, app } = harness;
      const outage = github.inject({ match: isTokenCall, reply });
      const payload = pullRequestEvent();

      const sentAt = performance.now();
      const first = await sendWebhook(app.url, { event: "pull_request", payload, id: "token-outage-1" });
      const answeredMs = performance.now() - sentAt;
      await new Promise((resolve) => setTimeout(resolve, 1_500)); // nothing goes on after the answer

      expect(first.status).toBe(503);
      expect(first.body).toContain("did not hand out an installation token");
      expect(answeredMs).toBeLessThan(10_000);
      expect(github.requests.filter((r) => !isTokenCall(r))).toEqual([]);
      expect(github.requests.filter(isTokenCall)).toHaveLength(attempts);
      expect(
        readLogLines(app.output())
          .filter((line) => line.id === "token-outage-1" && line.level === 50)
          .map((l) => l.msg),
      ).toEqual([
        "delivery answered 503: no installation token could be had; catch-up or GitHub's Redeliver will judge it",
      ]);

      outage.times = 0; // GitHub is back
      const redelivered = await sendWebhook(app.url, { event: "pull_request", payload, id: "token-outage-1" });

      expect(redelivered.status).toBe(200);
      expect(github.requests.filter(isCheckRunPost).map((r) => [r.body.head_sha, r.body.conclusion])).toEqual([
        [payload.pull_request.head.sha, "success"],
      ]);
    },
    30_000,
  );

  it("retries a read that keeps answering 5xx 1, 4 and 9 s after each attempt, then completes the check as failure; the config check's look-up keeps that schedule", async () => {
    harness = await startHarness();
    const { github, app } = harness;
    github.inject({ match: isFilesCall, reply: { status: 502, body: { message: "Bad Gateway" } } });

    const reply = await sendWebhook(app.url, { event: "pull_request", payload: pullRequestEvent() });
    const [check] = await github.waitFor(isCheckRunPost, { timeoutMs: 25_000 });
    // Then the config check lists the files itself (the gate has none), to know whether the PR
    // changes the config file; when that fails too, the delivery fails (and catch-up may redeliver it).
    const files = await github.waitFor(isFilesCall, { count: 8, timeoutMs: 25_000 });

    expect(reply.status).toBe(202); // the judgement outlived the 9 s in which GitHub wants an answer
    const at = files.map((r) => r.at);
    const gaps = (from: number) => at.slice(from + 1, from + 4).map((t, i) => Math.round((t - at[from + i]!) / 1000));
    expect(gaps(0)).toEqual([1, 4, 9]); // the README's schedule
    // The same client's next read keeps it: an exhausted retry leaves no count behind.
    expect(gaps(4)).toEqual([1, 4, 9]);
    expect(check!.body).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(check!.body.output.title).toMatch(/^Could not evaluate: GitHub answered 502/);
    expect(github.requests.filter(isCheckRunPost)).toHaveLength(1);
  }, 60_000);

  it("completes the check as failure, with GitHub's request id, when a read keeps failing", async () => {
    harness = await startHarness();
    const { github, app } = harness;
    github.inject({
      match: isFilesCall,
      reply: { status: 404, headers: { "x-github-request-id": "FAKE:gone" }, body: { message: "Not Found" } },
    });

    await sendWebhook(app.url, { event: "pull_request", payload: pullRequestEvent() });

    const check = github.requests.find(isCheckRunPost)!.body;
    expect(check).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(check.output.title).toMatch(/^Could not evaluate: /);
    expect(check.output.summary).toContain("FAKE:gone");
  });
});
