import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { sign } from "@octokit/webhooks-methods";
import nock from "nock";
import { pino } from "pino";
import { Probot, ProbotOctokit } from "probot";
import { afterEach, describe, expect, it } from "vitest";
import { createApp } from "../../src/app/index.js";
import { loadWebhook } from "../../support/webhooks.js";
import {
  API,
  captureCheckRuns,
  expectAllMocksDone,
  mockFiles,
  mockOpenPulls,
  mockPullUnchanged,
  mockSettings,
} from "../helpers/github-nock.js";
import { FIXED_NOW } from "../helpers/probot.js";

const SECRET = "a-real-secret";
let server: Server | undefined;

afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function startApp(): Promise<string> {
  const probot = new Probot({
    githubToken: "test",
    secret: SECRET,
    log: pino({ level: "silent" }),
    Octokit: ProbotOctokit.defaults({ retry: { enabled: false }, throttle: { enabled: false } }),
  });
  await probot.load(createApp({ now: () => FIXED_NOW }));
  const middleware = await probot.getNodeMiddleware();
  server = createServer((req, res) => void middleware(req, res));
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`;
}

async function post(url: string, body: string, signature?: string) {
  return fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-github-event": "pull_request",
      "x-github-delivery": "d-1",
      ...(signature ? { "x-hub-signature-256": signature } : {}),
    },
    body,
  });
}

describe("webhook signatures", () => {
  it("refuses a delivery with a wrong signature before doing any work", async () => {
    const url = await startApp();
    const body = JSON.stringify(loadWebhook("pull_request.opened"));
    const response = await post(url, body, await sign("not-the-secret", body));
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expectAllMocksDone();
  });

  it("refuses a delivery with no signature", async () => {
    const url = await startApp();
    const response = await post(url, JSON.stringify(loadWebhook("pull_request.opened")));
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it("accepts a correctly signed delivery and judges it", async () => {
    const url = await startApp();
    const scope = nock(API);
    mockPullUnchanged(scope, "Codertocat/Hello-World", 2);
    mockSettings(scope);
    mockOpenPulls(scope, "Codertocat/Hello-World");
    mockFiles(scope, "Codertocat/Hello-World", 2, [{ filename: "README.md" }]);
    const checks = captureCheckRuns(scope, "Codertocat/Hello-World");
    const body = JSON.stringify(loadWebhook("pull_request.opened"));
    const response = await post(url, body, await sign(SECRET, body));
    expect(response.status).toBe(200);
    expectAllMocksDone();
    expect(checks[0]!.output.title).toBe("Not a hotfix: no single-patch rules apply");
  });
});
