import { describe, expect, it } from "vitest";
import { readPatchHunks } from "../../../src/core/readers/read-patch-hunks.js";

describe("readPatchHunks", () => {
  it("numbers context, added and removed lines on both sides", () => {
    const hunks = readPatchHunks(["@@ -10,3 +10,3 @@ function f() {", " a", "-b", "+c", " d"].join("\n"));
    expect(hunks).toEqual([
      {
        baseStart: 10,
        headStart: 10,
        section: "function f() {",
        lines: [
          { kind: "context", text: "a", baseLine: 10, headLine: 10 },
          { kind: "removed", text: "b", baseLine: 11, headLine: 11 },
          { kind: "added", text: "c", headLine: 11 },
          { kind: "context", text: "d", baseLine: 12, headLine: 12 },
        ],
      },
    ]);
  });

  it("reads several hunks, and counts omitted as 1", () => {
    const hunks = readPatchHunks(["@@ -1 +1 @@", "-x", "+y", "@@ -20,2 +20,3 @@", " p", "+q", " r"].join("\n"));
    expect(hunks.map((h) => [h.baseStart, h.headStart, h.lines.length])).toEqual([
      [1, 1, 2],
      [20, 20, 3],
    ]);
    expect(hunks[1]?.lines[1]).toEqual({ kind: "added", text: "q", headLine: 21 });
  });

  it("ignores file headers and the no-newline marker, even when they look like diff lines", () => {
    const patch = [
      "diff --git a/x b/x",
      "--- a/x",
      "+++ b/x",
      "@@ -1,1 +1,1 @@",
      "-old",
      "\\ No newline at end of file",
      "+new",
      "\\ No newline at end of file",
    ].join("\n");
    expect(readPatchHunks(patch)[0]?.lines.map((l) => `${l.kind}:${l.text}`)).toEqual(["removed:old", "added:new"]);
  });

  it("keeps an added line that starts with +++ or a removed line that starts with ---", () => {
    const hunks = readPatchHunks(["@@ -1,1 +1,1 @@", "---- rule", "++++ rule"].join("\n"));
    expect(hunks[0]?.lines.map((l) => `${l.kind}:${l.text}`)).toEqual(["removed:--- rule", "added:+++ rule"]);
  });

  it("reads an empty context line whose space was stripped", () => {
    const hunks = readPatchHunks(["@@ -1,3 +1,3 @@", " a", "", "-b", "+c"].join("\n"));
    expect(hunks[0]?.lines.map((l) => l.kind)).toEqual(["context", "context", "removed", "added"]);
  });

  it("returns no hunks for text that is not a diff", () => {
    expect(readPatchHunks("Binary files differ")).toEqual([]);
  });
});
