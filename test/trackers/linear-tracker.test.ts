import { afterEach, describe, expect, it } from "vitest";
import { LINEAR_ISSUE_QUERY } from "../../src/trackers/ask-linear.js";
import { createTicketTrackers, type TrackerOptions } from "../../src/trackers/create-ticket-trackers.js";
import { type FakeLinear, LINEAR_AUTHENTICATION_ERROR, LINEAR_RATE_LIMITED, startFakeLinear } from "./fake-linear.js";

const API_KEY = "lin_api_0123456789abcdefFAKE";

let fake: FakeLinear | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function linear(): Promise<FakeLinear> {
  fake = await startFakeLinear(API_KEY);
  fake.issues.set("ENG-123", { state: "In Progress", type: "started", labels: ["Bug", "Checkout"] });
  fake.issues.set("ENG-9", { state: "Done", type: "completed", labels: [] });
  return fake;
}

function trackerFor(server: FakeLinear, apiKey = API_KEY, options: Partial<TrackerOptions> = {}) {
  const tracker = createTicketTrackers({ linear: { url: server.url, apiKey } }, options).linear;
  if (!tracker) throw new Error("no Linear tracker");
  return tracker;
}

describe("the Linear tracker", () => {
  it("reads an issue by identifier: one GraphQL POST, the API key bare in Authorization, the key as a variable", async () => {
    const server = await linear();

    expect(await trackerFor(server).lookUp("ENG-123")).toEqual({
      tracker: "linear",
      found: true,
      key: "ENG-123",
      status: "In Progress",
      category: "started",
      types: ["Bug", "Checkout"],
    });
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request).toMatchObject({ method: "POST", path: "/graphql" });
    expect(request!.headers.authorization).toBe(API_KEY);
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(request!.body)).toEqual({ query: LINEAR_ISSUE_QUERY, variables: { id: "ENG-123" } });
  });

  it("reads a completed issue's state type", async () => {
    const server = await linear();
    expect(await trackerFor(server).lookUp("ENG-9")).toMatchObject({
      found: true,
      status: "Done",
      category: "completed",
    });
  });

  it("reads Linear's 200 with `Entity not found` as a missing ticket", async () => {
    const server = await linear();
    expect(await trackerFor(server).lookUp("ENG-404")).toEqual({ tracker: "linear", found: false, error: "not-found" });
  });

  it("reads `issue: null` as a missing ticket too", async () => {
    const server = await linear();
    server.script({ status: 200, body: { data: { issue: null } } });
    expect(await trackerFor(server).lookUp("ENG-123")).toMatchObject({ error: "not-found" });
  });

  it.each([
    [
      "a wrong API key (HTTP 401, AUTHENTICATION_ERROR)",
      undefined,
      "lin_api_revoked",
      { error: "unauthorized", detail: "HTTP 401" },
    ],
    [
      "an AUTHENTICATION_ERROR with HTTP 400",
      { status: 400, body: LINEAR_AUTHENTICATION_ERROR },
      API_KEY,
      { error: "unauthorized", detail: "HTTP 400" },
    ],
    [
      "FORBIDDEN",
      {
        status: 200,
        body: { errors: [{ message: "Forbidden", extensions: { code: "FORBIDDEN", type: "forbidden" } }] },
      },
      API_KEY,
      { error: "unauthorized", detail: "HTTP 200" },
    ],
    [
      "RATELIMITED with HTTP 400 and the reset time",
      { status: 400, headers: { "x-ratelimit-requests-reset": String(1_000_000 + 45_000) }, body: LINEAR_RATE_LIMITED },
      API_KEY,
      { error: "rate-limited", retryAfterSeconds: 45 },
    ],
    [
      "HTTP 429 with Retry-After",
      { status: 429, headers: { "retry-after": "20" }, body: LINEAR_RATE_LIMITED },
      API_KEY,
      { error: "rate-limited", retryAfterSeconds: 20 },
    ],
    [
      "a server error (500)",
      { status: 500, body: "Internal Server Error" },
      API_KEY,
      { error: "unreachable", detail: "HTTP 500" },
    ],
    [
      "another GraphQL error",
      {
        status: 400,
        body: { errors: [{ message: "Cannot query field", extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }] },
      },
      API_KEY,
      { error: "unexpected-response", detail: "HTTP 400, GRAPHQL_VALIDATION_FAILED" },
    ],
    [
      "a body that is not JSON",
      { status: 200, body: "<html>maintenance</html>" },
      API_KEY,
      { error: "unexpected-response", detail: "HTTP 200" },
    ],
  ])("reports %s in the engine's terms", async (_name, reply, apiKey, facts) => {
    const server = await linear();
    if (reply) server.script(reply);

    expect(await trackerFor(server, apiKey, { now: () => 1_000_000 }).lookUp("ENG-123")).toEqual({
      tracker: "linear",
      found: false,
      ...facts,
    });
    expect(server.requests).toHaveLength(1);
  });

  it("ends a request Linear does not answer at the time limit", async () => {
    const server = await linear();
    server.script({ status: 200, hang: true });

    expect(await trackerFor(server, API_KEY, { timeoutMs: 250 }).lookUp("ENG-123")).toEqual({
      tracker: "linear",
      found: false,
      error: "timeout",
      detail: "no answer within 250 ms",
    });
  });

  it("asks Linear once per ticket within the cache period", async () => {
    const server = await linear();
    const tracker = trackerFor(server);
    await tracker.lookUp("ENG-123");
    await tracker.lookUp("eng-123");
    expect(server.requests).toHaveLength(1);
  });
});
