import { describe, expect, it } from "vitest";
import { findDependencyChanges } from "../../../src/core/readers/find-dependency-changes.js";
import { file } from "../../../support/build-change.js";

const diff = (...lines: string[]) => lines.join("\n");
const find = (path: string, patch?: string, overrides = {}) =>
  findDependencyChanges([file(path, { ...(patch === undefined ? {} : { patch }), ...overrides })]);

describe("findDependencyChanges: lockfiles", () => {
  it.each([
    "package-lock.json",
    "npm-shrinkwrap.json",
    "yarn.lock",
    "pnpm-lock.yaml",
    "bun.lock",
    "bun.lockb",
    "Gemfile.lock",
    "Cargo.lock",
    "go.sum",
    "poetry.lock",
    "Pipfile.lock",
    "composer.lock",
    "uv.lock",
    "mix.lock",
    "pubspec.lock",
    "Podfile.lock",
    "packages.lock.json",
    "gradle.lockfile",
    "apps/web/yarn.lock",
  ])("%s is a lockfile, whatever its diff", (path) => {
    expect(find(path)).toEqual([{ path, reason: "is a lockfile" }]);
  });

  it("counts a removed lockfile and a lockfile renamed away", () => {
    expect(find("yarn.lock", undefined, { status: "removed" })).toHaveLength(1);
    expect(find("old/yarn.lock.bak", undefined, { status: "renamed", previousPath: "yarn.lock" })).toEqual([
      { path: "old/yarn.lock.bak", reason: "is a lockfile" },
    ]);
  });

  it.each(["src/package-lock.ts", "docs/yarn.lock.md", "src/checkout/discount.ts", "README.md"])(
    "%s is not a dependency file",
    (path) => {
      expect(find(path, diff("@@ -1 +1 @@", "-a", "+b"))).toEqual([]);
    },
  );
});

