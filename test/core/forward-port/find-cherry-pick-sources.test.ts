import { describe, expect, it } from "vitest";
import { findCherryPickSources, namesCommit } from "../../../src/core/forward-port/find-cherry-pick-sources.js";

const A = "0123456789abcdef0123456789abcdef01234567";
const B = "fedcba9876543210fedcba9876543210fedcba98";

describe("findCherryPickSources", () => {
  it.each([
    ["the trailer git cherry-pick -x writes", `Fix total\n\n(cherry picked from commit ${A})`, [A]],
    [
      "several picks squashed into one message, each once",
      `Fix\n\n(cherry picked from commit ${A})\n\n* Test\n\n(cherry picked from commit ${B})\n(cherry picked from commit ${A})`,
      [A, B],
    ],
    ["upper-case hex and spaces around the line", `Fix\n\n  (cherry picked from commit ${A.toUpperCase()})  \r`, [A]],
    ["an abbreviated SHA written by hand", "Fix\n\n(cherry picked from commit 0123456)", ["0123456"]],
    ["a SHA-256 repository", `Fix\n\n(cherry picked from commit ${A}${A.slice(0, 24)})`, [`${A}${A.slice(0, 24)}`]],
    ["the words inside a sentence are no trailer", `Fix: see (cherry picked from commit ${A}) above`, []],
    ["too short to name a commit", "Fix\n\n(cherry picked from commit 01234)", []],
    ["no trailer", "Fix total\n\nSigned-off-by: A <a@example.com>", []],
  ])("reads %s", (_name, message, expected) => {
    expect(findCherryPickSources(message)).toEqual(expected);
  });

  it("matches an abbreviated name as a prefix of the full SHA, never a shorter one", () => {
    expect(namesCommit("0123456", A)).toBe(true);
    expect(namesCommit(A, A)).toBe(true);
    expect(namesCommit("012345", A)).toBe(false);
    expect(namesCommit("1234567", A)).toBe(false);
  });
});
