import { describe, expect, it } from "vitest";
import { compileGlob, findGlobProblem } from "../../src/config/compile-glob.js";
import { parseConfig } from "../../src/config/parse-config.js";
import { ConfigError } from "../../src/config/config-error.js";

describe("compileGlob", () => {
  it("matches in linear time a glob that makes minimatch backtrack for seconds", () => {
    const matches = compileGlob("*a*a*a*a*a*a*a*a*a*a*a*a*b");
    expect(matches("a".repeat(5_000))).toBe(false);
    expect(matches(`${"a".repeat(5_000)}b`)).toBe(true);
  });

  it.each([
    ["**/*.test.*", "src/a/b.test.ts", true],
    ["**/*.test.*", ".github/x.test.yml", true],
    ["hotfix/**", "hotfix/a/b", true],
    ["hotfix/**", "hotfixes/a", false],
    ["src/{checkout,cart}/**", "src/cart/x.ts", true],
    ["**/*.+(ts|js)", "a/b.js", true],
    ["a\\*b", "a*b", true],
    ["a\\*b", "axb", false],
  ])("%s on %s → %s", (glob, path, expected) => {
    expect(compileGlob(glob)(path)).toBe(expected);
  });

  it("refuses a negated extglob, which needs lookahead, and the config names the key path", () => {
    expect(findGlobProblem("src/**")).toBeUndefined();
    expect(findGlobProblem("!(vendor)/**")).toMatch(/unsupported/);
    const error = (() => {
      try {
        parseConfig({ tests: { paths: ["**/*.test.*", "!(vendor)/**"] } }, "test");
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems[0]).toMatch(/^tests\.paths\.1: invalid glob: /);
  });
});
