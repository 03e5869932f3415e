import { describe, expect, it, vi } from "vitest";
import { createConditionalReadCache } from "../../src/github/conditional-read-cache.js";
import { readConditionally } from "../../src/github/read-conditionally.js";

const CONFIG = "https://api.github.com/repos/o/r/contents/.github%2Fsingle-patch-order.yml";
const RAW = { accept: "application/vnd.github.v3.raw", authorization: "token ghs_one" };
const TEXT = { "content-type": "text/plain; charset=utf-8" };

/** A fetch that answers from `replies` in order and records the headers it was sent. */
function fakeFetch(...replies: Array<() => Response>) {
  const sent: Array<Record<string, string>> = [];
  const fetch = vi.fn(async (_input: string | URL | Request, init?: RequestInit) => {
    sent.push(Object.fromEntries(new Headers(init?.headers)));
    const next = replies.shift();
    if (!next) throw new Error("no reply left");
    return next();
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, sent };
}

const ok = (body: string, etag?: string) => () =>
  new Response(body, { status: 200, headers: { ...TEXT, ...(etag ? { etag } : {}) } });
const notModified = () =>
  new Response(null, { status: 304, headers: { etag: '"v1"', "x-github-request-id": "REQ:304" } });

describe("conditional reads", () => {
  it("asks again with If-None-Match and answers GitHub's 304 with the kept 200", async () => {
    const { fetch, sent } = fakeFetch(ok("scope: {}\n", '"v1"'), notModified);
    const read = readConditionally(fetch, createConditionalReadCache(), 1);

    const first = await read(CONFIG, { method: "GET", headers: RAW });
    const second = await read(CONFIG, { method: "GET", headers: RAW });

    expect(await first.text()).toBe("scope: {}\n");
    expect(sent[0]!["if-none-match"]).toBeUndefined();
    expect(sent[1]!["if-none-match"]).toBe('"v1"');
    expect(second.status).toBe(200);
    expect(second.headers.get("content-type")).toBe(TEXT["content-type"]);
    expect(second.headers.get("x-github-request-id")).toBe("REQ:304");
    expect(second.url).toBe(CONFIG);
    expect(await second.text()).toBe("scope: {}\n");
  });

  it("applies a changed file at once: the 200 with a new ETag replaces the entry", async () => {
    const { fetch, sent } = fakeFetch(ok("a: 1\n", '"v1"'), ok("a: 2\n", '"v2"'), notModified);
    const read = readConditionally(fetch, createConditionalReadCache(), 1);

    await read(CONFIG, { headers: RAW });
    const changed = await read(CONFIG, { headers: RAW });
    const again = await read(CONFIG, { headers: RAW });

    expect(await changed.text()).toBe("a: 2\n");
    expect(sent.map((h) => h["if-none-match"])).toEqual([undefined, '"v1"', '"v2"']);
    expect(await again.text()).toBe("a: 2\n");
  });

  it("never shares an entry between installations, even for a repository of the same name and the same token", async () => {
    const cache = createConditionalReadCache();
    const one = fakeFetch(ok("mine: 1\n", '"v1"'));
    const other = fakeFetch(notModified);
    await readConditionally(one.fetch, cache, 1)(CONFIG, { headers: RAW });

    const answer = await readConditionally(other.fetch, cache, 2)(CONFIG, { headers: RAW });

    expect(other.sent[0]!["if-none-match"]).toBeUndefined();
    expect(answer.status).toBe(304); // a 304 it did not ask for is not answered with installation 1's file
    expect(await answer.text()).toBe("");
  });

  it("reads in full after a token refresh: ETags are specific to the token", async () => {
    const { fetch, sent } = fakeFetch(ok("a: 1\n", '"v1"'), ok("a: 1\n", '"w1"'));
    const read = readConditionally(fetch, createConditionalReadCache(), 1);

    await read(CONFIG, { headers: RAW });
    await read(CONFIG, { headers: { ...RAW, authorization: "token ghs_two" } });

    expect(sent.map((h) => h["if-none-match"])).toEqual([undefined, undefined]);
  });

  it("drops the entry of a file that is gone (404)", async () => {
    const cache = createConditionalReadCache();
    const gone = () => new Response('{"message":"Not Found"}', { status: 404 });
    const { fetch, sent } = fakeFetch(ok("a: 1\n", '"v1"'), gone, ok("a: 3\n", '"v3"'));
    const read = readConditionally(fetch, cache, 1);

    await read(CONFIG, { headers: RAW });
    expect((await read(CONFIG, { headers: RAW })).status).toBe(404);
    await read(CONFIG, { headers: RAW });

    expect(sent.map((h) => h["if-none-match"])).toEqual([undefined, '"v1"', undefined]);
  });

  it.each([
    ["a PR's files", "GET", "https://api.github.com/repos/o/r/pulls/2/files?per_page=100&page=1", {}],
    ["a check run", "POST", "https://api.github.com/repos/o/r/check-runs", {}],
    ["a read with its own condition", "GET", "https://api.github.com/repos/o/r/pulls/2", { "if-modified-since": "x" }],
  ])("leaves %s alone", async (_name, method, url, extra) => {
    const cache = createConditionalReadCache();
    const { fetch, sent } = fakeFetch(ok("{}", '"v1"'), ok("{}", '"v1"'));
    const read = readConditionally(fetch, cache, 1);

    await read(url, { method, headers: { ...RAW, ...extra } });
    await read(url, { method, headers: { ...RAW, ...extra } });

    expect(sent[1]!["if-none-match"]).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});
