import { afterEach, describe, expect, it } from "vitest";
import { createTicketTrackers, type TrackerOptions } from "../../src/trackers/create-ticket-trackers.js";
import type { JiraSettings } from "../../src/trackers/read-tracker-settings.js";
import { type FakeJira, type FakeJiraAuth, JIRA_NOT_FOUND, startFakeJira } from "./fake-jira.js";
import { startLoopbackServer, type LoopbackServer } from "./loopback-server.js";

const CLOUD: FakeJiraAuth = { kind: "cloud", email: "spo-bot@example.com", apiToken: "ATATT3xFfGF0-cloud-token" };
const DATA_CENTER: FakeJiraAuth = { kind: "data-center", token: "NjQ5MTYy-dc-personal-access-token" };

const servers: Array<FakeJira | LoopbackServer> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function jira(auth: FakeJiraAuth = CLOUD, contextPath = ""): Promise<FakeJira> {
  const fake = await startFakeJira(auth, contextPath);
  servers.push(fake);
  fake.issues.set("SHOP-42", { status: "In Progress", category: "indeterminate", type: "Bug" });
  fake.issues.set("SHOP-7", { status: "Done", category: "done", type: "Story" });
  return fake;
}

function trackerFor(fake: FakeJira, auth: FakeJiraAuth = CLOUD, options: Partial<TrackerOptions> = {}) {
  const settings: JiraSettings = { baseUrl: fake.url, auth };
  const tracker = createTicketTrackers({ jira: settings }, options).jira;
  if (!tracker) throw new Error("no Jira tracker");
  return tracker;
}

