import { describe, expect, it } from "vitest";
import { readTomlHeader, readTomlLineKey, trackTomlTables } from "../../../src/core/readers/track-toml-tables.js";

describe("trackTomlTables", () => {
  it("follows tables and multi-line arrays", () => {
    const tracker = trackTomlTables("");
    const seen = [
      "[project]",
      'name = "x"',
      "dependencies = [",
      '  "a>=1", # comment ]',
      '  { x = "]" },',
      "]",
      "[tool.poetry.dependencies]",
    ].map((line) => {
      tracker.read(line);
      return tracker.position();
    });
    expect(seen).toEqual([
      { table: "project" },
      { table: "project" },
      { table: "project", arrayKey: "dependencies" },
      { table: "project", arrayKey: "dependencies" },
      { table: "project", arrayKey: "dependencies" },
      { table: "project" },
      { table: "tool.poetry.dependencies" },
    ]);
  });

  it("starts unknown mid-file and forgets an array it closes without having seen it open", () => {
    const tracker = trackTomlTables(undefined);
    expect(tracker.position()).toEqual({});
    tracker.read('  "a",');
    tracker.read("]");
    tracker.read("keywords = [");
    expect(tracker.position()).toEqual({ arrayKey: "keywords" });
  });
});

describe("readTomlHeader and readTomlLineKey", () => {
  it.each([
    ["[dependencies]", "dependencies"],
    ["[[bin]]", "bin"],
    ["[ target . 'cfg(unix)' . dependencies ]  # comment", "target.cfg(unix).dependencies"],
    ['name = "x"', undefined],
    ['["a", "b"],', undefined],
  ])("header %s → %s", (line, table) => {
    expect(readTomlHeader(line)).toBe(table);
  });

  it.each([
    ['serde = "1"', "serde"],
    ["shared.workspace = true", "shared.workspace"],
    ['"quoted-key" = 1', "quoted-key"],
    ['  "requests>=2",', undefined],
  ])("key %s → %s", (line, key) => {
    expect(readTomlLineKey(line)).toBe(key);
  });
});
