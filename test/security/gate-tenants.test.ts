import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import nock from "nock";
import { pino } from "pino";
import { Probot } from "probot";
import { afterEach, describe, expect, it } from "vitest";
import { readAppDeps } from "../../src/app/app-deps.js";
import { createApp } from "../../src/app/index.js";
import { findStartupProblem } from "../../src/server/check-server-env.js";
import { redactRequestLine, withoutQuery } from "../../src/server/create-log.js";
import { FIXED_NOW, TEST_APP_ID, TestOctokit } from "../helpers/probot.js";

/**
 * Issue 9, item 10: read other tenants' gate decisions. One `GATE_TOKEN` answered for every
 * installation, with no minimum length, and HTTP logs printed the query of every gate call.
 */

const TOKEN = "a-gate-token-of-at-least-32-characters!";
const SHA = "f95f852bd8fca8fcc58a9a2d6c842781e32a215e";
let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function startGate(env: Record<string, string>): Promise<string> {
  const probot = new Probot({ githubToken: "test", log: pino({ level: "silent" }), Octokit: TestOctokit });
  const handlers: Array<(req: any, res: any) => unknown> = [];
  const deps = { ...readAppDeps(env), now: () => FIXED_NOW, appId: TEST_APP_ID };
  await probot.load(createApp(deps), { cwd: process.cwd(), addHandler: (h) => handlers.push(h) });
  server = createServer(async (req, res) => {
    for (const handler of handlers) if (await handler(req, res)) return;
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("attack: read another tenant's gate decisions", () => {
  it("answers an owner outside GATE_OWNERS 404, as if not installed, without calling GitHub", async () => {
    const base = await startGate({ GATE_TOKEN: TOKEN, GATE_OWNERS: "Octo, acme-corp" });
    const response = await fetch(`${base}/api/gate/victim-inc/payments/${SHA}?environment=production`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toStrictEqual({
      allowed: false,
      reason: "Single Patch Order is not installed on victim-inc/payments.",
    });
    expect(nock.pendingMocks()).toStrictEqual([]); // nothing was asked of GitHub (the network is off)
  });

  it("asks GitHub for an owner in GATE_OWNERS, compared ignoring case", async () => {
    const base = await startGate({ GATE_TOKEN: TOKEN, GATE_OWNERS: "Octo" });
    const scope = nock("https://api.github.com")
      .get("/repos/octo/shop/installation")
      .reply(404, { message: "Not Found" });
    const response = await fetch(`${base}/api/gate/octo/shop/${SHA}?environment=production`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(response.status).toBe(404);
    expect(scope.isDone()).toBe(true);
  });

  it("refuses to start with a GATE_TOKEN shorter than 32 characters, naming it", () => {
    expect(findStartupProblem({ WEBHOOK_SECRET: "s", GATE_TOKEN: "s3cret-gate-token" })).toMatch(
      /^GATE_TOKEN is 17 characters long; it must have at least 32/,
    );
    expect(findStartupProblem({ WEBHOOK_SECRET: "s", OVERRIDE_SIGNING_KEY: "short" })).toMatch(
      /^OVERRIDE_SIGNING_KEY is 5/,
    );
    expect(findStartupProblem({ WEBHOOK_SECRET: "s", GATE_TOKEN: TOKEN })).toBeUndefined();
  });

  it("logs the gate's path without its query", () => {
    expect(withoutQuery(`/api/gate/octo/shop/${SHA}?environment=production&strict=true`)).toBe(
      `/api/gate/octo/shop/${SHA}?[redacted]`,
    );
    expect(redactRequestLine(`GET /api/gate/octo/shop/${SHA}?environment=production 200 - 3ms`)).toBe(
      `GET /api/gate/octo/shop/${SHA}?[redacted] 200 - 3ms`,
    );
    expect(redactRequestLine("judged #2: All rules pass")).toBe("judged #2: All rules pass");
  });
});