describe("findDependencyChanges: package.json", () => {
  it("does not count an edit of the version only", () => {
    const patch = diff(
      "@@ -1,4 +1,4 @@",
      " {",
      '   "name": "shop",',
      '-  "version": "1.4.2",',
      '+  "version": "1.4.3",',
      '   "private": true',
    );
    expect(find("package.json", patch)).toEqual([]);
  });

  it("does not count a version edit in a hunk that starts mid-file", () => {
    const patch = diff(
      "@@ -2,3 +2,3 @@",
      '   "name": "shop",',
      '-  "version": "1.4.2",',
      '+  "version": "1.4.3",',
      '   "private": true,',
    );
    expect(find("package.json", patch)).toEqual([]);
  });

  it("counts an edit inside a dependency block the hunk shows, at the head line of the edit", () => {
    const patch = diff(
      "@@ -10,5 +10,5 @@",
      '   "dependencies": {',
      '     "express": "^4.18.0",',
      '-    "lodash": "^4.17.20",',
      '+    "lodash": "^4.17.21",',
      '     "zod": "^4.0.0"',
    );
    expect(find("package.json", patch)).toEqual([{ path: "package.json", reason: "changes `dependencies`", line: 12 }]);
  });

  it("counts a dependency edit whose hunk lacks the block header, by its shape", () => {
    const patch = diff(
      "@@ -20,3 +20,3 @@",
      '     "express": "^4.18.0",',
      '-    "lodash": "^4.17.20",',
      '+    "lodash": "^4.17.21",',
      '     "zod": "^4.0.0"',
    );
    expect(find("packages/api/package.json", patch)).toEqual([
      { path: "packages/api/package.json", reason: "changes the version of `lodash`", line: 21 },
    ]);
  });

  it.each([
    ["a protocol", '"shared": "workspace:*"'],
    ["a git URL", '"fork": "git+https://github.com/o/r.git"'],
    ["a dist-tag", '"next-thing": "latest"'],
  ])("reads %s as a dependency version when the block is not shown", (_, entry) => {
    const patch = diff("@@ -20,2 +20,2 @@", `-    ${entry},`, `+    ${entry.replace(/"$/, 'x"')},`);
    expect(find("package.json", patch)).toHaveLength(1);
  });

  it.each([
    ["a script", '-    "build": "tsc",', '+    "build": "tsc -p .",'],
    ["an engines entry", '-    "node": ">=18"', '+    "node": ">=20"'],
    ["the entry point", '-  "main": "index.js",', '+  "main": "dist/index.js",'],
  ])("does not count %s when the block is not shown", (_, removed, added) => {
    expect(find("package.json", diff("@@ -30,2 +30,2 @@", removed, added))).toEqual([]);
  });

  it("does not count an edit in a non-dependency block the hunk shows, even if it looks like a version", () => {
    const patch = diff("@@ -5,4 +5,4 @@", '   "engines": {', '-    "node": "18",', '+    "node": "20",', "   },");
    expect(find("package.json", patch)).toEqual([]);
  });

  it("follows blocks closing and opening inside the hunk", () => {
    const patch = diff(
      "@@ -5,8 +5,8 @@",
      '   "scripts": {',
      '     "test": "vitest"',
      "   },",
      '   "devDependencies": {',
      '-    "vitest": "^3.0.0"',
      '+    "vitest": "^4.0.0"',
      "   }",
    );
    expect(find("package.json", patch)).toEqual([
      { path: "package.json", reason: "changes `devDependencies`", line: 9 },
    ]);
  });

  it("names pnpm.overrides and lists several blocks once each", () => {
    const patch = diff(
      "@@ -1,12 +1,12 @@",
      " {",
      '   "dependencies": {',
      '-    "a": "1.0.0",',
      '+    "a": "1.0.1",',
      '-    "b": "1.0.0"',
      '+    "b": "1.0.1"',
      "   },",
      '   "pnpm": {',
      '     "overrides": {',
      '-      "c": "1.0.0"',
      '+      "c": "1.0.1"',
      "     }",
      "   }",
      " }",
    );
    expect(find("package.json", patch)).toEqual([
      { path: "package.json", reason: "changes `dependencies`, `pnpm.overrides`", line: 3 },
    ]);
  });

  it("counts a dependency block added by the change", () => {
    const patch = diff(
      "@@ -8,2 +8,5 @@",
      '   "license": "MIT",',
      '+  "peerDependencies": {',
      '+    "react": "^19.0.0"',
      "+  },",
      '   "type": "module"',
    );
    expect(find("package.json", patch)).toEqual([
      { path: "package.json", reason: "changes `peerDependencies`", line: 9 },
    ]);
  });

  it("judges a removed line against the base side, so a moved block is still seen", () => {
    const patch = diff(
      "@@ -3,4 +3,3 @@",
      '   "optionalDependencies": {',
      '-    "fsevents": "^2.3.0",',
      '     "other": "1.0.0"',
      "   }",
    );
    expect(find("package.json", patch)).toEqual([
      { path: "package.json", reason: "changes `optionalDependencies`", line: 4 },
    ]);
  });

  it("counts a manifest whose diff is missing, and says so", () => {
    expect(find("package.json")).toEqual([
      {
        path: "package.json",
        reason: "is a dependency manifest and its diff is not available, so it counts as changed",
      },
    ]);
  });

  it("does not count a pure rename without a diff", () => {
    expect(
      find("app/package.json", undefined, {
        status: "renamed",
        previousPath: "package.json",
        additions: 0,
        deletions: 0,
      }),
    ).toEqual([]);
  });

  it("gives no line for a removed manifest", () => {
    const patch = diff("@@ -1,5 +0,0 @@", "-{", '-  "dependencies": {', '-    "a": "1.0.0"', "-  }", "-}");
    expect(find("old/package.json", patch, { status: "removed" })).toEqual([
      { path: "old/package.json", reason: "changes `dependencies`" },
    ]);
  });
});

