import { describe, expect, it } from "vitest";
import { unquoteGitPath } from "../../src/sources/unquote-git-path.js";

describe("unquoteGitPath", () => {
  it.each([
    ["plain/path name.txt", "plain/path name.txt"],
    ['"a/new\\nline.txt"', "a/new\nline.txt"],
    ['"tab\\there \\"quoted\\" back\\\\slash"', 'tab\there "quoted" back\\slash'],
    ['"\\303\\274n\\303\\257c\\303\\266d\\303\\251.md"', "ünïcödé.md"],
    ['"\\360\\237\\232\\200 rocket\\a\\b\\v\\f\\r"', "🚀 rocket\u0007\b\u000b\f\r"],
    ['"ünï \\"already\\" UTF-8"', 'ünï "already" UTF-8'],
  ])("reads %s", (quoted, path) => {
    expect(unquoteGitPath(quoted)).toBe(path);
  });

  it.each([['"unterminated'], ['"bad \\q escape"'], ['"a" trailing']])("refuses %s", (quoted) => {
    expect(() => unquoteGitPath(quoted)).toThrow("malformed quoted path");
  });
});
