import { baseName, type DependencyEntry, type ManifestReader } from "./manifest-reader.js";

/**
 * build.gradle and build.gradle.kts. Gradle scripts have no parser outside Gradle, so the reader
 * finds every `dependencies { … }` and `plugins { … }` block by matching braces outside strings and
 * comments, and takes each top-level statement of a block as one declaration. Statements that
 * name the build's own projects (`project(":core")`, `projects.core`) are left out. Every other
 * line of the script (a `version = …`, a task) is no dependency edit.
 */
export const gradleBuild: ManifestReader = {
  format: "build.gradle(.kts)",
  lockfile: false,
  matches: (path) => ["build.gradle", "build.gradle.kts"].includes(baseName(path)),
  read(text) {
    const code = blankCommentsAndStrings(text);
    const entries: DependencyEntry[] = [];
    for (const match of code.matchAll(/\b(dependencies|plugins)\s*\{/g)) {
      const open = (match.index ?? 0) + match[0].length - 1;
      const close = findClose(code, open);
      for (const statement of splitStatements(text, code, open + 1, close)) {
        if (/\bproject\s*\(|\bprojects\./.test(statement)) continue;
        entries.push({ section: `${match[1]} {}`, name: statement, value: "" });
      }
    }
    return entries;
  },
};

/** The same text with comments and string contents blanked, so braces inside them do not count. */
function blankCommentsAndStrings(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? "";
    const next = text[i + 1];
    if (c === "/" && next === "/") {
      while (i < text.length && text[i] !== "\n") {
        out += " ";
        i++;
      }
      out += text[i] ?? "";
    } else if (c === "/" && next === "*") {
      const end = text.indexOf("*/", i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, " ");
      i = stop - 1;
    } else if (c === '"' || c === "'") {
      const triple = text.startsWith(c.repeat(3), i);
      const quote = triple ? c.repeat(3) : c;
      let j = i + quote.length;
      while (j < text.length && !text.startsWith(quote, j)) j += text[j] === "\\" ? 2 : 1;
      const stop = Math.min(text.length, j + quote.length);
      out += quote + text.slice(i + quote.length, j).replace(/[^\n]/g, "_") + text.slice(j, stop);
      i = stop - 1;
    } else out += c;
  }
  return out;
}

function findClose(code: string, open: number): number {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    if (code[i] === "{") depth++;
    else if (code[i] === "}" && --depth === 0) return i;
  }
  return code.length;
}

/** Top-level statements between `start` and `end`: lines at depth 0, a nested block kept with its statement. */
function splitStatements(text: string, code: string, start: number, end: number): string[] {
  const statements: string[] = [];
  let depth = 0;
  let from = start;
  for (let i = start; i <= end; i++) {
    const c = code[i];
    if (c === "{" || c === "(" || c === "[") depth++;
    else if (c === "}" || c === ")" || c === "]") depth--;
    if ((c === "\n" || c === ";" || i === end) && depth <= 0) {
      const statement = stripComments(text.slice(from, i)).replace(/\s+/g, " ").trim();
      if (statement) statements.push(statement);
      from = i + 1;
    }
  }
  return statements;
}

function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:])\/\/.*$/gm, "$1");
}
