import { describe, expect, it } from "vitest";
import {
  findPreviousRelease,
  isPatchBump,
  nextPatch,
  parseReleaseTag,
} from "../../../src/core/release/release-version.js";

describe("parseReleaseTag", () => {
  it.each([
    ["1.4.3", "1.4.3"],
    ["v1.4.3", "1.4.3"],
    ["v1.4.3-rc.1", "1.4.3-rc.1"],
    ["v2.0.0+build.7", "2.0.0"],
    ["release-1.4.3", undefined],
    ["1.4", undefined],
    ["=1.4.3", undefined],
    ["V1.4.3", undefined],
    ["v01.4.3", undefined],
    ["vv1.4.3", undefined],
    ["", undefined],
  ])("%j → %j", (tag, version) => {
    expect(parseReleaseTag(tag)?.version).toBe(version);
  });
});

describe("findPreviousRelease", () => {
  const tags = ["v1.4.2", "v1.5.0-rc.1", "nightly", "v1.3.9", "v1.4.10", "1.4.2", "v1.4.3"].map((name, i) => ({
    name,
    sha: `sha${i}`,
  }));

  it.each([
    ["1.4.3", "v1.4.2"],
    ["1.4.3-rc.1", "v1.4.2"],
    ["1.4.11", "v1.4.10"],
    ["1.5.0", "v1.4.10"],
    ["1.3.9", undefined],
  ])(
    "below %s is %s (highest stable, pre-releases and non-versions ignored, the v tag preferred)",
    (version, previous) => {
      expect(findPreviousRelease(tags, parseReleaseTag(version)!)?.tag).toBe(previous);
    },
  );

  it("returns the tag's commit and version", () => {
    expect(findPreviousRelease(tags, parseReleaseTag("1.4.3")!)).toEqual({
      tag: "v1.4.2",
      version: "1.4.2",
      sha: "sha0",
    });
  });
});

describe("isPatchBump", () => {
  it.each([
    ["1.4.2", "1.4.3", true],
    ["1.4.2", "1.4.3-rc.1", true],
    ["1.4.2", "1.4.4", false],
    ["1.4.2", "1.5.0", false],
    ["1.4.2", "2.0.0", false],
    ["1.4.2", "1.4.2", false],
  ])("%s → %s: %s", (previous, version, expected) => {
    expect(isPatchBump(previous, parseReleaseTag(version)!)).toBe(expected);
  });

  it("names the expected patch", () => {
    expect(nextPatch("1.4.2")).toBe("1.4.3");
  });
});
