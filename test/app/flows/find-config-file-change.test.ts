import { describe, expect, it } from "vitest";
import { findConfigFileChange } from "../../../src/app/flows/find-config-file-change.js";
import type { ChangedFile, FileStatus } from "../../../src/core/change.js";

const file = (path: string, status: FileStatus, previousPath?: string): ChangedFile => ({
  path,
  status,
  additions: 1,
  deletions: 1,
  ...(previousPath ? { previousPath } : {}),
});
const CONFIG = ".github/single-patch-order.yml";

describe("findConfigFileChange", () => {
  it.each([
    ["added", [file(CONFIG, "added")], "added"],
    ["modified", [file("src/a.ts", "modified"), file(CONFIG, "modified")], "modified"],
    ["deleted", [file(CONFIG, "removed")], "removed"],
    ["renamed away: the repository is left without one", [file(".github/spo.yml", "renamed", CONFIG)], "removed"],
    ["renamed to the path: new there", [file(CONFIG, "renamed", ".github/old.yml")], "added"],
    ["copied to the path", [file(CONFIG, "copied", ".github/old.yml")], "added"],
    ["untouched", [file("README.md", "modified"), file(".github/workflows/ci.yml", "added")], undefined],
    ["a look-alike elsewhere", [file("docs/.github/single-patch-order.yml", "added")], undefined],
  ] as const)("%s", (_name, files, expected) => {
    expect(findConfigFileChange(files)).toBe(expected);
  });
});
