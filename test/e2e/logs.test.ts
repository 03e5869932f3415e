import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildOnce } from "./build-once.js";
import { isConfigCall, isTokenCall, readLogLines, startHarness, type Harness } from "./harness.js";
import { pullRequestEvent } from "../../support/payloads.js";
import { sendWebhook } from "../../support/send-webhook.js";
import { PRIVATE_KEY, WEBHOOK_SECRET } from "../../support/start-app.js";

let harness: Harness | undefined;
beforeAll(buildOnce, 180_000);
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const GATE_TOKEN = "gate-token-e2e-5b7d2c91f0-8a41c3e9d2b7";

describe("logs at LOG_LEVEL=trace", () => {
  it("never print the private key, the installation token, the app JWT, the webhook secret or the gate token", async () => {
    harness = await startHarness({ LOG_LEVEL: "trace", GATE_TOKEN, CATCHUP_INTERVAL_S: "300" }); // the catch-up calls with the JWT too
    const { github, app } = harness;
    github.inject({ match: isConfigCall, times: 1, reply: { status: 502, body: { message: "Bad Gateway" } } });
    await sendWebhook(app.url, { event: "pull_request", payload: pullRequestEvent({ installationId: 1 }) });
    github.inject({ match: isTokenCall, times: 1, reply: { status: 401, body: { message: "Bad credentials" } } });
    await sendWebhook(app.url, { event: "pull_request", payload: pullRequestEvent({ installationId: 2 }) });
    await sendWebhook(app.url, { event: "pull_request", payload: pullRequestEvent(), secret: "forged" });
    await fetch(`${app.url}/api/gate/Codertocat/Hello-World/${"c".repeat(40)}?environment=canary`, {
      headers: { authorization: `Bearer ${GATE_TOKEN}` },
    });
    await fetch(`${app.url}/api/gate/Codertocat/Hello-World/${"c".repeat(40)}?environment=canary`, {
      headers: { authorization: "Bearer wrong-guess-0123456789" },
    });
    await app.stop();

    const output = app.output();
    const jwts = github.requests
      .filter((r) => isTokenCall(r) || r.path.startsWith("/app/hook/deliveries"))
      .map((r) => String(r.headers.authorization).replace(/^bearer /, ""));
    const secrets: Record<string, string[]> = {
      "the private key": PRIVATE_KEY.split("\n").filter((line) => line.length > 40),
      "the installation token": [github.token],
      "the app JWT (its signature)": jwts.map((jwt) => jwt.split(".")[2]!),
      "the webhook secret": [WEBHOOK_SECRET],
      "the gate token": [GATE_TOKEN, "wrong-guess-0123456789"],
    };
    const leaked = Object.entries(secrets).filter(([, values]) => values.some((value) => output.includes(value)));
    expect(leaked.map(([name]) => name)).toEqual([]);
    // The paths that would have printed them did run:
    expect(readLogLines(output).length).toBeGreaterThan(20);
    expect(output).toContain("GitHub request: GET");
    expect(output).toContain('"authorization":"[Redacted]"');
    expect(jwts.length).toBeGreaterThan(1);
    expect(github.requests.some((r) => r.path.startsWith("/app/hook/deliveries"))).toBe(true);
  });
});
