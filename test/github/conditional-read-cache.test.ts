import { describe, expect, it } from "vitest";
import { type CachedRead, createConditionalReadCache } from "../../src/github/conditional-read-cache.js";

const read = (etag: string, bytes = 10): CachedRead => ({ etag, headers: [], body: new Uint8Array(bytes) });

describe("the conditional read cache", () => {
  it("keeps at most maxEntries, dropping the least recently used first", () => {
    const cache = createConditionalReadCache({ maxEntries: 2, maxBytes: 1_000_000 });
    cache.set("a", read('"a"'));
    cache.set("b", read('"b"'));
    expect(cache.get("a")?.etag).toBe('"a"'); // a is now the most recently used
    cache.set("c", read('"c"'));

    expect(cache.size).toBe(2);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")?.etag).toBe('"a"');
    expect(cache.get("c")?.etag).toBe('"c"');
  });

  it("keeps at most maxBytes of bodies, keys and headers, dropping the oldest first", () => {
    const cache = createConditionalReadCache({ maxEntries: 100, maxBytes: 1_000 });
    for (const key of ["k1", "k2", "k3", "k4", "k5"]) cache.set(key, read('"e"', 200));

    expect(cache.bytes).toBeLessThanOrEqual(1_000);
    expect(cache.size).toBe(4); // 5 × (200 + 2 × (2 + 3)) = 1,050 bytes: k1 went
    expect(cache.get("k1")).toBeUndefined();
    expect(cache.get("k5")).toBeDefined();
  });

  it("does not keep an answer larger than a quarter of the bytes, and drops what the key held", () => {
    const cache = createConditionalReadCache({ maxEntries: 100, maxBytes: 1_000 });
    cache.set("tree", read('"small"', 100));
    cache.set("tree", read('"huge"', 300));

    expect(cache.get("tree")).toBeUndefined();
    expect(cache.size).toBe(0);
    expect(cache.bytes).toBe(0);
  });

  it("replaces an entry at once and counts its bytes once", () => {
    const cache = createConditionalReadCache({ maxEntries: 10, maxBytes: 10_000 });
    cache.set("config", read('"v1"', 100));
    cache.set("config", read('"v2"', 50));

    expect(cache.get("config")?.etag).toBe('"v2"');
    expect(cache.size).toBe(1);
    expect(cache.bytes).toBe(50 + 2 * ("config".length + 4));
    cache.delete("config");
    expect(cache.bytes).toBe(0);
  });
});
