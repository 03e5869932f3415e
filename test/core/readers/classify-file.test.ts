import { minimatch } from "minimatch";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../../src/config/parse-config.js";
import { matchesAny } from "../../../src/core/readers/classify-file.js";

const GLOBS = [
  ...DEFAULT_CONFIG.tests.paths,
  ...DEFAULT_CONFIG.docs.paths,
  ...DEFAULT_CONFIG.migrations.paths,
  ...DEFAULT_CONFIG.hotfix.branches,
  ...DEFAULT_CONFIG.base.branches,
  "release/**",
  "apps/**",
  "src/{checkout,cart}/**",
  "**/[Tt]est?/**",
  "**/*.+(ts|js)",
  "a/**/b",
  "**",
  "a\\*b",
  "**/.github/**",
  "*.md",
];
const PATHS = [
  "release",
  "release/1.4",
  "apps",
  "apps/web/src/index.tsx",
  "src/checkout/discount.ts",
  "src/checkout/discount.test.ts",
  "src/cart/a.spec.js",
  "lib/tests/x.py",
  "pkg/Tests/y.go",
  "docs/guide.md",
  "README.md",
  "CHANGELOG",
  "db/migrations/001_init.sql",
  "vendor/x.js",
  "a*b",
  ".github/workflows/ci.yml",
  "hotfix/SHOP-42",
  "hotfix-1",
  "main",
  "a/b",
  "a/x/y/b",
  "release/",
];

describe("matchesAny", () => {
  it.each(GLOBS)("agrees with minimatch for %s on every path", (glob) => {
    const expected = PATHS.filter((path) => minimatch(path, glob, { dot: true, nocomment: true, nonegate: true }));
    expect(PATHS.filter((path) => matchesAny(path, [glob]))).toEqual(expected);
  });
});
