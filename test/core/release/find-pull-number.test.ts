import { describe, expect, it } from "vitest";
import { findPullNumber } from "../../../src/core/release/find-pull-number.js";

describe("findPullNumber", () => {
  it.each([
    ["SHOP-42: fix discount total (#104)", 104],
    ["Merge pull request #12 from octo/hotfix/SHOP-42\n\nFix", 12],
    ["Fix discount (#7)  \n\n* first commit (#3)", 7],
    ["Direct commit\n\n* squashed commit (#3)", undefined],
    ["Merge pull request #12x", undefined],
    ["Refer to #12 in the middle", undefined],
  ])("%j → %s", (message, expected) => {
    expect(findPullNumber(message)).toBe(expected);
  });
});
