import { describe, expect, it } from "vitest";
import { readJsonLineKey, trackJsonBlocks } from "../../../src/core/readers/track-json-blocks.js";

const positionsAfter = (atFileStart: boolean, lines: string[]) => {
  const tracker = trackJsonBlocks(atFileStart);
  return lines.map((line) => {
    tracker.read(line);
    return tracker.position();
  });
};

describe("trackJsonBlocks", () => {
  it("follows keyed and keyless blocks from the top of a file", () => {
    const after = positionsAfter(true, [
      "{",
      '  "scripts": {',
      '    "a": "b"',
      "  },",
      '  "files": ["dist", "{x}"],',
      '  "pnpm": { "overrides": {',
      "  } }",
    ]);
    expect(after.map((p) => p.keys)).toEqual([
      [null],
      [null, "scripts"],
      [null, "scripts"],
      [null],
      [null],
      [null, "pnpm", "overrides"],
      [null],
    ]);
    expect(after.every((p) => p.known)).toBe(true);
  });

  it("is not known mid-file, and stays empty when closing blocks it never saw", () => {
    const after = positionsAfter(false, ['    "a": "1"', "  },", '  "b": {']);
    expect(after).toEqual([
      { known: false, keys: [] },
      { known: false, keys: [] },
      { known: false, keys: ["b"] },
    ]);
  });

  it("ignores brackets and escaped quotes inside strings", () => {
    expect(positionsAfter(true, ['{ "k\\"{": "v}]"'])[0]?.keys).toEqual([null]);
  });
});

describe("readJsonLineKey", () => {
  it.each([
    ['  "dependencies": {', "dependencies"],
    ['    "@scope/pkg": "^1.0.0",', "@scope/pkg"],
    ['  "dist"', undefined],
    ["  }", undefined],
  ])("%s → %s", (line, key) => {
    expect(readJsonLineKey(line)).toBe(key);
  });
});
