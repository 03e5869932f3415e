import { describe, expect, it } from "vitest";
import { isPlaceholder } from "../../../src/core/readers/placeholder.js";

describe("isPlaceholder", () => {
  it.each([
    "",
    "   \n\t\n",
    "N/A",
    "n/a.",
    "NA",
    "Not applicable",
    "TBD",
    "tbd!",
    "todo",
    "TODO:",
    "none",
    "None.",
    "-",
    "--",
    "...",
    "…",
    "?",
    "- N/A",
    "* TBD",
    "1. none",
    "- [ ] N/A",
    "- [x] none",
    "> N/A",
    "_N/A_",
    "**TBD**",
    "`none`",
    "(none)",
    "[N/A]",
    "See ticket",
    "see   above",
    "-\n-\n-",
  ])("%j is a placeholder", (text) => {
    expect(isPlaceholder(text)).toBe(true);
  });

  it.each([
    "Revert the PR.",
    "No data changes; revert and redeploy 1.4.2.",
    "none of the callers depend on it",
    "n/a for the mobile app; revert the web deploy",
    "- Revert the PR\n- Redeploy 1.4.2",
    "1.4.2",
    "TBD by the on-call SRE after looking at the error rate",
  ])("%j is real content", (text) => {
    expect(isPlaceholder(text)).toBe(false);
  });

  it("handles a 1 MB run of punctuation that does not end the text", () => {
    expect(isPlaceholder(`${".".repeat(1_000_000)}x`)).toBe(false);
    expect(isPlaceholder(`${".".repeat(1_000_000)}`)).toBe(true);
    expect(isPlaceholder(`${"- \n".repeat(300_000)}`)).toBe(true);
  });
});
