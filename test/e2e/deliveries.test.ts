import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildOnce } from "./build-once.js";
import { isCheckRunPost, isTokenCall, startHarness, type Harness } from "./harness.js";
import { pullRequestEvent } from "../../support/payloads.js";
import { postRaw, sendWebhook } from "../../support/send-webhook.js";

let harness: Harness | undefined;
beforeAll(buildOnce, 180_000);
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** The App still judges: a good delivery after the bad one gets its check. */
async function expectStillServing(h: Harness): Promise<void> {
  const before = h.github.requests.filter(isCheckRunPost).length;
  expect(
    await sendWebhook(h.app.url, { event: "pull_request", payload: pullRequestEvent({ number: 9 }) }),
  ).toMatchObject({ status: 200 });
  expect(h.github.requests.filter(isCheckRunPost)).toHaveLength(before + 1);
}

describe("deliveries", () => {
  it("publishes one check for a delivery sent twice, one after the other or at once", async () => {
    harness = await startHarness();
    const { github, app } = harness;
    const payload = pullRequestEvent();

    await sendWebhook(app.url, { event: "pull_request", payload, id: "dup-1" });
    const again = await sendWebhook(app.url, { event: "pull_request", payload, id: "dup-1" });
    await Promise.all([1, 2, 3].map(() => sendWebhook(app.url, { event: "pull_request", payload, id: "dup-2" })));

    expect(again).toEqual({ status: 200, body: "ok\n" });
    expect(github.requests.filter(isCheckRunPost)).toHaveLength(2);
    expect(await (await fetch(`${app.url}/metrics`)).text()).toContain(
      'spo_webhook_deliveries_total{event="pull_request",outcome="duplicate"} 3',
    );
  });

  it("judges a failed delivery again when GitHub redelivers it (same id)", async () => {
    harness = await startHarness();
    const { github, app } = harness;
    github.inject({ match: isTokenCall, times: 1, reply: { status: 401, body: { message: "Bad credentials" } } });

    const first = await sendWebhook(app.url, { event: "pull_request", payload: pullRequestEvent(), id: "redeliver-1" });
    const redelivered = await sendWebhook(app.url, {
      event: "pull_request",
      payload: pullRequestEvent(),
      id: "redeliver-1",
    });

    expect([first.status, redelivered.status]).toEqual([500, 200]);
    expect(github.requests.filter(isCheckRunPost)).toHaveLength(1);
  });

  it("asks GitHub for nothing, not even a token, for an action no handler listens to", async () => {
    harness = await startHarness();
    const { github, app } = harness;
    // `closed` has a handler since forward ports (issue 15); `assigned` has none.
    const assigned = { ...pullRequestEvent(), action: "assigned" };

    const reply = await sendWebhook(app.url, { event: "pull_request", payload: assigned });

    expect(reply.status).toBe(200);
    expect(github.requests).toEqual([]);
  });

  it("reads nothing for a pull request closed without a merge: the token its handler gets first, no more", async () => {
    harness = await startHarness();
    const { github, app } = harness;
    const closed = { ...pullRequestEvent(), action: "closed" };
    closed.pull_request = { ...closed.pull_request, merged: false, merged_at: null, merge_commit_sha: null };

    const reply = await sendWebhook(app.url, { event: "pull_request", payload: closed });

    expect(reply.status).toBe(200);
    expect(github.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /app/installations/1/access_tokens"]);
  });

  it.each([
    ["malformed JSON", '{"action": "opened", "pull_request": '],
    ["a payload without the pull request", { ...pullRequestEvent(), pull_request: undefined }],
    ["a payload without the installation", { ...pullRequestEvent(), installation: undefined }],
    ["a JSON array", "[1, 2, 3]"],
  ])("answers 400 to %s, calls nothing, and keeps serving", async (_name, payload) => {
    harness = await startHarness();
    const { github, app } = harness;

    const reply = await sendWebhook(app.url, { event: "pull_request", payload });

    expect(reply.status).toBe(400);
    expect(github.requests).toEqual([]);
    await expectStillServing(harness);
  });

  it("refuses a wrong signature with 400 before any work", async () => {
    harness = await startHarness();
    const { github, app } = harness;

    const reply = await sendWebhook(app.url, {
      event: "pull_request",
      payload: pullRequestEvent(),
      secret: "not-the-secret",
    });

    expect(reply.status).toBe(400);
    expect(reply.body).toContain("signature does not match");
    expect(github.requests).toEqual([]);
  });

  it("refuses a 25 MB body with 413, reads none of it, and keeps serving", async () => {
    harness = await startHarness();
    const { github, app } = harness;
    const huge = JSON.stringify({ ...pullRequestEvent(), padding: "x".repeat(25 * 1024 * 1024) });

    const reply = await postRaw(`${app.url}/api/github/webhooks`, huge, {
      "content-type": "application/json",
      "x-github-event": "pull_request",
      "x-github-delivery": "huge-1",
      "x-hub-signature-256": "sha256=0",
    });

    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body).error).toMatch(/^Payload Too Large/);
    expect(github.requests).toEqual([]);
    await expectStillServing(harness);
  });

  it("refuses a chunked body (no Content-Length) once it passes the limit", async () => {
    harness = await startHarness({ WEBHOOK_MAX_BYTES: "100000" });
    const { app } = harness;
    const reply = await new Promise<number>((resolve, reject) => {
      import("node:http").then(({ request }) => {
        const req = request(`${app.url}/api/github/webhooks`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-github-event": "pull_request",
            "x-github-delivery": "chunked-1",
            "x-hub-signature-256": "sha256=0",
            "transfer-encoding": "chunked",
          },
        });
        req.on("response", (res) => resolve(res.statusCode ?? 0));
        req.on("error", reject);
        const chunk = "x".repeat(64 * 1024);
        for (let i = 0; i < 4; i++) req.write(chunk);
      }, reject);
    });

    expect(reply).toBe(413);
    await expectStillServing(harness);
  });
});
