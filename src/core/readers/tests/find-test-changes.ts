import type { Config } from "../../../config/schema.js";
import type { Change, ChangedFile } from "../../change.js";
import { classifyFile } from "../classify-file.js";
import { readFileText } from "../read-file-text.js";
import { readPatchHunks } from "../read-patch-hunks.js";
import { countRustTestLines, findRustTestRanges } from "./rust-test-code.js";

/** How much of a changed file is test code, for a file whose name alone does not say. */
export interface TestCodeShare {
  test: number;
  other: number;
}

/**
 * The changed lines of a Rust source file that are test code (`#[cfg(test)]`, `#[test]`): from its
 * whole head text when the adapter read it, else from what its diff shows. Undefined for files
 * that are not Rust sources, and for removed ones.
 */
export function findTestCodeShare(change: Change, file: ChangedFile): TestCodeShare | undefined {
  if (!file.path.endsWith(".rs") || file.status === "removed" || file.patch === undefined) return undefined;
  const hunks = readPatchHunks(file.patch);
  const head = readFileText(change, "head", file.path);
  if (typeof head !== "string") return countRustTestLines(hunks);
  const ranges = findRustTestRanges(head);
  const inTest = (line: number) => ranges.some(([from, to]) => line >= from && line <= to);
  const share = { test: 0, other: 0 };
  for (const line of hunks.flatMap((h) => h.lines)) {
    if (line.kind === "context") continue;
    if (inTest(line.headLine)) share.test++;
    else share.other++;
  }
  return share;
}

/** The changed files that are test evidence: test files by name, and Rust sources whose diff changes test code. */
export function findTestFiles(change: Change, config: Pick<Config, "tests" | "docs">): ChangedFile[] {
  return change.files.filter((f) => {
    if (f.status === "removed") return false;
    const kind = classifyFile(f.path, config);
    if (kind === "test") return true;
    return kind === "production" && (findTestCodeShare(change, f)?.test ?? 0) > 0;
  });
}

/** Rust sources a planner may read at the head: only when no file is a test by its name. */
export function listTestCodeFiles(change: Change, config: Pick<Config, "tests" | "docs">): ChangedFile[] {
  const named = change.files.some((f) => f.status !== "removed" && classifyFile(f.path, config) === "test");
  if (named) return [];
  return change.files.filter(
    (f) => f.path.endsWith(".rs") && f.status !== "removed" && classifyFile(f.path, config) === "production",
  );
}
