import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, parseConfig } from "../../../src/config/parse-config.js";
import { findScope as findFileScope } from "../../../src/core/readers/find-scope.js";
import { findUnits } from "../../../src/core/readers/scopes/find-units.js";
import type { Unit } from "../../../src/core/readers/scopes/unit.js";
import { buildChange } from "../../../support/build-change.js";

const scope = DEFAULT_CONFIG.scope;
const findScope = (path: string, s: Parameters<typeof findFileScope>[1], units: readonly Unit[]) =>
  findFileScope(path, s, units)?.name;
/** The units of a repository whose root package.json declares these workspaces. */
const workspaces = (globs: string[]) =>
  findUnits(buildChange({ contents: { base: { "package.json": JSON.stringify({ workspaces: globs }) }, head: {} } }));

describe("findScope without declared scopes or workspaces", () => {
  it.each([
    ["src/checkout/discount.ts", "src/checkout"],
    ["src/checkout/deep/nested/x.ts", "src/checkout"],
    ["services/billing/main.go", "services/billing"],
    ["src/index.ts", "src"],
    ["scripts/deploy.sh", "scripts"],
    ["scripts/ci/deploy.sh", "scripts"],
    ["Dockerfile", "(root)"],
    [".github/workflows/ci.yml", ".github"],
  ])("%s → %s", (path, expected) => {
    expect(findScope(path, scope, [])).toBe(expected);
  });

  it("uses the configured containers", () => {
    const config = parseConfig({ scope: { containers: ["code"] } }, "test");
    expect(findScope("code/a/x.ts", config.scope, [])).toBe("code/a");
    expect(findScope("src/a/x.ts", config.scope, [])).toBe("src");
  });
});

describe("findScope with workspaces", () => {
  it.each([
    [["packages/*"], "packages/ui/src/button.ts", "packages/ui"],
    [["./packages/*/"], "packages/ui/src/button.ts", "packages/ui"],
    [["packages/*", "packages/*/plugins/*"], "packages/ui/plugins/dark/index.ts", "packages/ui/plugins/dark"],
    [["packages/*", "packages/*/plugins/*"], "packages/ui/src/index.ts", "packages/ui"],
    [["apps/**"], "apps/web/src/pages/index.tsx", "apps/web"],
    [["libs/*", "!libs/legacy"], "libs/ui/src/x.ts", "libs/ui"],
    [["libs/*", "!libs/legacy"], "libs/legacy/src/x.ts", "libs"],
    [["packages/*"], "tools/lint/index.ts", "tools"],
    [["packages/*"], "src/checkout/x.ts", "src/checkout"],
    [["packages/*"], "package.json", "(root)"],
  ])("%j: %s → %s", (globs, path, expected) => {
    expect(findScope(path, scope, workspaces(globs))).toBe(expected);
  });
});

describe("findScope with declared scopes", () => {
  const config = parseConfig(
    { scope: { scopes: { checkout: ["src/checkout/**", "api/checkout/**"], payments: ["src/pay*/**"] } } },
    "test",
  );

  it.each([
    ["src/checkout/x.ts", "checkout"],
    ["api/checkout/routes.ts", "checkout"],
    ["src/payments/x.ts", "payments"],
    ["src/search/x.ts", undefined],
  ])("%s → %s", (path, expected) => {
    expect(findScope(path, config.scope, workspaces(["packages/*"]))).toBe(expected);
  });

  it("takes the first declared scope that matches", () => {
    const overlapping = parseConfig({ scope: { scopes: { first: ["src/**"], second: ["src/checkout/**"] } } }, "test");
    expect(findScope("src/checkout/x.ts", overlapping.scope, [])).toBe("first");
  });

  it("reads an empty scopes mapping as no declared scopes", () => {
    const empty = parseConfig({ scope: { scopes: {} } }, "test");
    expect(findScope("src/checkout/x.ts", empty.scope, [])).toBe("src/checkout");
  });
});