describe("findDependencyChanges: composer.json", () => {
  it("counts require and not the description", () => {
    const patch = diff(
      "@@ -1,6 +1,6 @@",
      " {",
      '-  "description": "Shop",',
      '+  "description": "The shop",',
      '   "require": {',
      '-    "monolog/monolog": "^2.0"',
      '+    "monolog/monolog": "^3.0"',
    );
    expect(find("composer.json", patch)).toEqual([{ path: "composer.json", reason: "changes `require`", line: 4 }]);
  });
});

describe("findDependencyChanges: Cargo.toml", () => {
  it.each([
    ["[dependencies]", "`[dependencies]`"],
    ["[dev-dependencies]", "`[dev-dependencies]`"],
    ["[build-dependencies]", "`[build-dependencies]`"],
    ["[workspace.dependencies]", "`[workspace.dependencies]`"],
    ["[target.'cfg(unix)'.dependencies]", "`[target.cfg(unix).dependencies]`"],
    ["[dependencies.serde]", "`[dependencies.serde]`"],
  ])("counts an edit under %s", (header, label) => {
    const patch = diff("@@ -8,3 +8,3 @@", ` ${header}`, '-serde = "1.0.100"', '+serde = "1.0.200"');
    expect(find("Cargo.toml", patch)).toEqual([{ path: "Cargo.toml", reason: `changes ${label}`, line: 9 }]);
  });

  it("does not count the package version", () => {
    const patch = diff("@@ -1,3 +1,3 @@", " [package]", ' name = "shop"', '-version = "1.4.2"', '+version = "1.4.3"');
    expect(find("Cargo.toml", patch)).toEqual([]);
  });

  it("does not count a profile edit under a header the hunk shows", () => {
    const patch = diff("@@ -20,2 +20,2 @@", " [profile.release]", '-lto = "thin"', '+lto = "fat"');
    expect(find("Cargo.toml", patch)).toEqual([]);
  });

  it.each([
    ['-serde = "1.0.100"', "serde"],
    ['-tokio = { version = "1", features = ["full"] }', "tokio"],
    ["-shared.workspace = true", "shared"],
  ])("reads %s by its shape when the hunk shows no header", (line, name) => {
    expect(find("crates/api/Cargo.toml", diff("@@ -30,1 +30,0 @@", line))[0]?.reason).toBe(
      `changes the version of \`${name}\``,
    );
  });

  it("does not count an edition edit by its shape", () => {
    expect(find("Cargo.toml", diff("@@ -4,1 +4,1 @@", '-edition = "2021"', '+edition = "2024"'))).toEqual([]);
  });

  it("takes the table from the hunk header's context when git shows it", () => {
    expect(
      find("Cargo.toml", diff("@@ -12,1 +12,1 @@ [dev-dependencies]", '-pretty = "0.1"', '+pretty = "0.2"'))[0]?.reason,
    ).toBe("changes `[dev-dependencies]`");
  });
});

