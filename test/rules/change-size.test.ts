import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, parseConfig } from "../../src/config/parse-config.js";
import type { Config } from "../../src/config/schema.js";
import { readBodySections } from "../../src/core/readers/body-sections.js";
import type { Change } from "../../src/core/change.js";
import { changeSize } from "../../src/rules/change-size.js";
import { buildChange, file } from "../../support/build-change.js";

const evaluate = (change: Change, config: Config = DEFAULT_CONFIG) =>
  changeSize.evaluate({ change, config, sections: readBodySections(change.body) });
const files = (count: number, additions = 1, deletions = 1) =>
  Array.from({ length: count }, (_, i) => file(`src/checkout/f${i}.ts`, { additions, deletions }));

describe("change-size", () => {
  it("passes the default change with its counts", () => {
    expect(evaluate(buildChange())).toEqual({
      verdict: "pass",
      message: "The change is within the size limits: 2 files (limit 15), 4 changed lines (limit 400).",
      facts: { Files: "2", "Changed lines": "+2 −2", Commits: "1" },
    });
  });

  it("passes a change exactly at every limit", () => {
    const config = parseConfig({ scope: { maxFiles: 2, maxLines: 10, maxCommits: 2 } }, "test");
    const change = buildChange({
      files: [file("a.ts", { additions: 6, deletions: 0 }), file("b.ts", { additions: 0, deletions: 4 })],
      commitCount: 2,
    });
    expect(evaluate(change, config)).toEqual({
      verdict: "pass",
      message:
        "The change is within the size limits: 2 files (limit 2), 10 changed lines (limit 10), 2 commits (limit 2).",
      facts: { Files: "2", "Changed lines": "+6 −4", Commits: "2" },
    });
  });

  it("fails too many files", () => {
    const result = evaluate(buildChange({ files: files(16) }));
    expect(result).toEqual({
      verdict: "fail",
      message: "The change is larger than a hotfix may be: 16 files (limit 15).",
      fix: "Cut the change to at most 15 files by moving refactors and unrelated edits to another PR.",
      facts: { Files: "16", "Changed lines": "+16 −16", Commits: "1" },
    });
  });

  it("fails too many changed lines, counting additions and deletions", () => {
    const result = evaluate(buildChange({ files: [file("src/checkout/a.ts", { additions: 300, deletions: 101 })] }));
    expect(result.verdict).toBe("fail");
    expect(result.message).toBe("The change is larger than a hotfix may be: 401 changed lines (limit 400).");
    expect(result.facts?.["Changed lines"]).toBe("+300 −101");
  });

  it("names every exceeded limit with its value", () => {
    const config = parseConfig({ scope: { maxFiles: 2, maxLines: 5, maxCommits: 1 } }, "test");
    const result = evaluate(buildChange({ files: files(3, 2, 1), commitCount: 4 }), config);
    expect(result.message).toBe(
      "The change is larger than a hotfix may be: 3 files (limit 2), 9 changed lines (limit 5), 4 commits (limit 1).",
    );
    expect(result.fix).toBe(
      "Cut the change to at most 2 files and 5 changed lines by moving refactors and unrelated edits to another PR, and squash the branch to at most 1 commit.",
    );
  });

  it("fails too many commits only when maxCommits is set", () => {
    const change = buildChange({ commitCount: 12 });
    expect(evaluate(change).verdict).toBe("pass");
    const config = parseConfig({ scope: { maxCommits: 3 } }, "test");
    expect(evaluate(change, config)).toEqual({
      verdict: "fail",
      message: "The change is larger than a hotfix may be: 12 commits (limit 3).",
      fix: "Squash the branch to at most 3 commits.",
      facts: { Files: "2", "Changed lines": "+2 −2", Commits: "12" },
    });
  });

  it("uses the host's file count, not the listed files", () => {
    const config = parseConfig({ scope: { maxFiles: 2 } }, "test");
    expect(evaluate(buildChange(), config).verdict).toBe("pass");
    expect(evaluate(buildChange({ files: files(3) }), config).message).toBe(
      "The change is larger than a hotfix may be: 3 files (limit 2).",
    );
  });

  it("fails a partial listing instead of passing what it could not see", () => {
    expect(evaluate(buildChange({ files: files(100), changedFiles: 3000 }))).toEqual({
      verdict: "fail",
      message: "The change is too large to judge: 3000 files changed, only 100 could be listed.",
      fix: "Split the change into PRs of at most 15 files each.",
      facts: { Files: "3000", "Changed lines": "+100 −100 in the 100 listed files", Commits: "1" },
    });
  });
});

describe("change-size wording", () => {
  it("uses the singular for one", () => {
    const config = parseConfig({ scope: { maxFiles: 1, maxLines: 1, maxCommits: 1 } }, "test");
    const result = evaluate(buildChange({ files: [file("a.ts", { additions: 1, deletions: 0 })] }), config);
    expect(result.message).toBe(
      "The change is within the size limits: 1 file (limit 1), 1 changed line (limit 1), 1 commit (limit 1).",
    );
  });
});
