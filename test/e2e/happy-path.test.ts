import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildOnce } from "./build-once.js";
import {
  describeCalls,
  isCheckRunPost,
  isConfigCall,
  readLogLines,
  REPO,
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

describe("the built App against a fake GitHub", () => {
  it("judges a hotfix PR with a token call, a free 304 re-read, then exactly config, org floor, files, the open PRs and one completed check", async () => {
    harness = await startHarness();
    const { github, app } = harness;
    const payload = pullRequestEvent({ installationId: 77 });

    const reply = await sendWebhook(app.url, { event: "pull_request", payload, id: "delivery-happy-1" });

    expect(reply).toEqual({ status: 200, body: "ok\n" });
    // The re-read of the PR runs alongside the config reads (the repository's file, then the org
    // file for its floor): it may arrive before, between or after them.
    const calls = describeCalls(github.requests);
    expect(calls.indexOf(`GET /repos/${REPO}/contents/.github%2Fsingle-patch-order.yml`)).toBeLessThan(
      calls.indexOf("GET /repos/Codertocat/.github/contents/.github%2Fsingle-patch-order.yml"),
    );
    expect([calls[0], ...calls.slice(1, 4).sort(), ...calls.slice(4)]).toEqual([
      "POST /app/installations/77/access_tokens",
      "GET /repos/Codertocat/.github/contents/.github%2Fsingle-patch-order.yml",
      `GET /repos/${REPO}/contents/.github%2Fsingle-patch-order.yml`,
      `GET /repos/${REPO}/pulls/2`,
      `GET /repos/${REPO}/pulls/2/files?per_page=100&page=1`,
      `GET /repos/${REPO}/pulls?state=open&sort=updated&direction=desc&per_page=100&page=1`,
      `POST /repos/${REPO}/check-runs`,
    ]);
    const reread = github.requests.find((r) => r.path === `/repos/${REPO}/pulls/2`)!;
    expect(reread.headers["if-modified-since"]).toBe(new Date(payload.pull_request.updated_at).toUTCString());
    expect(reread.answered).toBe(304);
    const [tokenCall, ...others] = github.requests;
    expect(tokenCall!.headers.authorization).toMatch(/^bearer eyJ/);
    for (const call of others) expect(call.headers.authorization).toBe(`token ${github.token}`);
    const check = github.requests.find(isCheckRunPost)!.body;
    expect(check).toMatchObject({
      name: "single-patch-order",
      head_sha: payload.pull_request.head.sha,
      status: "completed",
      conclusion: "success",
      external_id: "2",
      output: { title: "All rules pass" },
    });
  });

  it("judges a non-hotfix PR with a free 304 re-read, config, org floor, the open PRs and one check, then lists its files for the config check", async () => {
    harness = await startHarness();
    const { github, app } = harness;

    await sendWebhook(app.url, { event: "pull_request", payload: pullRequestEvent({ ref: "feature/new-cart" }) });

    // As above, the re-read may arrive before, between or after the two config reads.
    const calls = describeCalls(github.requests.slice(1));
    expect([...calls.slice(0, 3).sort(), ...calls.slice(3)]).toEqual([
      "GET /repos/Codertocat/.github/contents/.github%2Fsingle-patch-order.yml",
      `GET /repos/${REPO}/contents/.github%2Fsingle-patch-order.yml`,
      `GET /repos/${REPO}/pulls/2`,
      `GET /repos/${REPO}/pulls?state=open&sort=updated&direction=desc&per_page=100&page=1`,
      `POST /repos/${REPO}/check-runs`,
      `GET /repos/${REPO}/pulls/2/files?per_page=100&page=1`,
    ]);
    expect(github.requests.find((r) => r.path === `/repos/${REPO}/pulls/2`)!.answered).toBe(304);
    expect(github.requests.find(isCheckRunPost)!.body).toMatchObject({
      conclusion: "success",
      output: { title: "Not a hotfix: no single-patch rules apply" },
    });
  });

  it("asks for the unchanged config of a second PR with If-None-Match, and the 304 costs no rate limit", async () => {
    harness = await startHarness();
    const { github, app } = harness;
    await sendWebhook(app.url, { event: "pull_request", payload: pullRequestEvent({ installationId: 5, number: 2 }) });
    const first = github.requests.length;
    const firstConfig = github.requests.find(isConfigCall)!;

    await sendWebhook(app.url, { event: "pull_request", payload: pullRequestEvent({ installationId: 5, number: 3 }) });

    const second = github.requests.slice(first);
    const config = second.find(isConfigCall)!;
    expect(firstConfig.headers["if-none-match"]).toBeUndefined();
    expect(config.headers["if-none-match"]).toMatch(/^"[0-9a-f]{40}"$/);
    expect(config.answered).toBe(304);
    // The org has no shared file (a 404, counted); the open PR list is the same empty one (304).
    expect(second.filter((r) => r.answered !== 304).map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /repos/Codertocat/.github/contents/.github%2Fsingle-patch-order.yml",
      `GET /repos/${REPO}/pulls/3/files?per_page=100&page=1`,
      `POST /repos/${REPO}/check-runs`,
    ]);
    expect(second.find(isCheckRunPost)!.body).toMatchObject({ conclusion: "success", external_id: "3" });
  });

  it("logs as JSON lines that carry the delivery id", async () => {
    harness = await startHarness();
    const { app } = harness;

    await sendWebhook(app.url, { event: "pull_request", payload: pullRequestEvent(), id: "delivery-logged-1" });

    const judged = readLogLines(app.output()).find((line) => String(line.msg).startsWith("judged #2"));
    expect(judged).toMatchObject({ id: "delivery-logged-1", name: "event", conclusion: "success", level: 30 });
  });

  it("serves /metrics in Prometheus' text format", async () => {
    harness = await startHarness();
    const { github, app } = harness;
    github.inject({
      match: (r) => r.path.includes("/files"),
      times: 1,
      reply: { status: 502, body: { message: "Bad Gateway" } },
    });
    await sendWebhook(app.url, { event: "pull_request", payload: pullRequestEvent() });

    const response = await fetch(`${app.url}/metrics`);
    const text = await response.text();

    expect(response.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    expect(text).toContain('spo_evaluations_total{check="single-patch-order",conclusion="success"} 1');
    expect(text).toContain('spo_rule_verdicts_total{rule="single-scope",verdict="pass"} 1');
    expect(text).toContain('spo_rule_verdicts_total{rule="reversible-migration",verdict="skip"} 1');
    expect(text).toContain("spo_webhook_to_check_seconds_count 1");
    expect(text).toContain('spo_github_api_errors_total{status="502"} 1');
    expect(text).not.toContain('status="304"'); // the free re-read of the PR is no error
    expect(text).toContain('spo_webhook_deliveries_total{event="pull_request",outcome="handled"} 1');
    expect(text).toMatch(/^process_resident_memory_bytes \d+$/m);
  });
});
