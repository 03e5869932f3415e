import type { PatchHunk } from "../read-patch-hunks.js";

/**
 * Rust keeps unit tests in the file they test: a `#[cfg(test)]` module or item, or a function
 * marked `#[test]` (also `#[tokio::test]`, `#[rstest]`…). These find which lines are test code.
 * No Rust parser is kept here: a tokenizer skips strings, chars and comments and matches braces.
 */
const TEST_ATTRIBUTE = /^\s*#\[\s*(?:cfg\s*\(\s*test\s*\)|(?:[\w:]+::)?test\b|rstest\b|test_case\b)/;

/** 1-based inclusive line ranges of a Rust text that are test code. */
export function findRustTestRanges(text: string): Array<[number, number]> {
  const lines = text.split(/\r?\n/);
  const code = blank(text).split("\n");
  const ranges: Array<[number, number]> = [];
  for (let i = 0; i < lines.length; i++) {
    if (!TEST_ATTRIBUTE.test(lines[i] ?? "")) continue;
    const end = findItemEnd(code, i);
    ranges.push([i + 1, end + 1]);
    i = end;
  }
  return ranges;
}

/**
 * For a diff whose file could not be read: the changed lines that a hunk shows inside a test item
 * (after a test attribute it shows, or in a hunk whose function context is `mod tests`).
 */
export function countRustTestLines(hunks: readonly PatchHunk[]): { test: number; other: number } {
  const share = { test: 0, other: 0 };
  for (const hunk of hunks) {
    const inTests = /\bmod\s+tests?\b|#\[cfg\(test\)\]/.test(hunk.section);
    let depth = 0;
    let armed = false;
    for (const line of hunk.lines) {
      const isAttribute = line.kind !== "removed" && TEST_ATTRIBUTE.test(line.text);
      if (isAttribute) armed = true;
      const inside = inTests || armed || depth > 0;
      if (line.kind !== "context") inside ? share.test++ : share.other++;
      if (line.kind === "removed" || !(armed || depth > 0)) continue;
      const code = blank(line.text);
      for (const c of code) {
        if (c === "{") depth++;
        else if (c === "}") depth = Math.max(0, depth - 1);
      }
      if (armed && !isAttribute && (code.includes("{") || code.trimEnd().endsWith(";"))) armed = false;
    }
  }
  return share;
}

/** The 0-based line where the item after the attribute at `start` ends (its closing brace or `;`). */
function findItemEnd(code: readonly string[], start: number): number {
  let depth = 0;
  let opened = false;
  for (let i = start + 1; i < code.length; i++) {
    for (const c of code[i] ?? "") {
      if (c === "{") {
        depth++;
        opened = true;
      } else if (c === "}") depth--;
      else if (c === ";" && !opened && depth === 0) return i;
    }
    if (opened && depth <= 0) return i;
  }
  return code.length - 1;
}

/** The text with string, char and comment contents blanked (newlines kept), so braces in them do not count. */
function blank(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? "";
    if (c === "/" && text[i + 1] === "/") {
      while (i < text.length && text[i] !== "\n") i++;
      out += text[i] ?? "";
    } else if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, " ");
      i = stop - 1;
    } else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      out += `"${text.slice(i + 1, j).replace(/[^\n]/g, " ")}"`;
      i = j;
    } else if (c === "'" && /^'(?:\\.|[^\\'])'/.test(text.slice(i, i + 4))) {
      const len = text[i + 1] === "\\" ? 4 : 3;
      out += "' '".padEnd(len, " ");
      i += len - 1;
    } else out += c;
  }
  return out;
}