describe("findDependencyChanges: pyproject.toml", () => {
  it("counts the project dependencies array the hunk shows, not the version", () => {
    const patch = diff(
      "@@ -1,7 +1,7 @@",
      " [project]",
      ' name = "shop"',
      '-version = "1.4.2"',
      '+version = "1.4.3"',
      " dependencies = [",
      '-  "requests>=2.30",',
      '+  "requests>=2.32",',
      " ]",
    );
    expect(find("pyproject.toml", patch)).toEqual([
      { path: "pyproject.toml", reason: "changes `project.dependencies`", line: 5 },
    ]);
  });

  it("does not count a classifiers array the hunk shows", () => {
    const patch = diff(
      "@@ -5,3 +5,3 @@",
      " classifiers = [",
      '-  "Development Status :: 4 - Beta",',
      '+  "Development Status :: 5 - Production/Stable",',
    );
    expect(find("pyproject.toml", patch)).toEqual([]);
  });

  it.each([
    ["[tool.poetry.dependencies]", '-python = "^3.11"'],
    ["[tool.poetry.group.dev.dependencies]", '-pytest = "^8.0"'],
    ["[project.optional-dependencies]", '-test = ["pytest"]'],
  ])("counts an edit under %s", (header, line) => {
    expect(find("pyproject.toml", diff("@@ -10,2 +10,1 @@", ` ${header}`, line))).toHaveLength(1);
  });

  it("counts a single-line dependencies array", () => {
    expect(
      find(
        "pyproject.toml",
        diff("@@ -1,2 +1,2 @@", " [project]", '-dependencies = ["a"]', '+dependencies = ["a", "b"]'),
      )[0]?.reason,
    ).toBe("changes `project.dependencies`");
  });

  it("counts build-system requires", () => {
    expect(
      find(
        "pyproject.toml",
        diff("@@ -1,2 +1,2 @@", " [build-system]", '-requires = ["hatchling"]', '+requires = ["hatchling>=1.20"]'),
      ),
    ).toHaveLength(1);
  });

  it("reads a requirement line by its shape when the hunk starts inside the array", () => {
    expect(
      find("pyproject.toml", diff("@@ -12,1 +12,1 @@", '-  "requests>=2.30",', '+  "requests>=2.32",'))[0]?.reason,
    ).toBe("changes the requirement `requests`");
  });

  it("does not read a keyword line as a requirement", () => {
    expect(find("pyproject.toml", diff("@@ -12,1 +12,1 @@", '-  "http",', '+  "https",'))).toEqual([]);
  });
});

describe("findDependencyChanges: .NET project files", () => {
  it("counts a PackageReference line", () => {
    const patch = diff(
      "@@ -8,1 +8,1 @@",
      '-    <PackageReference Include="Newtonsoft.Json" Version="13.0.1" />',
      '+    <PackageReference Include="Newtonsoft.Json" Version="13.0.3" />',
    );
    expect(find("src/Api/Api.csproj", patch)).toEqual([
      { path: "src/Api/Api.csproj", reason: "changes a `PackageReference`", line: 8 },
    ]);
  });

  it("counts a version inside a multi-line PackageReference", () => {
    const patch = diff(
      "@@ -8,3 +8,3 @@",
      '     <PackageReference Include="Serilog">',
      "-      <Version>3.0.0</Version>",
      "+      <Version>3.1.0</Version>",
      "     </PackageReference>",
    );
    expect(find("Api.fsproj", patch)).toHaveLength(1);
  });

  it("does not count other project settings", () => {
    const patch = diff(
      "@@ -3,1 +3,1 @@",
      "-    <TargetFramework>net8.0</TargetFramework>",
      "+    <TargetFramework>net9.0</TargetFramework>",
    );
    expect(find("Api.csproj", patch)).toEqual([]);
  });
});

describe("findDependencyChanges: manifests that are mostly dependencies", () => {
  it.each([
    "go.mod",
    "requirements.txt",
    "requirements-dev.txt",
    "requirements/prod.txt",
    "constraints.txt",
    "pom.xml",
    "Gemfile",
    "Pipfile",
    "build.gradle",
    "build.gradle.kts",
    "Directory.Packages.props",
  ])("counts any edit of %s and names the line", (path) => {
    expect(find(path, diff("@@ -3,1 +3,1 @@", "-old line", "+new line"))).toEqual([
      { path, reason: "changes `old line`, `new line`", line: 3 },
    ]);
  });

  it("does not count comments or blank lines", () => {
    expect(find("go.mod", diff("@@ -3,2 +3,2 @@", "-// old comment", "+// new comment", "+"))).toEqual([]);
    expect(find("requirements.txt", diff("@@ -1,1 +1,1 @@", "-# pinned", "+# pinned for CVE"))).toEqual([]);
  });

  it("names at most three lines", () => {
    const patch = diff(
      "@@ -3,3 +3,3 @@",
      "-require a v1",
      "-require b v1",
      "-require c v1",
      "+require a v2",
      "+require b v2",
      "+require c v2",
    );
    expect(find("go.mod", patch)[0]?.reason).toBe("changes `require a v1`, `require b v1`, `require c v1` and 3 more");
  });
});
