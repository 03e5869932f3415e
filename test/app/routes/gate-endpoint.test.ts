import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import nock from "nock";
import { pino } from "pino";
import { Probot } from "probot";
import { afterEach, describe, expect, it } from "vitest";
import { createApp } from "../../../src/app/index.js";
import {
  hotfixPull,
  mockCanaryHolds,
  mockCheck,
  mockCommitPulls,
  mockDeployments,
  mockJudgedHotfix,
} from "../../helpers/deploy-nock.js";
import { mockEvidencePull, mockEvidenceRuns, readRecord, waitForMocks } from "../../helpers/evidence-nock.js";
import { API, captureCheckRuns, expectAllMocksDone, mockSettings } from "../../helpers/github-nock.js";
import { FIXED_NOW, TEST_APP_ID, TestOctokit } from "../../helpers/probot.js";

const TOKEN = "s3cret-gate-token";
const REPO = "octo/shop";
const SHA = "f95f852bd8fca8fcc58a9a2d6c842781e32a215e";
let server: Server | undefined;

afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

type Handler = (req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => unknown;

/** The App on a real HTTP server, composed as Probot's server does: webhooks, added handlers, 404. */
async function startApp(
  gateToken?: string,
  log = pino({ level: "silent" }),
  now: () => Date = () => FIXED_NOW,
): Promise<string> {
  const probot = new Probot({ githubToken: "test", log, Octokit: TestOctokit });
  const handlers: Handler[] = [];
  await probot.load(createApp({ now, appId: TEST_APP_ID, ...(gateToken ? { gateToken } : {}) }), {
    cwd: process.cwd(),
    addHandler: (handler) => handlers.push(handler),
  });
  const middleware = await probot.getNodeMiddleware();
  server = createServer(async (req, res) => {
    if (await middleware(req, res)) return;
    for (const handler of handlers) if (await handler(req, res)) return;
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function get(base: string, path: string, token?: string, method = "GET") {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

/** What the evidence of a production answer reads about the open hotfix #12, and its (no) evidence runs yet. */
function mockOpenHotfixEvidence(scope: nock.Scope) {
  mockEvidencePull(scope, REPO, 12, { author: "dev-ana", createdAt: "2026-11-21T08:00:00Z", headSha: SHA });
  mockEvidenceRuns(scope, REPO, SHA, []);
}

function mockInstallation(scope: nock.Scope) {
  scope.get(`/repos/${REPO}/installation`).reply(200, { id: 42 });
}

describe("GET /api/gate/<owner>/<repo>/<sha>", () => {
  it("answers 401 without a token and with a wrong one, before any GitHub call", async () => {
    const base = await startApp(TOKEN);
    const path = `/api/gate/${REPO}/${SHA}?environment=canary`;

    const missing = await get(base, path);
    const wrong = await get(base, path, "not-the-token");

    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toBe('Bearer realm="single-patch-order"');
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({ error: "Send Authorization: Bearer <GATE_TOKEN>." });
    expectAllMocksDone();
  });

  it("answers 200 allowed for a canary of a hotfix whose gate passed", async () => {
    const base = await startApp(TOKEN);
    const scope = nock(API);
    mockInstallation(scope);
    mockSettings(scope, {}, REPO);
    mockCommitPulls(scope, REPO, SHA, [hotfixPull(12, SHA)]);
    mockCheck(scope, REPO, SHA, "single-patch-order/release", null);
    mockJudgedHotfix(scope, REPO, 12, SHA);

    const response = await get(base, `/api/gate/${REPO}/${SHA}?environment=canary`, TOKEN);

    expectAllMocksDone();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.body).toEqual({
      allowed: true,
      reason: "f95f852 is the head commit of hotfix #12, whose own single-patch-order verdict passes.",
    });
  });

  it("answers 200 not allowed, with readyAt, for production before the bake time", async () => {
    const base = await startApp(TOKEN);
    const scope = nock(API);
    mockInstallation(scope);
    mockSettings(scope, {}, REPO);
    mockCanaryHolds(scope, REPO, SHA);
    mockDeployments(scope, REPO, SHA, [
      { id: 7, environment: "canary", statuses: [{ state: "success", created_at: "2026-11-21T11:50:00Z" }] },
    ]);
    mockOpenHotfixEvidence(scope);
    const checks = captureCheckRuns(scope, REPO);

    const response = await get(base, `/api/gate/${REPO}/${SHA}?environment=production`, TOKEN);

    await waitForMocks(scope);
    expectAllMocksDone();
    expect(checks.map((c) => [c.conclusion, c.external_id])).toEqual([
      ["neutral", `evidence/v1:production:${SHA}:rejected`],
    ]);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      allowed: false,
      readyAt: "2026-11-21T12:20:00Z",
      reason:
        "Canary of f95f852 is still baking: deployment 7 to canary succeeded at 2026-11-21T11:50:00Z and must bake 30 minutes, until 2026-11-21T12:20:00Z (20 minutes left).",
    });
  });

  it("answers 412 for a refusal with strict=true (callers that read only the status, e.g. Flagger)", async () => {
    const base = await startApp(TOKEN);
    const scope = nock(API);
    mockInstallation(scope);
    mockSettings(scope, {}, REPO);
    mockCanaryHolds(scope, REPO, SHA);
    mockDeployments(scope, REPO, SHA, []);
    mockOpenHotfixEvidence(scope);
    captureCheckRuns(scope, REPO);

    const response = await get(base, `/api/gate/${REPO}/${SHA}?environment=production&strict=true`, TOKEN, "POST");

    await waitForMocks(scope);
    expectAllMocksDone();
    expect(response.status).toBe(412);
    expect(response.body.allowed).toBe(false);
  });

  it("writes evidence for the first production answer and each change of answer, not for the same answer again", async () => {
    let now = FIXED_NOW;
    const base = await startApp(TOKEN, pino({ level: "silent" }), () => now);
    const path = `/api/gate/${REPO}/${SHA}?environment=production`;
    const canary = [
      {
        id: 7,
        environment: "canary",
        created_at: "2026-11-21T11:45:00Z",
        statuses: [{ state: "success", created_at: "2026-11-21T11:50:00Z" }],
      },
    ];
    const scope = nock(API);
    mockInstallation(scope);
    mockSettings(scope, {}, REPO);
    mockCanaryHolds(scope, REPO, SHA);
    mockDeployments(scope, REPO, SHA, canary);
    mockOpenHotfixEvidence(scope);
    const checks = captureCheckRuns(scope, REPO, 2);

    expect((await get(base, path, TOKEN)).body.allowed).toBe(false);
    await waitForMocks(scope);

    // The same answer again: this process already wrote its evidence, so no evidence call at all.
    mockInstallation(scope);
    mockSettings(scope, {}, REPO);
    mockCanaryHolds(scope, REPO, SHA);
    mockDeployments(scope, REPO, SHA, canary);
    expect((await get(base, path, TOKEN)).body.allowed).toBe(false);
    await waitForMocks(scope);

    // The bake is over: the answer changes, and that decision gets its own record.
    now = new Date("2026-11-21T12:30:00Z");
    mockInstallation(scope);
    mockSettings(scope, {}, REPO);
    mockCanaryHolds(scope, REPO, SHA);
    mockDeployments(scope, REPO, SHA, canary);
    mockEvidencePull(scope, REPO, 12, { author: "dev-ana", createdAt: "2026-11-21T08:00:00Z", headSha: SHA });
    mockEvidenceRuns(scope, REPO, SHA, [{ id: 900, externalId: `evidence/v1:production:${SHA}:rejected` }]);
    expect((await get(base, path, TOKEN)).body.allowed).toBe(true);
    await waitForMocks(scope);

    expectAllMocksDone();
    expect(checks.map((c) => [c.conclusion, c.external_id])).toEqual([
      ["neutral", `evidence/v1:production:${SHA}:rejected`],
      ["success", `evidence/v1:production:${SHA}:approved`],
    ]);
    expect(readRecord(checks[1]!.output.text)).toMatchObject({
      source: "gate-endpoint",
      deploymentId: null,
      decision: "approved",
      pullRequest: { number: 12, author: "dev-ana", mergedBy: null, mergedAt: null, approvingReviewers: [] },
      canary: { id: 7, started: "2026-11-21T11:45:00Z", succeeded: "2026-11-21T11:50:00Z", bakedMinutes: 40 },
      timeline: {
        prOpened: "2026-11-21T08:00:00Z",
        merged: null,
        canary: "2026-11-21T11:50:00Z",
        productionDecision: "2026-11-21T12:30:00Z",
      },
    });
  });

  it("refuses a commit GitHub does not know, and logs it as a warning, not an error", async () => {
    const lines: Array<{ level: number; msg: string }> = [];
    const base = await startApp(
      TOKEN,
      pino({ level: "info" }, { write: (line: string) => void lines.push(JSON.parse(line)) }),
    );
    const scope = nock(API);
    mockInstallation(scope);
    mockSettings(scope, {}, REPO);
    scope
      .get(`/repos/${REPO}/commits/${SHA}/pulls`)
      .query(true)
      .reply(422, { message: `No commit found for SHA: ${SHA}` });

    const response = await get(base, `/api/gate/${REPO}/${SHA}?environment=canary`, TOKEN);

    expectAllMocksDone();
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      allowed: false,
      reason: expect.stringContaining("was not found in octo/shop"),
    });
    expect(lines.filter((l) => l.level >= 40).map((l) => [pino.levels.labels[l.level], l.msg])).toEqual([
      ["warn", "deployment refused: GitHub does not know the commit"],
    ]);
  });

  it("answers 404 for a repository the App is not installed on", async () => {
    const base = await startApp(TOKEN);
    nock(API).get(`/repos/${REPO}/installation`).reply(404, { message: "Not Found" });

    const response = await get(base, `/api/gate/${REPO}/${SHA}?environment=canary`, TOKEN);

    expectAllMocksDone();
    expect(response).toMatchObject({
      status: 404,
      body: { allowed: false, reason: "Single Patch Order is not installed on octo/shop." },
    });
  });

  it.each([
    [`/api/gate/${REPO}/abc?environment=canary`],
    [`/api/gate/${REPO}/${SHA}`],
    [`/api/gate/${REPO}/${SHA}/extra?environment=canary`],
    [`/api/gate/octo/sh%2Fop/${SHA}?environment=canary`],
  ])("answers 400 for %s", async (path) => {
    const base = await startApp(TOKEN);
    expect((await get(base, path, TOKEN)).status).toBe(400);
  });

  it("answers 405 for other methods", async () => {
    const base = await startApp(TOKEN);
    expect((await get(base, `/api/gate/${REPO}/${SHA}?environment=canary`, TOKEN, "DELETE")).status).toBe(405);
  });

  it("is off without GATE_TOKEN: 404, even with a bearer token", async () => {
    const base = await startApp(undefined);
    const response = await get(base, `/api/gate/${REPO}/${SHA}?environment=canary`, "anything");
    expect(response.status).toBe(404);
    expectAllMocksDone();
  });
});
