import { minimatch } from "minimatch";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../../src/config/parse-config.js";
import { classifyFile, matchesAny } from "../../../src/core/readers/classify-file.js";

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

describe("classifyFile: each ecosystem's conventions (SPEC §9)", () => {
  it.each([
    ["internal/storage/fs/snapshot_test.go", "test"],
    ["internal/oci/testdata/default.yml", "test"],
    ["spec/models/domain_spec.rb", "test"],
    ["spec/factories/user.rb", "test"],
    ["hc/front/tests/test_ping.py", "test"],
    ["app/test_utils_test.py", "test"],
    ["hutool-core/src/test/resources/image/a.png", "test"],
    ["retrofit/src/main/java/retrofit2/RetrofitTest.java", "test"],
    ["app/src/androidTest/java/A.kt", "test"],
    ["core/src/main/kotlin/CallTest.kt", "test"],
    ["tests/Jellyfin.Controller.Tests/ClientEventLoggerTests.cs", "test"],
    ["src/Api.Tests/Controllers.cs", "test"],
    ["tests/Api/BooksApiTest.php", "test"],
    ["test/hexpm_web/blog_controller_test.exs", "test"],
    ["packages-private/dts-test/setupHelpers.test-d.ts", "test"],
    ["t/controller/account.t", "test"],
    ["crates/ignore/src/walk.rs", "production"],
    [".github/workflows/ci.yml", "meta"],
    [".gitlab-ci.yml", "meta"],
    [".editorconfig", "meta"],
    ["src/.eslintrc.json", "meta"],
    ["CHANGELOG.md", "doc"],
    ["src/testing/tools.ts", "production"],
  ])("%s is %s", (path, kind) => {
    expect(classifyFile(path, DEFAULT_CONFIG)).toBe(kind);
  });
});

describe("matchesAny caseless", () => {
  it("matches migration folders in either case, and only when asked", () => {
    expect(matchesAny("src/Data/Migrations/2026_X.cs", DEFAULT_CONFIG.migrations.paths, { caseless: true })).toBe(true);
    expect(matchesAny("src/Data/Migrations/2026_X.cs", ["**/migrations/**"])).toBe(false);
  });
});
