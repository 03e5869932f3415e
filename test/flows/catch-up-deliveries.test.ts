import nock from "nock";
import { describe, expect, it } from "vitest";
import { createTokenClient } from "../../src/github/create-token-client.js";
import { catchUpDeliveries, type RedeliveredGuids } from "../../src/flows/catch-up-deliveries.js";
import { SourceError } from "../../src/core/errors.js";
import { API, expectAllMocksDone } from "../helpers/github-nock.js";
import { attempt, OK } from "../helpers/hook-deliveries.js";
import { TestOctokit } from "../helpers/token-octokit.js";

const octokit = () => createTokenClient("jwt-stand-in", API, TestOctokit);
const since = () => new Date(Date.now() - 24 * 3_600_000);
const next = (cursor: string) => ({ link: `<${API}/app/hook/deliveries?per_page=100&cursor=${cursor}>; rel="next"` });

/** Remembers in a set, as the server's in-memory store does. */
function memory(known: string[] = []): RedeliveredGuids & { guids: Set<string> } {
  const guids = new Set(known);
  return {
    guids,
    claim: async (guid) => !guids.has(guid) && Boolean(guids.add(guid)),
    release: async (guid) => void guids.delete(guid),
  };
}

describe("catchUpDeliveries", () => {
  it("reads every cursor page until one reaches past the window, and redelivers what failed on any of them", async () => {
    const page1 = Array.from({ length: 100 }, (_, i) => attempt(`ok-${i}`, 1, OK));
    const failed = attempt("failed", 60, { status: "Invalid HTTP Response: 503", status_code: 503 });
    const page2 = [...Array.from({ length: 99 }, (_, i) => attempt(`ok2-${i}`, 30, OK)), failed];
    const page3 = [attempt("ok3", 23 * 60, OK), attempt("too-old", 25 * 60), attempt("older", 26 * 60)];
    const scope = nock(API)
      .get("/app/hook/deliveries")
      .query({ per_page: "100" })
      .reply(200, page1, next("v1_2"))
      .get("/app/hook/deliveries")
      .query({ per_page: "100", cursor: "v1_2" })
      .reply(200, page2, next("v1_3"))
      .get("/app/hook/deliveries")
      .query({ per_page: "100", cursor: "v1_3" })
      .reply(200, page3, next("v1_4")) // never followed: this page reaches past the window
      .post(`/app/hook/deliveries/${failed.id}/attempts`)
      .reply(202, {});

    const report = await catchUpDeliveries(octokit(), { since: since(), redelivered: memory() });

    expect(scope.isDone()).toBe(true);
    expectAllMocksDone();
    expect(report).toMatchObject({ attempts: 201, pages: 3, unrepaired: 1, alreadyRedelivered: 0, postponed: 0 });
    expect(report.redeliveries.map((r) => [r.guid, r.id, r.outcome])).toEqual([["failed", failed.id, "accepted"]]);
  });

  it("stops at an empty page", async () => {
    nock(API).get("/app/hook/deliveries").query(true).reply(200, [], next("v1_2"));
    nock(API).get("/app/hook/deliveries").query({ per_page: "100", cursor: "v1_2" }).reply(200, []);
    const report = await catchUpDeliveries(octokit(), { since: since(), redelivered: memory() });
    expectAllMocksDone();
    expect(report).toMatchObject({ attempts: 0, pages: 2, unrepaired: 0, redeliveries: [] });
  });

  it("does not redeliver a guid it remembers, nor one the list shows redelivered", async () => {
    const list = [attempt("again", 5, { redelivery: true }), attempt("again", 40), attempt("remembered", 20)];
    nock(API).get("/app/hook/deliveries").query(true).reply(200, list);
    const report = await catchUpDeliveries(octokit(), { since: since(), redelivered: memory(["remembered"]) });
    expectAllMocksDone();
    expect(report).toMatchObject({ unrepaired: 2, alreadyRedelivered: 2, redeliveries: [] });
  });

  it("keeps a guid GitHub refused (4xx) and forgets one that met an error, so that a later pass asks again", async () => {
    const refused = attempt("refused", 30);
    const erred = attempt("erred", 20);
    const ledger = memory();
    nock(API)
      .get("/app/hook/deliveries")
      .query(true)
      .reply(200, [erred, refused])
      .post(`/app/hook/deliveries/${refused.id}/attempts`)
      .reply(422, { message: "Validation Failed" })
      .post(`/app/hook/deliveries/${erred.id}/attempts`)
      .once() // never retried: a 5xx may hide a redelivery GitHub made
      .reply(502, { message: "Bad Gateway" });

    const report = await catchUpDeliveries(octokit(), { since: since(), redelivered: ledger });

    expectAllMocksDone();
    expect(report.redeliveries.map((r) => [r.guid, r.outcome, "status" in r ? r.status : undefined])).toEqual([
      ["refused", "refused", 422],
      ["erred", "error", 502],
    ]);
    expect([...ledger.guids]).toEqual(["refused"]);
  });

  it("asks for nothing once told to stop, and reports what it postponed", async () => {
    nock(API)
      .get("/app/hook/deliveries")
      .query(true)
      .reply(200, [attempt("a", 30), attempt("b", 20)]);
    const report = await catchUpDeliveries(octokit(), {
      since: since(),
      redelivered: memory(),
      keepGoing: () => false,
    });
    expectAllMocksDone();
    expect(report).toMatchObject({ unrepaired: 2, postponed: 2, redeliveries: [] });
  });

  it("reports an error and asks for nothing when the store of redeliveries fails (Redis down)", async () => {
    const failing = attempt("a", 30);
    nock(API).get("/app/hook/deliveries").query(true).reply(200, [failing]);
    const broken: RedeliveredGuids = {
      claim: async () => Promise.reject(new Error("redis down")),
      release: async () => undefined,
    };
    const report = await catchUpDeliveries(octokit(), { since: since(), redelivered: broken });
    expectAllMocksDone();
    expect(report.redeliveries).toMatchObject([
      { guid: "a", outcome: "error", reason: expect.stringContaining("redis down") },
    ]);
  });

  it("throws a SourceError naming the list when GitHub refuses the App's key", async () => {
    nock(API).get("/app/hook/deliveries").query(true).reply(401, { message: "A JSON web token could not be decoded" });
    const error = await catchUpDeliveries(octokit(), { since: since(), redelivered: memory() }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SourceError);
    expect((error as Error).message).toBe(
      "GitHub answered 401 while listing the App's webhook deliveries: A JSON web token could not be decoded",
    );
  });
});
