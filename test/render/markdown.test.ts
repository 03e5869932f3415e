import { describe, expect, it } from "vitest";
import { table, truncateChars, truncateUtf8, verdictIcon } from "../../src/render/markdown.js";

describe("table", () => {
  it("renders a header, a delimiter row and the rows as given", () => {
    expect(
      table(
        ["A", "B"],
        [
          ["1", "2"],
          ["3", "4"],
        ],
      ),
    ).toBe("| A | B |\n| --- | --- |\n| 1 | 2 |\n| 3 | 4 |");
  });
});

describe("verdictIcon", () => {
  it("has an icon per verdict", () => {
    expect([verdictIcon("pass"), verdictIcon("fail"), verdictIcon("warn"), verdictIcon("skip")]).toEqual([
      "✅",
      "❌",
      "⚠️",
      "⏭️",
    ]);
  });
});

describe("truncateUtf8", () => {
  const note = (n: number) => ` [+${n}]`;

  it("leaves text that fits alone", () => {
    expect(truncateUtf8("héllo", 6, note)).toBe("héllo");
  });

  it("cuts on a character boundary and appends the note within the limit", () => {
    const text = "a🚀é文".repeat(50);
    for (let max = 8; max < 120; max++) {
      const cut = truncateUtf8(text, max, note);
      expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(max);
      expect(cut).not.toContain("\uFFFD");
      expect(cut).toMatch(/ \[\+\d+\]$/);
      const kept = cut.replace(/ \[\+\d+\]$/, "");
      expect(text.startsWith(kept)).toBe(true);
      expect(Number(/\d+/.exec(cut.slice(kept.length))?.[0])).toBe(Buffer.byteLength(text) - Buffer.byteLength(kept));
    }
  });

  it("never splits a 4-byte character", () => {
    expect(truncateUtf8("🚀🚀", 7, "")).toBe("🚀");
    expect(truncateUtf8("🚀🚀", 3, "")).toBe("");
  });

  it("cuts the note itself when nothing else fits", () => {
    expect(truncateUtf8("abcdef", 3, "…!")).toBe("…");
  });
});

describe("truncateChars", () => {
  it("ends with an ellipsis and never splits a surrogate pair", () => {
    expect(truncateChars("🚀🚀🚀🚀", 3)).toBe("🚀🚀…");
    expect(truncateChars("abc", 3)).toBe("abc");
  });
});
