import { describe, expect, it } from "vitest";
import { applyPatch, revertPatch } from "../../../src/core/readers/apply-patch.js";
import { readFileText } from "../../../src/core/readers/read-file-text.js";
import { buildChange, file } from "../../../support/build-change.js";
import { makePatch } from "../../../support/make-patch.js";

describe("applyPatch and revertPatch", () => {
  /** Deterministic pseudo-random texts of a few repeated lines: diffs with many ambiguous matches. */
  const text = (lines: number, seed: number) => {
    let s = seed;
    return Array.from({ length: lines }, () => {
      s = (s * 1103515245 + 12345) % 2147483648;
      return `line ${s % 7}\n`;
    }).join("");
  };

  it("rebuild either side of 300 diffs exactly", () => {
    for (let k = 0; k < 300; k++) {
      const base = k % 10 === 0 ? "" : text(k % 40, k);
      const head = k % 13 === 0 ? "" : text((k * 7) % 40, k + 99);
      const patch = makePatch(base || null, head || null);
      if (!patch) continue;
      expect(applyPatch(base, patch)).toBe(head);
      expect(revertPatch(head, patch)).toBe(base);
    }
  });

  it("refuse a patch that does not fit the text", () => {
    const patch = makePatch("a\nb\nc\n", "a\nB\nc\n");
    expect(applyPatch("a\nx\nc\n", patch)).toBeUndefined();
    expect(revertPatch("a\nb\nc\n", patch)).toBeUndefined();
    expect(applyPatch("a\n", "@@ -5,1 +5,1 @@\n-e\n+E")).toBeUndefined();
  });
});

describe("readFileText", () => {
  const patch = makePatch('{ "v": 1 }\n', '{ "v": 2 }\n');

  it("rebuilds the base of a changed file from its head and patch, and the reverse", () => {
    const change = buildChange({
      files: [file("a.json", { patch })],
      contents: { base: {}, head: { "a.json": '{ "v": 2 }\n' } },
    });
    expect(readFileText(change, "base", "a.json")).toBe('{ "v": 1 }\n');
    const other = buildChange({
      files: [file("a.json", { patch })],
      contents: { base: { "a.json": '{ "v": 1 }\n' }, head: {} },
    });
    expect(readFileText(other, "head", "a.json")).toBe('{ "v": 2 }\n');
  });

  it("rebuilds an added file's head and a removed file's base from the patch alone", () => {
    const change = buildChange({
      files: [
        file("new.sql", { status: "added", patch: "@@ -0,0 +1,1 @@\n+CREATE TABLE a (id int);" }),
        file("old.sql", { status: "removed", patch: "@@ -1,1 +0,0 @@\n-DROP TABLE a;" }),
      ],
    });
    expect(readFileText(change, "head", "new.sql")).toBe("CREATE TABLE a (id int);\n");
    expect(readFileText(change, "base", "new.sql")).toBeNull();
    expect(readFileText(change, "base", "old.sql")).toBe("DROP TABLE a;\n");
    expect(readFileText(change, "head", "old.sql")).toBeNull();
  });

  it("keys a rename by its base path and head path; an unchanged rename has one text", () => {
    const change = buildChange({
      files: [file("new/x.txt", { status: "renamed", previousPath: "old/x.txt", additions: 0, deletions: 0 })],
      contents: { base: { "old/x.txt": "same\n" }, head: {} },
    });
    expect(readFileText(change, "head", "new/x.txt")).toBe("same\n");
    expect(readFileText(change, "head", "old/x.txt")).toBeNull();
    expect(readFileText(change, "base", "new/x.txt")).toBeNull();
  });

  it("is undefined when nothing says, and null for a path a complete listing lacks", () => {
    expect(readFileText(buildChange({ files: [file("a.json", { patch })] }), "base", "a.json")).toBeUndefined();
    expect(readFileText(buildChange({ files: [file("a.json")] }), "head", "a.json")).toBeUndefined();
    const listed = buildChange({ baseTree: { paths: ["b.txt"], complete: true } });
    expect(readFileText(listed, "base", "c.txt")).toBeNull();
    expect(readFileText(listed, "head", "c.txt")).toBeNull();
    expect(readFileText(buildChange({ baseTree: { paths: [], complete: false } }), "base", "c.txt")).toBeUndefined();
  });

  it("gives an untouched file the same text on both sides", () => {
    const change = buildChange({ contents: { base: { "go.work": "use .\n" }, head: {} } });
    expect(readFileText(change, "head", "go.work")).toBe("use .\n");
  });
});
