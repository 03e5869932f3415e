import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Sha1 } from "../../../src/core/forward-port/sha1.js";

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");

describe("Sha1 (the engine's own, for git's patch ids)", () => {
  it.each([0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 100_000])("agrees with node:crypto on %i bytes", (n) => {
    const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) % 256);
    expect(hex(new Sha1().update(bytes).digest())).toBe(createHash("sha1").update(bytes).digest("hex"));
  });

  it("gives the same digest fed in pieces of any size", () => {
    const bytes = new TextEncoder().encode("diff --git a/f b/f\n-old\n+new\n".repeat(50));
    const pieces = new Sha1();
    for (let at = 0; at < bytes.length; at += 7) pieces.update(bytes.subarray(at, at + 7));
    expect(hex(pieces.digest())).toBe(createHash("sha1").update(bytes).digest("hex"));
  });

  it("knows the standard vector", () => {
    expect(hex(new Sha1().update(new TextEncoder().encode("abc")).digest())).toBe(
      "a9993e364706816aba3e25717850c26c9cd0d89d",
    );
  });
});
