import { execFileSync } from "node:child_process";
import { StringDecoder } from "node:string_decoder";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SourceError } from "../../src/core/errors.js";
import { GitDiffParser, MAX_PATCH_CHARS, MAX_PATCH_LINES } from "../../src/sources/parse-git-diff.js";
import { buildDiffArgs, readGitDiff } from "../../src/sources/read-git-diff.js";
import { createChangeTypesRepo } from "../helpers/change-types-repo.js";
import type { TempRepo } from "../helpers/git-repo.js";

let repo: TempRepo;
let output: Buffer;
beforeAll(async () => {
  repo = await createChangeTypesRepo();
  output = execFileSync("git", buildDiffArgs("main", "HEAD"), { cwd: repo.dir });
}, 30_000);
afterAll(() => repo.remove());

/** Feeds `bytes` to a parser in chunks of `size` bytes, decoded as a stream decodes them. */
function parseInChunks(bytes: Buffer, size: number) {
  const parser = new GitDiffParser();
  const decoder = new StringDecoder("utf8");
  for (let i = 0; i < bytes.length; i += size) parser.push(decoder.write(bytes.subarray(i, i + size)));
  parser.push(decoder.end());
  return parser.end();
}

function parse(text: string) {
  const parser = new GitDiffParser();
  parser.push(text);
  return parser.end();
}

/** `git diff --raw --numstat -p -z` for one added file whose patch is `lines`. */
function addedFile(path: string, lines: string[]): string {
  const summary = `:000000 100644 0000000 1234567 A\0${path}\0${lines.length}\t0\t${path}\0\0`;
  const header = `diff --git a/${path} b/${path}\nnew file mode 100644\nindex 0000000..1234567\n--- /dev/null\n+++ b/${path}\n`;
  return `${summary}${header}@@ -0,0 +1,${lines.length} @@\n${lines.map((line) => `+${line}\n`).join("")}`;
}

describe("GitDiffParser", () => {
  it("reads the same files however the stream is cut, through multi-byte characters too", async () => {
    const whole = parseInChunks(output, output.length);

    expect(whole).toEqual(await readGitDiff(repo.dir, "main", "HEAD"));
    expect(whole.map((f) => f.path)).toContain("docs/ünïcödé.md");
    for (const size of [1, 2, 7, 64, 4096]) expect(parseInChunks(output, size)).toEqual(whole);
  });

  it("keeps the counts and drops the patch of a file past GitHub's 20,000 lines, as GitHub does", () => {
    const atLimit = Array.from({ length: MAX_PATCH_LINES - 1 }, (_, i) => `line ${i}`);
    const pastLimit = [...atLimit, "one more"];

    const [kept] = parse(addedFile("at-limit.txt", atLimit));
    const [dropped] = parse(addedFile("past-limit.txt", pastLimit));

    expect(kept?.patch?.split("\n")).toHaveLength(MAX_PATCH_LINES);
    expect(dropped).toEqual({ path: "past-limit.txt", status: "added", additions: MAX_PATCH_LINES, deletions: 0 });
  });

  it("drops the patch of a file past 500 KB of diff, keeping its counts", () => {
    const long = "x".repeat(6_000);
    const lines = Array.from({ length: Math.ceil(MAX_PATCH_CHARS / long.length) }, () => long);

    const [file] = parse(addedFile("minified.js", lines));

    expect(file).toEqual({ path: "minified.js", status: "added", additions: lines.length, deletions: 0 });
  });

  it.each([
    ["a record that is neither --raw nor --numstat", "garbage\0", "unexpected record in git's file list"],
    ["a file listed but never counted", ":000000 100644 0000000 1234567 A\0a.txt\0\0", "did not count its lines"],
    ["lines counted for a file never listed", "1\t0\tb.txt\0\0", 'git counted lines of "b.txt"'],
    [
      "a patch for a file that is not listed",
      ":000000 100644 0000000 1234567 A\0a.txt\x001\t0\ta.txt\0\0diff --git a/b.txt b/b.txt\n@@ -0,0 +1 @@\n+b\n",
      'git printed a patch for "b.txt", which is not in its file list',
    ],
    ["patch text before any diff header", "\0@@ -0,0 +1 @@\n", "before any diff header"],
    ["an output cut inside the file list", ":000000 100644 0000000 1234567 A\0a.t", "ended in the middle of a record"],
  ])("refuses %s with an error that says so", (_, text, message) => {
    expect(() => parse(text)).toThrow(message);
  });
});

describe("readGitDiff", () => {
  it("is a SourceError with git's own words when git fails", async () => {
    const failure = readGitDiff(repo.dir, "main", "no-such-branch");

    await expect(failure).rejects.toBeInstanceOf(SourceError);
    await expect(failure).rejects.toThrow(/^git error: reading the diff: fatal: .*no-such-branch/);
  });

  it("says git is missing when it is not on PATH", async () => {
    vi.stubEnv("PATH", "/nonexistent");

    await expect(readGitDiff(repo.dir, "main", "HEAD")).rejects.toThrow(
      "git error: reading the diff: git is not installed or not on PATH",
    );
  });
});
