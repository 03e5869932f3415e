import { describe, expect, it } from "vitest";
import { findVersionChanges } from "../../../src/core/readers/find-version-changes.js";
import { file } from "../../../support/build-change.js";

const diff = (...lines: string[]) => lines.join("\n");
const bump = (removed: string, added: string, start = 3) =>
  diff(`@@ -${start},1 +${start},1 @@`, `-${removed}`, `+${added}`);

describe("findVersionChanges: package.json", () => {
  it("reads the root package.json version edit with the head line", () => {
    const patch = diff(
      "@@ -1,4 +1,4 @@",
      " {",
      '   "name": "shop",',
      '-  "version": "1.4.2",',
      '+  "version": "1.4.3",',
      '   "private": true',
    );
    expect(findVersionChanges([file("package.json", { patch })], [])).toEqual([
      { path: "package.json", base: "1.4.2", head: "1.4.3", line: 3 },
    ]);
  });

  it("reads a nested package.json and a hunk that starts mid-file", () => {
    const patch = bump('  "version": "2.0.0",', '  "version": "2.0.1",');
    expect(findVersionChanges([file("packages/ui/package.json", { patch })], [])).toEqual([
      { path: "packages/ui/package.json", base: "2.0.0", head: "2.0.1", line: 3 },
    ]);
  });

  it("ignores a version key inside a nested block", () => {
    const patch = diff("@@ -10,3 +10,3 @@", '   "config": {', '-    "version": "2"', '+    "version": "3"', "   }");
    expect(findVersionChanges([file("package.json", { patch })], [])).toEqual([]);
  });

  it("ignores a package.json whose version did not change", () => {
    const patch = diff(
      "@@ -1,3 +1,3 @@",
      " {",
      '-  "name": "shop",',
      '+  "name": "the-shop",',
      '   "version": "1.4.2",',
    );
    expect(findVersionChanges([file("package.json", { patch })], [])).toEqual([]);
  });

  it("keeps a new package.json's version without a base", () => {
    const patch = diff("@@ -0,0 +1,4 @@", "+{", '+  "name": "new",', '+  "version": "0.1.0"', "+}");
    expect(findVersionChanges([file("packages/new/package.json", { status: "added", patch })], [])).toEqual([
      { path: "packages/new/package.json", head: "0.1.0", line: 3 },
    ]);
  });

  it("ignores files without a diff and files that are not version files", () => {
    expect(
      findVersionChanges(
        [file("package.json"), file("src/version.ts", { patch: bump('version = "1.0.0"', 'version = "1.0.1"') })],
        [],
      ),
    ).toEqual([]);
  });
});

describe("findVersionChanges: versioning.files", () => {
  it.each([
    ["VERSION", "1.4.2", "1.4.3", "1.4.2", "1.4.3"],
    ["VERSION", "v1.4.2", "v1.4.3", "v1.4.2", "v1.4.3"],
    ["Cargo.toml", 'version = "1.4.2"', 'version = "1.4.3"', "1.4.2", "1.4.3"],
    ["pyproject.toml", "version = '1.4.2'", "version = '1.5.0'", "1.4.2", "1.5.0"],
    ["src/shop/__init__.py", '__version__ = "1.4.2"', '__version__ = "1.4.3"', "1.4.2", "1.4.3"],
    ["src/version.ts", 'export const VERSION = "1.4.2";', 'export const VERSION = "1.4.3";', "1.4.2", "1.4.3"],
    ["charts/shop/Chart.yaml", "version: 1.4.2", "version: 1.4.3", "1.4.2", "1.4.3"],
    ["VERSION", 'version = "1.4"', 'version = "1.5"', "1.4", "1.5"],
  ])("%s: %s → %s", (path, removed, added, base, head) => {
    const globs = [
      "VERSION",
      "Cargo.toml",
      "pyproject.toml",
      "src/**/__init__.py",
      "src/version.ts",
      "charts/*/Chart.yaml",
    ];
    expect(findVersionChanges([file(path, { patch: bump(removed, added) })], globs)).toEqual([
      { path, base, head, line: 3 },
    ]);
  });

  it.each([
    ["appVersion: 1.4.2", "appVersion: 1.4.3"],
    ['rust-version = "1.70.0"', 'rust-version = "1.80.0"'],
    ['serde = { version = "1.0.100" }', 'serde = { version = "1.0.200" }'],
    ["release 1.4.2 notes", "release 1.4.3 notes"],
  ])("does not read %s as the file's version", (removed, added) => {
    expect(findVersionChanges([file("Chart.yaml", { patch: bump(removed, added) })], ["Chart.yaml"])).toEqual([]);
  });

  it("reads a VERSION file only when versioning.files lists it", () => {
    expect(findVersionChanges([file("VERSION", { patch: bump("1.4.2", "1.4.3", 1) })], [])).toEqual([]);
  });
});
