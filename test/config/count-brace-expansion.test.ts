import { braceExpand } from "minimatch";
import { describe, expect, it } from "vitest";
import { countBraceExpansion } from "../../src/config/count-brace-expansion.js";

describe("countBraceExpansion", () => {
  it.each([
    "src/**",
    "src/{checkout,cart}/**",
    "{a,b}{c,d,e}",
    "{a,{b,c}}x{1..3}",
    "{a..e}",
    "{1..10..3}",
    "{10..1}",
    "{x}",
    "{a{b,c}}",
    "\\{a,b}",
    "{a,b\\}",
    "{,a}",
    "{a,b",
    "a}b{c,d}",
    "**/*.{ts,tsx,js,jsx}",
    "{a,b}/{c,{d,e}}/{1..4}",
  ])("counts %s no lower than minimatch expands it", (glob) => {
    const expanded = braceExpand(glob).length;
    const counted = countBraceExpansion(glob);
    expect(counted).toBeGreaterThanOrEqual(expanded);
    expect(counted).toBeLessThanOrEqual(Math.max(expanded * 2, 2));
  });

  it("counts the 2^18 of issue 9 without expanding anything, in well under a millisecond", () => {
    const glob = "{a,b}".repeat(18);
    const started = performance.now();
    expect(countBraceExpansion(glob)).toBe(262_144);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it("counts what the 256-character limit allows (2^51 alternatives) without overflowing", () => {
    expect(countBraceExpansion("{a,b}".repeat(51))).toBe(2 ** 50);
    expect(countBraceExpansion("{1..999999999999}")).toBeGreaterThan(256);
  });
});