describe("the Jira tracker", () => {
  it("reads an open issue from Jira Cloud: REST v3, Basic email:token, only the fields it needs", async () => {
    const fake = await jira();

    expect(await trackerFor(fake).lookUp("SHOP-42")).toEqual({
      tracker: "jira",
      found: true,
      key: "SHOP-42",
      status: "In Progress",
      category: "indeterminate",
      types: ["Bug"],
    });
    expect(fake.requests).toEqual([
      expect.objectContaining({ method: "GET", path: "/rest/api/3/issue/SHOP-42?fields=status,issuetype", body: "" }),
    ]);
    expect(fake.requests[0]!.headers.authorization).toBe(
      `Basic ${Buffer.from("spo-bot@example.com:ATATT3xFfGF0-cloud-token").toString("base64")}`,
    );
    expect(fake.requests[0]!.headers.accept).toBe("application/json");
  });

  it("reads Jira Data Center with its personal access token: REST v2, Bearer, under the site's context path", async () => {
    const fake = await jira(DATA_CENTER, "/jira");

    expect(await trackerFor(fake, DATA_CENTER).lookUp("SHOP-7")).toMatchObject({
      found: true,
      status: "Done",
      category: "done",
      types: ["Story"],
    });
    expect(fake.requests.map((r) => [r.path, r.headers.authorization])).toEqual([
      ["/jira/rest/api/2/issue/SHOP-7?fields=status,issuetype", "Bearer NjQ5MTYy-dc-personal-access-token"],
    ]);
  });

  it.each([
    ["a missing issue (404)", { status: 404, body: JIRA_NOT_FOUND }, { error: "not-found" }],
    [
      "refused credentials (401)",
      { status: 401, body: "Client must be authenticated" },
      { error: "unauthorized", detail: "HTTP 401" },
    ],
    [
      "forbidden (403, e.g. a CAPTCHA on Data Center)",
      { status: 403, body: "" },
      { error: "unauthorized", detail: "HTTP 403" },
    ],
    [
      "a server error (500)",
      { status: 500, body: { errorMessages: ["Internal server error"] } },
      { error: "unreachable", detail: "HTTP 500" },
    ],
    [
      "a gateway error (503)",
      { status: 503, body: "<html>Service Unavailable</html>" },
      { error: "unreachable", detail: "HTTP 503" },
    ],
    [
      "a rate limit with a long Retry-After (429)",
      { status: 429, headers: { "retry-after": "30" }, body: "" },
      { error: "rate-limited", retryAfterSeconds: 30 },
    ],
    ["a 429 without Retry-After", { status: 429, body: "" }, { error: "rate-limited" }],
    [
      "a redirect (not followed)",
      { status: 302, headers: { location: "https://elsewhere.invalid/" } },
      { error: "unexpected-response", detail: "redirected (HTTP 302)" },
    ],
    [
      "a 200 that is no issue",
      { status: 200, body: { hello: "world" } },
      { error: "unexpected-response", detail: "an issue without a status" },
    ],
    ["a 400", { status: 400, body: { errorMessages: ["bad"] } }, { error: "unexpected-response", detail: "HTTP 400" }],
  ])("reports %s in the engine's terms, after one request", async (_name, reply, facts) => {
    const fake = await jira();
    fake.script(reply);

    expect(await trackerFor(fake).lookUp("SHOP-42")).toEqual({ tracker: "jira", found: false, ...facts });
    expect(fake.requests).toHaveLength(1);
  });

  it("answers 401 itself when the token is wrong (the fake checks the header)", async () => {
    const fake = await jira();
    const wrong: FakeJiraAuth = { ...CLOUD, apiToken: "revoked" };

    expect(await trackerFor(fake, wrong).lookUp("SHOP-42")).toMatchObject({ error: "unauthorized" });
  });

  it("retries a 429 once when Retry-After is short enough to fit in the time limit", async () => {
    const fake = await jira();
    fake.script({ status: 429, headers: { "retry-after": "1" }, body: "" });
    const waits: number[] = [];
    const tracker = trackerFor(fake, CLOUD, { sleep: async (ms) => void waits.push(ms) });

    expect(await tracker.lookUp("SHOP-42")).toMatchObject({ found: true, status: "In Progress" });
    expect(waits).toEqual([1000]);
    expect(fake.requests).toHaveLength(2);
  });

  it("gives up after one retry when Jira keeps rate-limiting", async () => {
    const fake = await jira();
    fake.script(
      { status: 429, headers: { "retry-after": "1" }, body: "" },
      { status: 429, headers: { "retry-after": "1" }, body: "" },
    );
    const tracker = trackerFor(fake, CLOUD, { sleep: async () => undefined });

    expect(await tracker.lookUp("SHOP-42")).toEqual({
      tracker: "jira",
      found: false,
      error: "rate-limited",
      retryAfterSeconds: 1,
    });
    expect(fake.requests).toHaveLength(2);
  });

  it("reads Retry-After given as an HTTP date", async () => {
    const fake = await jira();
    const now = Date.parse("2026-11-21T12:00:00Z");
    fake.script({ status: 429, headers: { "retry-after": "Sat, 21 Nov 2026 12:01:30 GMT" }, body: "" });

    expect(await trackerFor(fake, CLOUD, { now: () => now }).lookUp("SHOP-42")).toMatchObject({
      error: "rate-limited",
      retryAfterSeconds: 90,
    });
  });

  it("ends a request Jira does not answer at the time limit", async () => {
    const fake = await jira();
    fake.script({ status: 200, hang: true });
    const started = performance.now();

    expect(await trackerFor(fake, CLOUD, { timeoutMs: 300 }).lookUp("SHOP-42")).toEqual({
      tracker: "jira",
      found: false,
      error: "timeout",
      detail: "no answer within 300 ms",
    });
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it("reports a Jira that refuses connections as unreachable", async () => {
    const fake = await jira();
    const tracker = trackerFor(fake);
    await fake.close();
    servers.splice(servers.indexOf(fake), 1);

    expect(await tracker.lookUp("SHOP-42")).toEqual({
      tracker: "jira",
      found: false,
      error: "unreachable",
      detail: "connection refused",
    });
  });

  it("never sends a reference that is not a Jira key, so a pattern cannot change the path on Jira's host", async () => {
    const fake = await jira();
    const tracker = trackerFor(fake);

    for (const key of ["..", "../../rest/api/3/myself", "SHOP-42/../../myself", "SHOP-42?x=1", "SHOP_42", "#12", ""])
      expect(await tracker.lookUp(key)).toEqual({ tracker: "jira", found: false, error: "invalid-key" });
    expect(fake.requests).toEqual([]);
  });

  it("does not follow a redirect to another host, so the credentials stay with JIRA_URL", async () => {
    const elsewhere = await startLoopbackServer(() => ({ status: 200, body: {} }));
    servers.push(elsewhere);
    const fake = await jira();
    fake.script({ status: 307, headers: { location: `${elsewhere.origin}/rest/api/3/issue/SHOP-42` } });

    expect(await trackerFor(fake).lookUp("SHOP-42")).toMatchObject({ error: "unexpected-response" });
    expect(elsewhere.requests).toEqual([]);
  });
});

describe("the Jira tracker's cache", () => {
  it("asks Jira once per ticket within 60 s, however many evaluations ask, and again after", async () => {
    const fake = await jira();
    let now = 1_000_000;
    const tracker = trackerFor(fake, CLOUD, { now: () => now });

    await Promise.all([tracker.lookUp("SHOP-42"), tracker.lookUp("SHOP-42"), tracker.lookUp("shop-42")]);
    now += 59_000;
    expect(await tracker.lookUp("SHOP-42")).toMatchObject({ found: true });
    expect(fake.requests).toHaveLength(1);

    now += 2_000;
    fake.issues.set("SHOP-42", { status: "Done", category: "done", type: "Bug" });
    expect(await tracker.lookUp("SHOP-42")).toMatchObject({ found: true, category: "done" });
    expect(fake.requests).toHaveLength(2);
  });

  it("keeps a missing ticket 30 s and no answer 10 s", async () => {
    const fake = await jira();
    let now = 1_000_000;
    const tracker = trackerFor(fake, CLOUD, { now: () => now });
    fake.script({ status: 503, body: "" });

    expect(await tracker.lookUp("SHOP-42")).toMatchObject({ error: "unreachable" });
    expect(await tracker.lookUp("SHOP-1")).toMatchObject({ error: "not-found" });
    now += 9_000;
    await tracker.lookUp("SHOP-1");
    await tracker.lookUp("SHOP-42");
    expect(fake.requests).toHaveLength(2);
    now += 2_000;
    expect(await tracker.lookUp("SHOP-42")).toMatchObject({ found: true });
    await tracker.lookUp("SHOP-1");
    expect(fake.requests).toHaveLength(3);
    now += 20_000;
    await tracker.lookUp("SHOP-1");
    expect(fake.requests).toHaveLength(4);
  });

  it("keeps a rate limit as long as Jira asked, and says how long is left", async () => {
    const fake = await jira();
    let now = 1_000_000;
    const tracker = trackerFor(fake, CLOUD, { now: () => now });
    fake.script({ status: 429, headers: { "retry-after": "30" }, body: "" });

    await tracker.lookUp("SHOP-42");
    now += 20_000;
    expect(await tracker.lookUp("SHOP-42")).toMatchObject({ error: "rate-limited", retryAfterSeconds: 10 });
    expect(fake.requests).toHaveLength(1);
    now += 11_000;
    expect(await tracker.lookUp("SHOP-42")).toMatchObject({ found: true });
    expect(fake.requests).toHaveLength(2);
  });

  it("is one cache per client: another client (another credential) asks again", async () => {
    const fake = await jira();
    await trackerFor(fake).lookUp("SHOP-42");
    await trackerFor(fake, { ...CLOUD, apiToken: "other" }).lookUp("SHOP-42");

    expect(fake.requests.map((r) => r.headers.authorization)).toHaveLength(2);
    expect(new Set(fake.requests.map((r) => r.headers.authorization)).size).toBe(2);
  });
});
