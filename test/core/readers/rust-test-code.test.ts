import { describe, expect, it } from "vitest";
import { findTestCodeShare, findTestFiles } from "../../../src/core/readers/tests/find-test-changes.js";
import { countRustTestLines, findRustTestRanges } from "../../../src/core/readers/tests/rust-test-code.js";
import { readPatchHunks } from "../../../src/core/readers/read-patch-hunks.js";
import { DEFAULT_CONFIG } from "../../../src/config/parse-config.js";
import { buildChange, file, textFile } from "../../../support/build-change.js";

const SOURCE = `pub fn parse(s: &str) -> usize {
    s.len() // a "}" in a comment
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses() {
        let brace = '}';
        assert_eq!(parse("{"), 1);
    }
}
`;

describe("Rust test code", () => {
  it("finds #[cfg(test)] modules and #[test] functions by their braces, not by braces in strings and comments", () => {
    expect(findRustTestRanges(SOURCE)).toEqual([[5, 14]]);
    expect(findRustTestRanges("#[tokio::test]\nasync fn a() {\n    b().await;\n}\n\nfn c() {}\n")).toEqual([[1, 4]]);
    expect(findRustTestRanges("#[cfg(test)]\nuse std::fs;\nfn a() {}\n")).toEqual([[1, 2]]);
  });

  it("splits a file's changed lines into test code and the rest, from its head text", () => {
    const base = SOURCE.replace('        assert_eq!(parse("{"), 1);\n', "");
    const change = buildChange({ files: [textFile("src/lib.rs", base, SOURCE)] });
    expect(findTestCodeShare(change, change.files[0]!)).toEqual({ test: 1, other: 0 });
    const both = buildChange({ files: [textFile("src/lib.rs", base.replace("s.len()", "s.chars().count()"), SOURCE)] });
    expect(findTestCodeShare(both, both.files[0]!)).toEqual({ test: 1, other: 2 });
  });

  it("reads what the diff shows when the file could not be read: a hunk that adds a #[test] function", () => {
    const patch = [
      "@@ -10,3 +10,8 @@",
      "         );",
      "     }",
      "+",
      "+    #[test]",
      "+    #[should_panic]",
      "+    fn panics() {",
      '+        run(|| panic!("{"));',
      "+    }",
      " }",
    ].join("\n");
    expect(countRustTestLines(readPatchHunks(patch))).toEqual({ test: 5, other: 1 });
    expect(countRustTestLines(readPatchHunks("@@ -3,1 +3,1 @@ mod tests {\n-    let a = 1;\n+    let a = 2;"))).toEqual(
      {
        test: 2,
        other: 0,
      },
    );
  });

  it("makes a Rust source whose diff touches test code test evidence", () => {
    const base = SOURCE.replace('        assert_eq!(parse("{"), 1);\n', "");
    expect(
      findTestFiles(buildChange({ files: [textFile("crates/a/src/lib.rs", base, SOURCE)] }), DEFAULT_CONFIG),
    ).toHaveLength(1);
    expect(
      findTestFiles(
        buildChange({ files: [file("crates/a/src/lib.rs", { patch: "@@ -1 +1 @@\n-a\n+b" })] }),
        DEFAULT_CONFIG,
      ),
    ).toEqual([]);
  });
});
